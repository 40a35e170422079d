"""The study modes' data: the catalogue script, the short answers, and the pages that use them."""

from __future__ import annotations

import gzip
import json
import posixpath
import re

import pytest

from dlqa import links, pageformat, pages, shortanswer, study
from dlqa.catalogue import load_catalogue


@pytest.fixture(scope="module")
def catalogue(repo):
    return load_catalogue(repo, check=False)


def _assigned(js: str, prefix: str, suffix: str = ";\n"):
    """The JSON value a generated script assigns."""
    assert js.startswith(prefix) and js.endswith(suffix), js[:80]
    return json.loads(js[len(prefix):-len(suffix)])


def test_catalogue_data_has_every_question_with_its_url(catalogue, repo):
    data = study.catalogue_data(catalogue, directory_urls=False)
    assert data["levels"] == [{"id": k, "label": v} for k, v in pageformat.LEVELS.items()]
    assert [t["id"] for t in data["topics"]] == list(repo.topics)
    assert len(data["questions"]) == len(catalogue.questions)
    for record, q in zip(data["questions"], catalogue.questions, strict=True):
        assert record == {"id": q.id, "title": q.title, "url": f"{q.topic}/{q.id}.html",
                          "topic": q.topic, "level": q.level}
    directory = study.catalogue_data(catalogue, directory_urls=True)
    assert directory["questions"][0]["url"] == catalogue.questions[0].site_url(True)


def test_catalogue_js_assigns_the_data(catalogue):
    js = study.catalogue_js(catalogue, directory_urls=False)
    assert _assigned(js, "window.dlqaCatalogue=") == study.catalogue_data(catalogue, False)


@pytest.mark.parametrize("page_url, value, expected", [
    ("activations/softmax.html", "sigmoid.html", "activations/sigmoid.html"),
    ("activations/softmax.html", "../tags.html#probability", "tags.html#probability"),
    ("activations/softmax.html", "#short-answer", "activations/softmax.html#short-answer"),
    ("activations/softmax.html", "../cnn/padding.html?x=1#same", "cnn/padding.html?x=1#same"),
    ("activations/softmax/", "../sigmoid/", "activations/sigmoid/"),
    ("activations/softmax.html", "https://arxiv.org/abs/1", "https://arxiv.org/abs/1"),
    ("activations/softmax.html", "/absolute.html", "/absolute.html"),
])
def test_links_rebase_makes_links_relative_to_the_root(page_url, value, expected):
    fragment = f'<p><a href="{value}">x</a> <img src="{value}"></p>'
    assert links.rebase(fragment, page_url) == (
        f'<p><a href="{expected}">x</a> <img src="{expected}"></p>')


def test_capture_takes_the_card_text_of_the_rendered_content():
    page = ('<h1 id="t">T <code>x</code><a class="headerlink" href="#t">¶</a></h1>'
            '<p class="dlqa-meta">meta</p>'
            '<p class="dlqa-aliases">Also asked as: <em>A</em> · <em>B <code>y</code></em></p>'
            '<h2 id="short-answer">Short answer<a class="headerlink" href="#short-answer">¶</a>'
            '</h2>\n<p>First, see <a href="other.html">other</a>.</p>\n<p>Second.</p>\n'
            '<h2 id="explanation">Explanation</h2><p>Long.</p>')
    assert shortanswer.capture(page, "topic/q.html") == shortanswer.Rendered(
        "T <code>x</code>", ("A", "B <code>y</code>"),
        '<p>First, see <a href="topic/other.html">other</a>.</p>\n<p>Second.</p>')
    last = '<h2 id="short-answer">Short answer</h2><p>Only.</p>'
    assert shortanswer.capture(last, "topic/q.html").short_answer == "<p>Only.</p>"


@pytest.mark.parametrize("page", [
    "<h2 id='explanation'>Explanation</h2><p>x</p>",
    '<h2 id="short-answer">Short answer</h2>\n<h2 id="code">Code</h2>',
])
def test_capture_refuses_a_page_without_a_short_answer(page):
    with pytest.raises(ValueError, match="Short answer"):
        shortanswer.capture(page, "topic/q.html")


def test_the_cards_and_the_study_modes_show_the_same_short_answer(site, catalogue):
    """Both come from the one capture: the study script's answer is the card's, math and
    links aside."""
    import lxml.html

    from dlqa.anki import note_guid
    from tests.test_anki import read_deck

    def without_math_and_hrefs(fragment: str) -> str:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for el in root.xpath('.//*[@class="arithmatex"]'):
            el.drop_tree()
        for el in root.xpath(".//*[@href]"):
            del el.attrib["href"]
        return lxml.html.tostring(root, encoding="unicode")

    deck = read_deck(site / "dlqa.apkg")["notes"]
    text = (site / study.ANSWERS_DIR / "activations.js").read_text(encoding="utf-8")
    answers = json.loads(text[text.index("||{},") + 5:text.rindex(")")])
    shown = [q for q in catalogue.questions if q.topic == "activations"]
    assert shown and set(answers) == {q.id for q in shown}
    for q in shown:
        card = deck[note_guid(q.id)]["fields"]["Answer"]
        assert card.count('class="arithmatex"') == answers[q.id].count('class="arithmatex"')
        assert without_math_and_hrefs(card) == without_math_and_hrefs(answers[q.id]), q.id


def test_answer_scripts_group_answers_by_topic(catalogue, repo):
    answers = {q.id: f"<p>{q.id}</p>" for q in catalogue.questions[::2]}
    scripts = study.answer_scripts(answers, catalogue)
    assert set(scripts) == {f"assets/dlqa/answers/{t}.js" for t in repo.topics}
    prefix = "window.dlqaAnswers=Object.assign(window.dlqaAnswers||{},"
    merged = {}
    for rel, js in scripts.items():
        chunk = _assigned(js, prefix, ");\n")
        topic = posixpath.splitext(posixpath.basename(rel))[0]
        assert all(catalogue.by_id[qid].topic == topic for qid in chunk)
        merged.update(chunk)
    assert merged == answers


