"""Export the print page that mkdocs-print-site-plugin builds to one PDF, with Chromium.

Chromium prints the page twice: first with placeholder page numbers in the table of
contents, to learn from the PDF's bookmarks on which page each entry starts; then with the
real numbers. The placeholders have the width of the real numbers, so the layout, and with
it every page number, stays the same between the two prints.
"""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from dlqa.browser import block_network, launch

# Page numbers come from print-site's own @page footer.
PDF_OPTIONS = {
    "format": "A4", "print_background": True, "outline": True, "tagged": True,
    "margin": {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
}

# Adds a page-number cell to each link in the generated table of contents, filled from
# `numbers` (link text -> page) or with a placeholder.
_NUMBER_TOC = """(numbers) => {
  for (const link of document.querySelectorAll('#print-page-toc a')) {
    let cell = link.querySelector('.dlqa-toc-page');
    if (!cell) {
      // Remember the entry's title before the number cell becomes part of its text.
      link.dataset.dlqaTitle = link.textContent.trim();
      cell = document.createElement('span');
      cell.className = 'dlqa-toc-page';
      link.appendChild(cell);
    }
    const title = link.dataset.dlqaTitle;
    cell.textContent = numbers === null ? '000' : String(numbers[title] ?? '');
  }
}"""


# Shapes the print page into chapters: a topic's own heading is the chapter title (bookmark
# level 1), its index page (a list the table of contents repeats) is dropped, and headings
# inside each question move down one level (question = level 2, its sections = level 3).
_CHAPTERS = """() => {
  const rename = (el, tag) => {
    const copy = document.createElement(tag);
    for (const a of el.attributes) copy.setAttribute(a.name, a.value);
    while (el.firstChild) copy.appendChild(el.firstChild);
    el.replaceWith(copy);
  };
  document.querySelectorAll('section.print-page[id$="-index"]').forEach(s => s.remove());
  document.querySelectorAll('#print-page-toc a[href$="-index"]').forEach(
    a => a.closest('li').remove());
  for (const chapter of [...document.querySelectorAll('section.md-section')].reverse()) {
    if (!chapter.querySelector('section.print-page:not(.md-section)')) {
      document.querySelectorAll(`#print-page-toc a[href="#${chapter.id}"]`).forEach(
        a => a.closest('li').remove());
      chapter.remove();
    }
  }
  for (const page of document.querySelectorAll('section.print-page[id]:not(.md-section)')) {
    for (const level of [5, 4, 3, 2, 1]) {
      page.querySelectorAll('h' + level).forEach(h => rename(h, 'h' + (level + 1)));
    }
  }
}"""


def bookmark_pages(pdf: bytes) -> dict[str, int]:
    """Bookmark title -> 1-based page number, for every bookmark in the PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    pages: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(item.title.strip(), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages


def export_pdf(print_page: Path, out: Path) -> dict:
    """Print `print_page` to `out`; returns what was blocked and how many pages and bookmarks."""
    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            block_network(page, blocked)
            page.goto(print_page.resolve().as_uri(), wait_until="load")
            page.wait_for_selector("#print-page-toc a", state="attached", timeout=30_000)
            page.emulate_media(media="print")
            page.evaluate(_CHAPTERS)
            page.evaluate(_NUMBER_TOC, None)
            numbers = bookmark_pages(page.pdf(**PDF_OPTIONS))
            page.evaluate(_NUMBER_TOC, numbers)
            out.parent.mkdir(parents=True, exist_ok=True)
            pdf = page.pdf(path=str(out), **PDF_OPTIONS)
        finally:
            browser.close()
    return {"pages": len(PdfReader(io.BytesIO(pdf)).pages), "bookmarks": len(numbers),
            "blocked": blocked}
