"""The PDF export: every question in it, math rendered, bookmarks by topic and question."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from filelock import FileLock
from pypdf import PdfReader

from dlqa.catalogue import load_catalogue
from dlqa.pdf import bookmark_pages
from tests.conftest import ROOT, _require_browser

# One worker prints the PDF and runs every test of it (the others would wait on its lock).
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("pdf")]


@pytest.fixture(scope="module")
def pdf(site):
    """dist/dlqa.pdf as `make pdf` writes it (made here if it is missing or older)."""
    _require_browser()
    out = ROOT / "dist" / "dlqa.pdf"
    with FileLock(str(ROOT / ".cache" / "pdf.lock")):
        stale = not out.is_file() or out.stat().st_mtime < (site / "print_page.html").stat().st_mtime
        if stale:
            from dlqa.pdf import export_pdf

            report = export_pdf(site / "print_page.html", out)
            assert report["blocked"] == []
    return out.read_bytes()


def _text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_question_title_is_in_the_pdf(pdf, repo):
    text = _norm(_text(pdf))
    for q in load_catalogue(repo, check=False).questions:
        assert _norm(q.title) in text, q.title


def test_math_is_not_raw_tex(pdf):
    text = _text(pdf)
    assert "\\frac" not in text and "\\(" not in text and "$$" not in text


def test_bookmarks_by_topic_and_question(pdf, repo):
    reader = PdfReader(io.BytesIO(pdf))
    top = [item.title.strip() for item in reader.outline if not isinstance(item, list)]
    for topic in repo.topics.values():
        assert topic.title in top
    pages = bookmark_pages(pdf)
    softmax = load_catalogue(repo, check=False).by_id["softmax"]
    assert softmax.title in pages


def test_cover_and_toc_with_page_numbers(pdf, repo):
    first = _text(pdf).split("\f")[:4]
    count = len(load_catalogue(repo, check=False).questions)
    assert "Questions" in first[0] and str(count) in first[0]
    toc = "\n".join(first)
    assert "Table of Contents" in toc
    assert re.search(r"What is the softmax function.*?\s(\d+)\s*$", toc, re.MULTILINE | re.DOTALL)


def test_internal_links_work(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if annot.get_object().get("/Dest") or action.get("/S") == "/GoTo":
                internal += 1
    assert internal > 20