def test_topic_page_marks_each_question_link_with_its_id(catalogue):
    markdown = pages.topic_page(catalogue, "activations")
    ids = re.findall(r'<a data-dlqa-id="([\w-]+)" href="\1(?:\.html|/)">', markdown)
    assert sorted(ids) == sorted(q.id for q in catalogue.questions if q.topic == "activations")


def test_listing_links_are_relative_in_either_url_style(catalogue):
    q = next(q for q in catalogue.questions if q.path == "activations/softmax.md")
    title = q.title.replace("&", "&amp;").replace("<", "&lt;")
    assert pages._Links("tags.md", False)(q) == \
        f'<a href="activations/softmax.html">{title}</a>'
    assert pages._Links("tags.md", True)(q) == f'<a href="../activations/softmax/">{title}</a>'
    assert pages._Links("activations/index.md", True)(q, ' data-dlqa-id="x"') == \
        f'<a data-dlqa-id="x" href="softmax/">{title}</a>'


# The built site.

def test_site_has_the_catalogue_script(site, catalogue):
    js = (site / study.CATALOGUE_JS).read_text(encoding="utf-8")
    assert js == study.catalogue_js(catalogue, directory_urls=False)
    # Loaded by the study modes only; it grows with the encyclopedia, so the budget is per
    # question (about 40 bytes gzipped each today: id, title, url, topic, level).
    per_question = len(gzip.compress(js.encode())) / len(catalogue.questions)
    assert per_question < 60, f"the catalogue script takes {per_question:.0f} B per question"


def test_site_answers_cover_every_question_with_working_links(site, catalogue):
    prefix = "window.dlqaAnswers=Object.assign(window.dlqaAnswers||{},"
    answers = {}
    for path in sorted((site / study.ANSWERS_DIR).glob("*.js")):
        js = path.read_text(encoding="utf-8")
        assert len(gzip.compress(js.encode())) < 40_000, f"{path.name} is heavy"
        answers.update(_assigned(js, prefix, ");\n"))
    assert set(answers) == {q.id for q in catalogue.questions}
    for q in catalogue.questions:
        html = answers[q.id]
        assert "<h2" not in html and html.startswith("<p>"), q.id
        # Math arrives rendered, never as TeX for the browser to typeset.
        assert ("$" in q.short_answer) == ('class="katex"' in html), q.id
        assert "\\(" not in html, q.id
        for target in re.findall(r'(?:href|src)="([^"#?]+)', html):
            assert "://" in target or (site / target).is_file(), (q.id, target)


def test_softmax_short_answer_matches_its_page(site):
    answers = _assigned((site / study.ANSWERS_DIR / "activations.js").read_text(encoding="utf-8"),
                        "window.dlqaAnswers=Object.assign(window.dlqaAnswers||{},", ");\n")
    page = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    assert answers["softmax"] in page
    assert "Softmax maps a vector" in answers["softmax"]


def test_study_pages_are_built_and_linked(site):
    for rel in ("study/index.html", "study/mock-interview.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert "dlqa-needs-js" in html and 'href="../levels.html"' in html, rel
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="study/index.html"' in home
    assert 'href="mock-interview.html"' in (site / "study" / "index.html").read_text()
    assert 'src="javascripts/study.js"' in home and 'href="stylesheets/study.css"' in home


def test_the_page_format_is_declared_once(monkeypatch, repo):
    """A change to dlqa.pageformat reaches the model, the generated pages, the study pages'
    controls, the study script's data and the practice-mode labels."""
    from pathlib import Path

    from dlqa.errors import ContentErrors
    from dlqa.model import Question

    monkeypatch.setattr(pageformat, "LEVELS", {**pageformat.LEVELS, "expert": "Expert"})
    monkeypatch.setattr(pageformat, "SECTIONS", tuple(
        pageformat.Section(s.heading, s.required, s.label.upper()) for s in pageformat.SECTIONS))
    catalogue = load_catalogue(repo, check=False)
    assert {"id": "expert", "label": "Expert"} in study.catalogue_data(catalogue, False)["levels"]
    assert '<option value="expert">Expert</option>' in pages.level_controls(
        pages.LEVEL_OPTIONS_MARKER)
    assert 'name="expert"' in pages.level_controls(pages.LEVEL_INPUTS_MARKER)
    assert "## Expert (0)" in pages.levels_page(catalogue)
    assert 'data-dlqa-label="ANSWER"' in pages.label_sections("## Short answer\n\nx\n")
    softmax = (repo.docs_dir / "activations" / "softmax.md").read_text(encoding="utf-8")
    expert = Question.from_text(softmax.replace("level: beginner", "level: expert"),
                                Path(repo.docs_dir / "activations" / "softmax.md"), repo)
    assert expert.level == "expert"
    monkeypatch.setattr(pageformat, "LEVELS", {"beginner": "Beginner"})
    with pytest.raises(ContentErrors, match="must be one of beginner"):
        Question.from_text(softmax.replace("level: beginner", "level: expert"),
                           Path(repo.docs_dir / "activations" / "softmax.md"), repo)


def test_practice_labels_come_from_the_page_format(site):
    html = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    for section in pageformat.SECTIONS:
        assert f'data-dlqa-label="{section.label}"' in html, section.heading
    study_page = (site / "study" / "mock-interview.html").read_text(encoding="utf-8")
    for level, label in pageformat.LEVELS.items():
        assert f'name="{level}"' in study_page and label in study_page
