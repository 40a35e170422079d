"""The Anki deck: one note per question, stable ids, math for Anki's MathJax, page links."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from dlqa import anki, shortanswer
from dlqa.catalogue import Catalogue, load_catalogue
from dlqa.repo import Repo
from dlqa.shortanswer import Rendered
from tests.conftest import DOCS

BASE = "https://example.org/dlqa/"
_MATH = re.compile(r"(?<![\\$])\$([^$]+?)\$")  # inline math may wrap a line


def read_deck(path: Path) -> dict:
    """What an .apkg holds: deck ids, note type ids and templates, and every note."""
    with zipfile.ZipFile(path) as package:
        assert set(package.namelist()) == {"collection.anki2", "media"}
        data = package.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    try:
        decks_json, models_json = conn.execute("SELECT decks, models FROM col").fetchone()
        models = json.loads(models_json)
        names = {mid: [f["name"] for f in m["flds"]] for mid, m in models.items()}
        notes = {}
        for guid, mid, flds, tags, sfld in conn.execute(
                "SELECT guid, mid, flds, tags, sfld FROM notes"):
            fields = dict(zip(names[str(mid)], flds.split("\x1f"), strict=True))
            notes[guid] = {"mid": mid, "fields": fields, "tags": tags.split(), "sort": sfld}
        cards = [row[0] for row in conn.execute("SELECT did FROM cards")]
    finally:
        conn.close()
    decks = {int(k): v for k, v in json.loads(decks_json).items() if v["name"] != "Default"}
    return {"decks": decks, "models": {int(k): v for k, v in models.items()},
            "notes": notes, "card_decks": cards}


@pytest.fixture(scope="module")
def catalogue(repo) -> Catalogue:
    return load_catalogue(repo, check=False)


@pytest.fixture(scope="module")
def rendered(catalogue) -> dict[str, Rendered]:
    return shortanswer.render(catalogue)


def _deck(catalogue: Catalogue, rendered: dict[str, Rendered]):
    """The deck of `catalogue`; questions not in `rendered` (edited ones) are rendered."""
    missing = [q for q in catalogue.questions if q.id not in rendered]
    return anki.build_deck(catalogue, {**rendered, **shortanswer.render(catalogue, missing)},
                           BASE)


@pytest.fixture(scope="module")
def deck(catalogue, rendered, tmp_path_factory) -> dict:
    return read_deck(anki.write_package(_deck(catalogue, rendered),
                                        tmp_path_factory.mktemp("anki") / "dlqa.apkg"))


def _note(deck: dict, question) -> dict:
    return deck["notes"][anki.note_guid(question.id)]


def test_one_note_and_one_card_per_question(deck, catalogue):
    assert len(deck["notes"]) == len(catalogue.questions)
    assert deck["card_decks"] == [anki.DECK_ID] * len(catalogue.questions)
    assert set(deck["decks"]) == {anki.DECK_ID}
    assert set(deck["models"]) == {anki.MODEL_ID}
    titles = sorted(n["fields"]["Question"] for n in deck["notes"].values())
    assert titles == sorted(html.escape(q.title, quote=False) for q in catalogue.questions)


def test_ids_are_stable_across_two_builds(catalogue, rendered, tmp_path):
    # Different write times, as two builds on two days would have.
    first = read_deck(anki.write_package(_deck(catalogue, rendered),
                                         tmp_path / "a.apkg", timestamp=1_700_000_000))
    second = read_deck(anki.write_package(_deck(catalogue, rendered),
                                          tmp_path / "b.apkg", timestamp=1_800_000_000))
    assert set(first["decks"]) == set(second["decks"]) == {anki.DECK_ID}
    assert set(first["models"]) == set(second["models"]) == {anki.MODEL_ID}
    assert set(first["notes"]) == set(second["notes"])
    assert len(first["notes"]) == len(catalogue.questions)
    assert {n["mid"] for n in second["notes"].values()} == {anki.MODEL_ID}


def test_anki_reimport_updates_instead_of_duplicating(catalogue, rendered, tmp_path):
    """Anki's own importer (the `anki` package): a newer deck updates the same notes."""
    question = catalogue.questions[0]
    edited = question.model_copy(update={
        "sections": {**question.sections, "Short answer": "A rewritten answer, $x^2$."}})
    older = anki.write_package(_deck(catalogue, rendered), tmp_path / "old.apkg",
                               timestamp=1_700_000_000)
    others = {qid: r for qid, r in rendered.items() if qid != question.id}
    newer = anki.write_package(
        _deck(Catalogue(catalogue.repo, [edited, *catalogue.questions[1:]]), others),
        tmp_path / "new.apkg", timestamp=1_800_000_000)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        logs = [col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(path), options=ImportAnkiPackageOptions())).log
            for path in (older, newer)]
        assert (len(logs[0].new), len(logs[0].updated)) == (len(catalogue.questions), 0)
        assert (len(logs[1].new), len(logs[1].updated)) == (0, len(catalogue.questions))
        assert col.note_count() == col.card_count() == len(catalogue.questions)
        assert col.decks.id_for_name(anki.DECK_NAME) is not None
        (note_id,) = col.find_notes(f'"URL:{BASE}{question.topic}/{question.id}.html"')
        card = col.get_note(note_id).cards()[0]
        assert "A rewritten answer, <span class=\"arithmatex\">\\(x^2\\)</span>" in card.answer()
        assert f'<a href="{BASE}{question.topic}/{question.id}.html">' in card.answer()
        assert html.escape(question.title, quote=False) in card.question()
    finally:
        col.close()


