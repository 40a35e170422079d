"""Print the encyclopedia to one PDF with Chromium: part by part, then merged.

The book (`dlqa.printbook`) is a front part (cover and contents) and one part per topic.
Each part is printed on its own, so no single page Chromium loads grows with the number of
questions. The steps:

1. print the front with placeholder page numbers, to learn how many pages it takes;
2. print each chapter, its page numbers continuing from the part before, and read from the
   chapter's own outline on which page each question starts;
3. print the front again with the real numbers (same width, so the same pages);
4. merge the parts, write the outline (topic, then question, titled exactly as on the page),
   turn links between questions into links to their pages, and set the metadata.

A printed part is cached under .cache/pdf/ by a hash of its HTML and styles, and the merged
PDF records the hash of all its parts, so printing an unchanged site again costs no printing.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from dlqa import __version__, cachefile
from dlqa.browser import block_network, launch
from dlqa.catalogue import Catalogue
from dlqa.printbook import QUESTION_LINK, Book, assemble

PDF_OPTIONS = {"format": "A4", "print_background": True, "outline": True, "tagged": True,
               "prefer_css_page_size": True}
# Seconds Chromium may take to load one part; a part is one topic, so a few seconds suffice.
# $DLQA_PDF_TIMEOUT overrides it for a very slow machine.
TIMEOUT_ENV = "DLQA_PDF_TIMEOUT"
DEFAULT_TIMEOUT = 120.0
KEY_FIELD = "/DlqaKey"


def timeout_seconds() -> float:
    value = os.environ.get(TIMEOUT_ENV, "")
    try:
        return float(value) if value else DEFAULT_TIMEOUT
    except ValueError:
        raise RuntimeError(f"${TIMEOUT_ENV} must be a number of seconds, not {value!r}") from None


def _squash(text: str) -> str:
    # Chromium's outline drops the space where a heading wraps ("deep networks" -> "deepnetworks").
    return re.sub(r"\s+", "", text)


@dataclass
class Printer:
    """A Chromium page that prints HTML parts, with a cache of printed parts."""

    page: object
    cache: Path
    workdir: Path
    timeout: float
    blocked: list[str] = field(default_factory=list)
    printed: int = 0
    slowest: float = 0.0  # seconds of the slowest part to load and print

    def print(self, name: str, html: str, styles: str) -> bytes:
        key = cachefile.key(html, styles, repr(PDF_OPTIONS))
        cached = self.cache / f"{key}.pdf"
        if cached.is_file():
            return cached.read_bytes()
        source = self.workdir / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        started = time.perf_counter()
        try:
            self.page.goto(source.as_uri(), wait_until="load", timeout=self.timeout * 1000)
        except PlaywrightError as exc:  # a timeout or a failed navigation
            size = len(html.encode()) // 1024
            raise RuntimeError(
                f"Chromium did not load the PDF part {name!r} ({size} KB) in {self.timeout:.0f} s"
                f": {str(exc).splitlines()[0]}. On a slow or busy machine, raise the limit, "
                f"e.g. {TIMEOUT_ENV}=600 make pdf") from None
        pdf = self.page.pdf(**PDF_OPTIONS)
        self.printed += 1
        self.slowest = max(self.slowest, time.perf_counter() - started)
        cachefile.write_bytes(cached, pdf)
        return pdf


def _chapter_starts(reader: PdfReader, chapter, first_page: int) -> dict[str, int]:
    """Chapter and question anchors -> absolute page numbers, from the part's own outline:
    the chapter heading first, then one entry per question in order."""
    top = [item for item in reader.outline if not isinstance(item, list)]
    children = next((item for item in reader.outline if isinstance(item, list)), [])
    questions = [item for item in children if not isinstance(item, list)]
    if not top or len(questions) != len(chapter.questions):
        raise RuntimeError(f"the PDF part for {chapter.title!r} has {len(questions)} question "
                           f"headings in its outline, not {len(chapter.questions)}")
    starts = {f"topic-{chapter.topic}": first_page}
    for item, q in zip(questions, chapter.questions, strict=True):
        if _squash(item.title) != _squash(q.title):
            raise RuntimeError(f"the PDF part for {chapter.title!r} has {item.title!r} where "
                               f"the question {q.title!r} was expected")
        starts[q.id] = first_page + reader.get_destination_page_number(item)
    return starts


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _link_questions(writer: PdfWriter, starts: dict[str, int]) -> int:
    """Replace every QUESTION_LINK URI by a jump to the page the question starts on."""
    linked = 0
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            action = annot.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if not uri or not str(uri).startswith(QUESTION_LINK):
                continue
            target = starts.get(str(uri)[len(QUESTION_LINK):])
            if target is None:
                continue
            dest = ArrayObject([writer.pages[target - 1].indirect_reference, NameObject("/Fit")])
            annot[NameObject("/A")] = DictionaryObject({
                NameObject("/S"): NameObject("/GoTo"), NameObject("/D"): dest})
            linked += 1
    return linked


def existing_key(out: Path) -> str | None:
    """The parts hash recorded in a PDF this module wrote, or None."""
    try:
        meta = PdfReader(out).metadata or {}
    except (OSError, PdfReadError):  # missing, truncated or not a PDF: print it again
        return None
    return meta.get(KEY_FIELD)


def export_pdf(catalogue: Catalogue, site: Path, out: Path, config,
               progress: Callable[[str], None] | None = None) -> dict:
    """Print the built `site` to `out`. Returns the number of pages and bookmarks, the
    requests that were blocked, how many parts were printed (not cached), and whether the
    existing `out` was reused."""
    say = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    book: Book = assemble(catalogue, site, config)
    styles = book.styles
    key = cachefile.key(book.front(None), *(c.body for c in book.chapters), styles,
                      repr(PDF_OPTIONS), __version__)
    if out.is_file() and existing_key(out) == key:
        say(f"pdf: {out} is up to date with the site")
        reader = PdfReader(out)
        return {"pages": len(reader.pages), "bookmarks": _count_outline(reader.outline),
                "blocked": [], "printed": 0, "reused": True, "slowest_part_seconds": 0.0,
                "seconds": 0.0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dlqa-pdf-") as work:
        result = _print_book(book, styles, catalogue.repo.cache_dir / "pdf", Path(work), say)
    parts, starts, blocked, printed, slowest = result
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(io.BytesIO(part)), import_outline=False)
    for chapter in book.chapters:
        parent = writer.add_outline_item(title=chapter.title,
                                           page_number=starts[f"topic-{chapter.topic}"] - 1)
        for q in chapter.questions:
            writer.add_outline_item(title=q.title, page_number=starts[q.id] - 1, parent=parent)
    linked = _link_questions(writer, starts)
    writer.add_metadata({"/Title": book.site_name, "/Subject": book.description,
                         "/Author": "dlqa contributors", "/Creator": f"dlqa {__version__}",
                         KEY_FIELD: key})
    writer.page_mode = "/UseOutlines"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("wb") as handle:
        writer.write(handle)
    tmp.replace(out)
    pages = len(writer.pages)
    bookmarks = len(book.chapters) + sum(len(c.questions) for c in book.chapters)
    say(f"pdf: wrote {out}: {pages} pages, {bookmarks} bookmarks, {linked} links between "
        f"questions ({len(parts)} parts; {printed} Chromium prints, the rest from the cache; "
        f"{time.perf_counter() - started:.0f} s; slowest part {slowest:.1f} s)")
    return {"pages": pages, "bookmarks": bookmarks, "blocked": blocked, "printed": printed,
            "reused": False, "slowest_part_seconds": slowest,
            "seconds": time.perf_counter() - started}


def _print_book(book: Book, styles: str, cache: Path, work: Path, say):
    with _printer(cache, work) as printer:
        front = printer.print("front", book.front(None), styles)
        first = _page_count(front) + 1
        parts, starts = [], {}
        total = len(book.chapters)
        for number, chapter in enumerate(book.chapters, start=1):
            before = printer.printed
            pdf = printer.print(f"chapter-{number:02d}-{chapter.topic}",
                                chapter.html(book.head, first), styles)
            reader = PdfReader(io.BytesIO(pdf))
            count = len(reader.pages)
            say(f"pdf: [{number}/{total}] {chapter.title}: {len(chapter.questions)} "
                f"questions, pages {first}-{first + count - 1}"
                + ("" if printer.printed > before else " (cached)"))
            starts.update(_chapter_starts(reader, chapter, first))
            parts.append(pdf)
            first += count
        numbered = printer.print("front-numbered", book.front(starts), styles)
        if _page_count(numbered) != _page_count(front):
            raise RuntimeError("the contents took a different number of pages once numbered")
        return [numbered, *parts], starts, printer.blocked, printer.printed, printer.slowest


class _printer:
    """Context manager: a Printer on a fresh headless Chromium with the network blocked."""

    def __init__(self, cache: Path, work: Path):
        self.cache, self.work = cache, work

    def __enter__(self) -> Printer:
        self._playwright = sync_playwright().start()
        try:
            self._browser = launch(self._playwright)
        except Exception:
            self._playwright.stop()
            raise
        page = self._browser.new_page()
        timeout = timeout_seconds()
        page.set_default_timeout(timeout * 1000)
        page.emulate_media(media="print")
        printer = Printer(page, self.cache, self.work, timeout)
        block_network(page, printer.blocked)
        return printer

    def __exit__(self, *exc_info) -> None:
        try:
            self._browser.close()
        finally:
            self._playwright.stop()


def _count_outline(items) -> int:
    return sum(_count_outline(i) if isinstance(i, list) else 1 for i in items)

