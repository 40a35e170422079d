"""The built site: catalogue, generated pages, math, snippet output and search index."""

import json
import re

from dlqa.catalogue import load_catalogue
from dlqa.search.site import INDEX
from dlqa.snippets import output_path


def test_catalogue_lists_every_page(site, repo):
    entries = json.loads((site / "questions.json").read_text())
    catalogue = load_catalogue(repo, check=False)
    assert {e["id"] for e in entries} == {q.id for q in catalogue.questions}
    keys = {"id", "title", "url", "path", "topic", "level", "tags", "aliases", "sources",
            "related", "snippets"}
    for entry in entries:
        assert set(entry) == keys
        # Built for file:// (offline plugin), so every page is a .html file.
        assert entry["url"] == f"{entry['topic']}/{entry['id']}.html"
        assert (site / entry["url"]).is_file(), entry["url"]


def test_every_seed_ref_is_cited_once(repo):
    catalogue = load_catalogue(repo)
    cited = [ref for q in catalogue.questions for ref in q.seed_refs]
    assert len(cited) == len(set(cited))
    missing = set(repo.seeds.questions) - set(cited)
    assert not missing, f"seed refs no page answers: {sorted(missing)}"


def test_seed_phrasings_are_aliases(repo):
    """A page answering a seed ref records that seed's phrasing."""
    seeds = repo.seeds.questions
    for q in load_catalogue(repo, check=False).questions:
        norm = {p.strip().rstrip("?.").lower() for p in q.phrasings}
        for ref in q.seed_refs:
            assert seeds[ref].question.strip().rstrip("?.").lower() in norm, (q.id, ref)


def test_math_is_rendered_and_search_shows_it_as_text(site):
    html = (site / "activations" / "softmax.html").read_text()
    assert 'class="katex"' in html
    assert not re.search(r'class="arithmatex">\\[(\[]', html), "raw TeX left in the page"
    index = json.loads((site / INDEX).read_text())
    (softmax,) = [d["text"] for d in index["docs"] if d["location"] == "activations/softmax.html"]
    # The short answer's formula, written out: no TeX commands, dollars or KaTeX markup.
    assert "softmax(z)_i = e^z_i / sum_j=1^K e^z_j" in softmax, softmax
    assert not re.search(r"[$\\{}]|katex", softmax), softmax


def test_snippet_output_on_page_is_the_real_output(site, repo):
    """The page's output block holds every line the snippet printed (numbers included, which
    the snippet's source does not contain), so an empty or stale block fails."""
    import html as html_module

    page = html_module.unescape(re.sub(r"<[^>]+>", "", (site / "activations" / "softmax.html")
                                       .read_text()))
    output = output_path("snippets/activations/softmax.py", repo).read_text().strip()
    source = (repo.root / "snippets" / "activations" / "softmax.py").read_text()
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    assert lines and any(line not in source for line in lines)
    for line in lines:
        assert line in page, line
    assert (site / "assets" / "katex" / "katex.min.css").is_file()


def test_generated_pages_exist(site, repo):
    for topic in repo.topics:
        assert (site / topic / "index.html").is_file()
    for path in ("levels.html", "tags.html", "sources/index.html"):
        assert (site / path).is_file()
    for source in repo.seeds.lists:
        html = (site / "sources" / f"{source}.html").read_text()
        assert html.count('id="') > len(repo.seeds.lists[source].questions)


def test_question_page_shows_id_aliases_and_sources(site):
    html = (site / "training" / "equal-weight-initialisation.html").read_text()
    assert "Question id:" in html and "equal-weight-initialisation" in html
    assert "Also asked as" in html
    assert "sources/analytics-vidhya.html#av-04" in html


def test_level_and_tags_line_follows_the_title_and_links_each_tag(site, repo):
    from selectolax.lexbor import LexborHTMLParser

    question = next(q for q in load_catalogue(repo, check=False).questions
                    if q.path == "activations/softmax.md")
    page = LexborHTMLParser((site / "activations" / "softmax.html").read_text())
    title = page.css_first("article h1")
    meta = title.next
    while meta is not None and meta.tag == "-text":
        meta = meta.next
    assert meta.attributes.get("class") == "dlqa-meta"
    assert meta.css_first("strong").text() == question.level.capitalize()
    links = meta.css("a")
    assert [a.text() for a in links] == question.tags
    tags_page = LexborHTMLParser((site / "tags.html").read_text())
    for a in links:
        target, anchor = a.attributes["href"].split("#")
        assert (site / "activations" / target).resolve() == (site / "tags.html").resolve()
        assert tags_page.css_first(f'[id="{anchor}"]') is not None, anchor


def test_no_external_fonts_or_cdn(site):
    html = (site / "activations" / "softmax.html").read_text()
    assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html
    assert "unpkg.com" not in html and "api.github.com" not in html
    # A plain build links no PDF (it has none); `make pdf` builds with DLQA_PDF=1 and links it.
    assert "dlqa.pdf" not in html


def test_only_the_pdf_build_links_the_pdf(scratch):
    """`make pdf` builds with DLQA_PDF=1 and then writes site/dlqa.pdf: only that footer
    links it, so a plain local build has no dead link."""
    result = scratch.build(DLQA_PDF="1")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (scratch.root / "site" / "fundamentals" / "tensor.html").read_text(encoding="utf-8")
    assert 'href="../dlqa.pdf"' in page and 'href="../dlqa.apkg"' in page


def test_home_page_states_the_count_and_every_topic(site, repo):
    html = (site / "index.html").read_text(encoding="utf-8")
    catalogue = load_catalogue(repo, check=False)
    assert f"{len(catalogue.questions)} questions in {len(repo.topics)} topics" in html
    for topic, info in repo.topics.items():
        count = sum(q.topic == topic for q in catalogue.questions)
        assert f'href="{topic}/index.html">{info.title}</a> ({count})' in html, topic