def test_guid_follows_the_question_id_not_its_text(catalogue):
    question = catalogue.questions[0]
    edited = question.model_copy(update={
        "title": question.title + " (reworded)",
        "sections": {**question.sections, "Short answer": "A rewritten answer."},
    })
    before = _deck(Catalogue(catalogue.repo, [question]), {}).notes[0]
    after = _deck(Catalogue(catalogue.repo, [edited]), {}).notes[0]
    assert after.fields[2] != before.fields[2]
    assert after.guid == before.guid == anki.note_guid(question.id)
    guids = {anki.note_guid(q.id) for q in catalogue.questions}
    assert len(guids) == len(catalogue.questions)


def test_math_reaches_anki_as_mathjax_delimiters(deck, catalogue):
    with_math = [q for q in catalogue.questions if _MATH.search(q.short_answer)]
    assert with_math, "some short answer has inline math"
    for question in with_math:
        answer = _note(deck, question)["fields"]["Answer"]
        for tex in _MATH.findall(question.short_answer):
            assert f"\\({html.escape(tex, quote=False)}\\)" in answer, (question.id, tex)
        assert not _MATH.search(answer), question.id


def test_tags_are_topic_and_level(deck, catalogue):
    for question in catalogue.questions:
        assert sorted(_note(deck, question)["tags"]) == sorted([question.topic, question.level])


def test_back_links_to_the_page(deck, catalogue):
    template = deck["models"][anki.MODEL_ID]["tmpls"][0]
    assert '<a href="{{URL}}">' in template["afmt"]
    assert "{{Answer}}" in template["afmt"] and "{{Question}}" in template["qfmt"]
    for question in catalogue.questions:
        note = _note(deck, question)
        assert note["fields"]["URL"] == f"{BASE}{question.topic}/{question.id}.html"
        assert note["sort"] == question.title


def test_relative_links_become_page_urls(catalogue):
    question = catalogue.by_id["softmax"]
    edited = question.model_copy(update={"sections": {
        **question.sections,
        "Short answer": "See [cross-entropy](../training/cross-entropy-vs-mse.md#grad), "
                        "[here](#code) and [a site](https://example.com/page).",
    }})
    answer = _deck(Catalogue(catalogue.repo, [edited]), {}).notes[0].fields[2]
    assert f'href="{BASE}training/cross-entropy-vs-mse.html#grad"' in answer
    assert f'href="{BASE}activations/softmax.html#code"' in answer
    assert 'href="https://example.com/page"' in answer


def test_no_card_links_to_a_markdown_file(deck):
    for note in deck["notes"].values():
        for href in re.findall(r'href="([^"]+)"', note["fields"]["Answer"]):
            assert href.startswith(BASE) or "://" in href, href
            assert ".md" not in href, href


def test_missing_site_url_is_refused(catalogue, rendered):
    with pytest.raises(ValueError, match="site_url"):
        anki.build_deck(catalogue, rendered, "")


def test_site_offers_the_deck(site, catalogue, repo):
    deck = read_deck(site / "dlqa.apkg")
    assert set(deck["notes"]) == {anki.note_guid(q.id) for q in catalogue.questions}
    base = repo.site_url
    assert base.startswith("https://")
    softmax = deck["notes"][anki.note_guid("softmax")]
    assert softmax["fields"]["URL"] == base + "activations/softmax.html"
    assert 'href="dlqa.apkg"' in (site / "index.html").read_text(encoding="utf-8")
    page = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    assert 'href="../dlqa.apkg"' in page


def test_cli_writes_the_deck(scratch):
    out = scratch.root / "dist" / "dlqa.apkg"
    result = scratch.dlqa("anki", "--out", "dist/dlqa.apkg")
    assert result.returncode == 0, result.stderr
    assert "1 notes" in result.stdout
    deck = read_deck(out)
    (note,) = deck["notes"].values()
    assert note["fields"]["Question"] == "What is a tensor?"
    assert "\\((2, 3)\\)" in note["fields"]["Answer"]
    base = Repo(scratch.root).site_url
    assert note["fields"]["URL"] == base + "fundamentals/tensor.html"
    assert note["tags"] == ["fundamentals", "beginner"]


def test_cli_refuses_bad_content(scratch):
    scratch.edit(f"{DOCS}/fundamentals/tensor.md", "level: beginner", "level: expert")
    result = scratch.dlqa("anki", "--out", str(scratch.root / "x.apkg"))
    assert result.returncode == 1
    assert f"{DOCS}/fundamentals/tensor.md" in result.stderr
    assert not (scratch.root / "x.apkg").exists()


def test_a_warm_build_copies_the_cached_deck(catalogue, rendered, tmp_path):
    cache = tmp_path / "cache"
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    assert anki.export(catalogue, rendered, "https://x.org/", first, cache) == \
        len(catalogue.questions)
    (cached,) = cache.glob("anki-*.apkg")
    assert cached.read_bytes() == first.read_bytes()
    anki.export(catalogue, rendered, "https://x.org/", second, cache)
    assert second.read_bytes() == first.read_bytes()  # copied, not rebuilt (a new timestamp)
    key = anki.deck_key(catalogue, rendered, "https://x.org/")
    assert anki.deck_key(catalogue, rendered, "https://y.org/") != key
    question = catalogue.questions[0]
    edited = question.model_copy(update={"sections": {**question.sections,
                                                      "Short answer": "Changed."}})
    changed = {**rendered, **shortanswer.render(catalogue, [edited])}
    assert anki.deck_key(catalogue, changed, "https://x.org/") != key
