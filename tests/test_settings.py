"""Each site setting has one source, MkDocs' resolved mkdocs.yml: change it there and every
output follows (pages, links, catalogue, study data, Anki deck, PDF parts, messages)."""

from __future__ import annotations

import json

import pytest

from dlqa import printbook
from dlqa.catalogue import load_catalogue
from dlqa.repo import Repo
from tests.conftest import error_lines
from tests.test_anki import read_deck

URL = "https://settings.example.org/book/"


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """A scratch repository whose mkdocs.yml differs from the real one in three settings:
    the pages live in pages/, directory URLs are on (no offline plugin), and site_url
    comes from the environment (!ENV). Built once; yields (scratch, site)."""
    from tests.conftest import Scratch

    scratch = Scratch(tmp_path_factory.mktemp("settings") / "repo")
    scratch.edit("mkdocs.yml", "site_url: https://dlqa.github.io/dlqa/",
                 "site_url: !ENV [DLQA_TEST_SITE_URL, https://unused.example.org/]\n"
                 "docs_dir: pages")
    scratch.edit("mkdocs.yml", "\n  - offline", "\n")
    (scratch.root / "docs").rename(scratch.root / "pages")
    scratch.page("scalar", "What is a scalar?", "Explain scalars.", "acte-54")
    scratch.edit("pages/fundamentals/tensor.md", "such as $(2, 3)$.",
                 "such as $(2, 3)$; a [scalar](scalar.md) has none.")
    result = scratch.build(DLQA_TEST_SITE_URL=URL)
    assert result.returncode == 0, result.stderr[-3000:]
    return scratch, scratch.root / "site"


def test_the_repository_reads_the_settings_from_mkdocs(moved, monkeypatch):
    scratch, _ = moved
    monkeypatch.setenv("DLQA_TEST_SITE_URL", URL)
    repo = Repo(scratch.root)
    assert repo.docs_dir == scratch.root / "pages"
    assert repo.page_file("fundamentals/tensor.md") == "pages/fundamentals/tensor.md"
    assert repo.directory_urls is True
    assert repo.site_url == URL


def test_pages_and_generated_data_use_directory_urls(moved):
    _, site = moved
    page = (site / "fundamentals" / "tensor" / "index.html").read_text(encoding="utf-8")
    assert 'href="../scalar/"' in page
    assert not (site / "fundamentals" / "tensor.html").exists()
    urls = {q["id"]: q["url"] for q in json.loads((site / "questions.json").read_text())}
    assert urls == {"tensor": "fundamentals/tensor/", "scalar": "fundamentals/scalar/"}
    catalogue_js = (site / "assets" / "dlqa" / "catalogue.js").read_text(encoding="utf-8")
    assert '"url":"fundamentals/tensor/"' in catalogue_js
    answers = (site / "assets" / "dlqa" / "answers" / "fundamentals.js").read_text()
    assert 'href=\\"fundamentals/scalar/\\"' in answers  # rebased to the site root
    assert 'class="katex"' in answers.replace('\\"', '"')


def test_the_deck_links_the_configured_site_in_its_url_style(moved):
    _, site = moved
    notes = {n["fields"]["Question"]: n["fields"]
             for n in read_deck(site / "dlqa.apkg")["notes"].values()}
    tensor = notes["What is a tensor?"]
    assert tensor["URL"] == URL + "fundamentals/tensor/"
    assert f'<a href="{URL}fundamentals/scalar/">scalar</a>' in tensor["Answer"]
    assert "\\((2, 3)\\)" in tensor["Answer"]


def test_the_cli_reads_the_same_settings(moved):
    scratch, _ = moved
    result = scratch.dlqa("similar", "What is a tensor?", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["url"] == "fundamentals/tensor/"
    out = scratch.root / "dist" / "deck.apkg"
    result = scratch.dlqa("anki", "--out", str(out), DLQA_TEST_SITE_URL=URL)
    assert result.returncode == 0, result.stderr
    assert URL in result.stdout
    fields = {n["fields"]["Question"]: n["fields"] for n in read_deck(out)["notes"].values()}
    assert fields["What is a tensor?"]["URL"] == URL + "fundamentals/tensor/"


def test_the_pdf_parts_find_the_pages_and_their_links(moved, monkeypatch):
    scratch, site = moved
    monkeypatch.setenv("DLQA_TEST_SITE_URL", URL)
    repo = Repo(scratch.root)
    book = printbook.assemble(load_catalogue(repo), site, repo.config)
    (chapter,) = book.chapters
    assert f'href="{printbook.QUESTION_LINK}scalar"' in chapter.body
    assert ("Online", URL) in book.facts


def test_messages_name_the_configured_pages_folder(moved):
    scratch, _ = moved
    scratch.edit("pages/fundamentals/scalar.md", "level: beginner", "level: expert")
    try:
        result = scratch.dlqa("check", "--no-run")
    finally:
        scratch.edit("pages/fundamentals/scalar.md", "level: expert", "level: beginner")
    assert result.returncode == 1
    assert error_lines(result.stderr)[0].startswith("error: pages/fundamentals/scalar.md:")
