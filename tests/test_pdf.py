"""The PDF export: every question in it, math rendered, a contents page and bookmarks that
name every question exactly and point at the page where it starts."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from filelock import FileLock
from pypdf import PdfReader

from dlqa.catalogue import load_catalogue
from dlqa.pdf import export_pdf
from dlqa.printbook import QUESTION_LINK
from tests.conftest import ROOT, _require_browser

# One worker prints the PDF and runs every test of this file (pyproject.toml: --dist=loadfile).
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def catalogue(repo):
    return load_catalogue(repo)


@pytest.fixture(scope="module")
def pdf_report(site, repo, catalogue):
    """dist/dlqa.pdf as `make pdf` writes it; reused when it was printed from this site."""
    _require_browser()
    out = ROOT / "dist" / "dlqa.pdf"
    with FileLock(str(ROOT / ".cache" / "pdf.lock")):
        report = export_pdf(catalogue, site, out, repo.config, progress=lambda m: None)
    assert report["blocked"] == []
    return out, report


@pytest.fixture(scope="module")
def pdf(pdf_report):
    return pdf_report[0].read_bytes()


@pytest.fixture(scope="module")
def page_texts(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    return text.split("\f")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_question_title_is_in_the_pdf(page_texts, catalogue):
    text = _norm(" ".join(page_texts))
    for q in catalogue.questions:
        assert _norm(q.title) in text, q.title


def test_math_is_not_raw_tex(page_texts):
    text = "".join(page_texts)
    assert "\\frac" not in text and "\\(" not in text and "$$" not in text


def test_nothing_interactive_is_printed(page_texts):
    text = _norm(" ".join(page_texts))
    for control in ("Copy to clipboard", "Edit this page", "Show answer", "Reveal all",
                    "Practice mode", "¶"):
        assert control not in text, control


def test_metadata_names_dlqa(pdf, repo):
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == repo.config.site_name and "dlqa" in meta.title
    assert "Print Site" not in meta.title and meta.creator.startswith("dlqa")


def test_bookmarks_name_every_topic_and_question_exactly(pdf, catalogue, repo):
    reader = PdfReader(io.BytesIO(pdf))
    outline = reader.outline
    chapters = [item for item in outline if not isinstance(item, list)]
    children = [item for item in outline if isinstance(item, list)]
    expected = [t for t in repo.topics if catalogue.in_reading_order(t)]
    assert [c.title for c in chapters] == [repo.topics[t].title for t in expected]
    for topic, kids in zip(expected, children, strict=True):
        assert [k.title for k in kids] == [q.title for q in catalogue.in_reading_order(topic)]


def test_every_bookmark_and_contents_entry_points_at_its_question(pdf, page_texts, catalogue):
    """Each question: its bookmark's page shows its title, and the contents give that page."""
    reader = PdfReader(io.BytesIO(pdf))
    bookmark = {}
    for kids in (item for item in reader.outline if isinstance(item, list)):
        for item in kids:
            bookmark[item.title] = reader.get_destination_page_number(item) + 1
    contents = _norm(" ".join(page_texts[:20]))
    missing, wrong = [], []
    for q in catalogue.questions:
        page = bookmark[q.title]
        # The title is printed at the top of its question (it may wrap onto the next page).
        if _norm(q.title)[:40] not in _norm(page_texts[page - 1] + page_texts[page]):
            wrong.append((q.id, page))
        if not re.search(re.escape(_norm(q.title)) + rf" {page}\b", contents):
            missing.append(q.title)
    assert wrong == [], f"bookmarks on the wrong page: {wrong[:5]}"
    assert missing == [], f"{len(missing)} contents entries without the right page: {missing[:5]}"


def test_links_between_questions_jump_to_their_page(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    jumps, leftovers = 0, 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if action.get("/S") == "/GoTo":
                jumps += 1
            if str(action.get("/URI", "")).startswith(QUESTION_LINK):
                leftovers += 1
    assert leftovers == 0
    assert jumps > 200  # the contents alone link every question


def test_an_unchanged_site_is_not_printed_again(pdf_report, site, repo, catalogue):
    out, _ = pdf_report
    again = export_pdf(catalogue, site, out, repo.config, progress=lambda m: None)
    assert again["reused"] and again["printed"] == 0


def test_a_part_is_small_whatever_the_size_of_the_encyclopedia(site, catalogue, repo):
    """Chromium loads one topic at a time: no part is larger than its topic needs."""
    from dlqa.printbook import assemble

    book = assemble(catalogue, site, repo.config)
    largest = max(len(c.body) for c in book.chapters)
    total = sum(len(c.body) for c in book.chapters)
    assert len(book.chapters) >= 10 and largest < total / 3


def test_figures_are_printed_as_drawings_with_their_text(page_texts, catalogue, site):
    """A figure's SVG keeps its text as text, so the PDF holds its labels."""
    from dlqa.figures import references

    shown = [(q, path) for q in catalogue.questions for _, _, path in references(q)]
    assert shown
    text = _norm(" ".join(page_texts))
    for q, path in shown[:10]:
        labels = re.findall(r"<text[^>]*>([^<]{4,})</text>", (site / path).read_text())
        if not labels:  # a figure may have labels as <tspan>s only
            labels = re.findall(r"<tspan[^>]*>([^<]{4,})</tspan>", (site / path).read_text())
        assert labels and any(_norm(label) in text for label in labels), (q.id, labels[:3])
