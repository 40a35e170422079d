"""The PDF's pages as HTML: a front part (cover and contents) and one part per topic.

Each part is a small static document with no script, assembled from the built site's question
pages (their math is already rendered), in the editors' reading order. Chromium prints each
part on its own (`dlqa.pdf`), so the time to load a part does not grow with the encyclopedia.

Links between questions are written as `QUESTION_LINK + id`, which the PDF step turns into
links to the page where that question starts, whichever part it is in. Other links to the
site point at the published site.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from dlqa import __version__, cachefile, links
from dlqa.catalogue import Catalogue
from dlqa.model import Question

QUESTION_LINK = "https://print.dlqa.invalid/q/"
PRINT_CSS = Path(__file__).with_name("print.css")
# Page furniture that means nothing on paper.
_DROP = ("a.md-content__button", "a.headerlink", ".md-clipboard", ".md-source-file",
         "button", "script", "style", "noscript")


@dataclass(frozen=True)
class Chapter:
    """One topic: its title and its questions in reading order, as one printable part."""

    topic: str
    title: str
    questions: tuple[Question, ...]
    body: str  # the chapter's HTML, without the page-number offset

    def html(self, head: str, first_page: int) -> str:
        """The part, numbering its pages from `first_page`."""
        return _document(head, f"{self.title}", self.body, first_page)


@dataclass(frozen=True)
class Book:
    head: str  # the <head> shared by every part: base URL and stylesheets
    styles: str  # fingerprint of those stylesheets' contents: a change of style prints again
    chapters: tuple[Chapter, ...]
    site_name: str
    description: str
    facts: tuple[tuple[str, str], ...]  # the cover's table

    def front(self, numbers: dict[str, int] | None) -> str:
        """Cover and contents. `numbers` maps chapter and question anchors to pages; None
        prints placeholders as wide as the real numbers, so the layout does not change."""
        def number(key: str) -> str:
            return "0000" if numbers is None else str(numbers[key])

        rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
                       for k, v in self.facts)
        cover = (f'<section class="dlqa-cover"><h1>{html.escape(self.site_name)}</h1>'
                 f'<p class="dlqa-cover-lead">{html.escape(self.description)}</p>'
                 f"<table>{rows}</table></section>")
        parts = [cover, '<nav class="dlqa-toc"><h1>Contents</h1>']
        for chapter in self.chapters:
            key = f"topic-{chapter.topic}"
            parts.append(f'<div class="dlqa-toc-chapter">{_toc_entry(key, chapter.title, number(key))}'
                         "<ol>")
            parts += [f"<li>{_toc_entry(q.id, q.title, number(q.id))}</li>"
                      for q in chapter.questions]
            parts.append("</ol></div>")
        parts.append("</nav>")
        return _document(self.head, "Contents", "".join(parts), 0, front=True)


def _toc_entry(anchor: str, title: str, number: str) -> str:
    return (f'<a href="{QUESTION_LINK}{anchor}"><span class="dlqa-toc-title">'
            f'{html.escape(title)}</span><span class="dlqa-toc-page">{number}</span></a>')


def _document(head: str, title: str, body: str, first_page: int, front: bool = False) -> str:
    # counter-reset on the root sets the number the first page's footer shows, minus one.
    reset = f"<style>html {{ counter-reset: page {first_page - 1}; }}</style>" if not front else ""
    kind = "dlqa-front" if front else "dlqa-chapter-part"
    return (f'<!doctype html><html lang="en"><head>{head}<title>{html.escape(title)}</title>'
            f'{reset}</head><body class="{kind}" data-md-color-scheme="default" '
            f'data-md-color-primary="indigo" data-md-color-accent="indigo">'
            f'<div class="md-typeset dlqa-print">{body}</div></body></html>')


def _stylesheets(site: Path) -> list[Path]:
    """The built site's stylesheets every part links: Material's, KaTeX's and dlqa's."""
    sheets = [*sorted(site.glob("assets/stylesheets/main.*.min.css")),
              *sorted(site.glob("assets/stylesheets/palette.*.min.css")),
              site / "assets/katex/katex.min.css", site / "stylesheets/dlqa.css"]
    missing = [s for s in sheets if not s.is_file()]
    if missing or len(sheets) < 4:
        raise RuntimeError(f"the built site in {site} lacks {missing or 'its stylesheets'}; "
                           "run `make build` first")
    return sheets


def _head(site: Path, sheets: list[Path]) -> str:
    """The shared <head>: the site as base URL, the stylesheets, and the print layout."""
    links = "".join(f'<link rel="stylesheet" href="{s.relative_to(site).as_posix()}">'
                    for s in sheets)
    return (f'<meta charset="utf-8"><base href="{site.resolve().as_uri()}/">{links}'
            f"<style>{PRINT_CSS.read_text(encoding='utf-8')}</style>")


def question_html(q: Question, site: Path, urls: dict[str, str], by_url: dict[str, str],
                  site_url: str) -> str:
    """One question's article from the built site (`urls`: id -> its file in the site),
    made fit for paper: headings one level down, ids made unique in the book, links
    rewritten (see the module docstring; `by_url`: site URL -> id)."""
    page_url = urls[q.id]
    path = site / page_url
    if not path.is_file():
        raise RuntimeError(f"{path} is missing: the site is older than {q.file}; "
                           "run `make build` again")
    root = lxml.html.fromstring(path.read_bytes())
    found = root.xpath('//article[contains(@class, "md-content__inner")]')
    if not found:
        raise RuntimeError(f"{path} has no article: is it a page of this site?")
    article = found[0]
    for selector in _DROP:
        for el in _select(article, selector):
            el.drop_tree()
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("h1", "h2", "h3", "h4", "h5"):
            el.tag = "h" + str(int(el.tag[1]) + 1)
        if el.get("id"):
            el.set("id", f"{q.id}--{el.get('id')}")
        href = el.get("href")
        if href is not None and el.tag == "a":
            el.set("href", _rewrite_link(href, page_url, by_url, q.id, site_url))
        src = el.get("src")
        if src is not None:
            el.set("src", links.to_root(src, page_url))
    article.tag = "section"
    article.attrib.clear()
    article.set("class", "dlqa-question")
    article.set("id", f"q-{q.id}")
    return lxml.html.tostring(article, encoding="unicode")


def _select(root, selector: str) -> list:
    """The elements a simple selector (`tag`, `.class` or `tag.class`) names."""
    tag, _, cls = selector.partition(".")
    test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
    return root.xpath(f".//{tag or '*'}{test}")


def _rewrite_link(href: str, page_url: str, by_url: dict[str, str], qid: str,
                  site_url: str) -> str:
    if href.startswith("#"):
        return f"{QUESTION_LINK}{qid}"  # a section of the same question: its first page
    if not links.is_relative(href):
        return href
    target = links.to_root(href, page_url).partition("#")[0]
    if target in by_url:
        return f"{QUESTION_LINK}{by_url[target]}"
    return site_url.rstrip("/") + "/" + target if site_url else href


def assemble(catalogue: Catalogue, site: Path, config) -> Book:
    """The book for the built `site` of `catalogue`; `config` is its resolved mkdocs.yml
    (`Repo.config`)."""
    repo = catalogue.repo
    directory_urls = repo.directory_urls
    by_url = {q.site_url(directory_urls): q.id for q in catalogue.questions}
    urls = {qid: url + "index.html" if url.endswith("/") else url
            for url, qid in by_url.items()}
    site_url = config.site_url or ""
    chapters = []
    for topic, info in repo.topics.items():
        questions = tuple(catalogue.in_reading_order(topic))
        if not questions:
            continue
        heading = (f'<section class="dlqa-chapter" id="topic-{topic}">'
                   f"<h1>{html.escape(info.title)}</h1>"
                   f'<p class="dlqa-chapter-lead">{html.escape(info.description)}</p>')
        body = [heading]
        body += [question_html(q, site, urls, by_url, site_url) for q in questions]
        body.append("</section>")
        chapters.append(Chapter(topic, info.title, questions, "".join(body)))
    count = sum(len(c.questions) for c in chapters)
    facts = (("Questions", str(count)), ("Topics", str(len(chapters))),
             ("Version", __version__), ("Online", site_url or "-"),
             ("Source", config.repo_url or "-"),
             ("Licence", config.copyright or "-"))
    sheets = _stylesheets(site)
    return Book(_head(site, sheets), cachefile.key(*(s.read_bytes() for s in sheets)),
                tuple(chapters), config.site_name, config.site_description or "", facts)

