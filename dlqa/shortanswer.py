"""A question as its cards show it: title, other phrasings and short answer, as rendered HTML.

Captured once, from the HTML MkDocs renders for the question page (`on_page_content`, see
`dlqa.build`), so every output shows what the page shows: the study modes render its math
with KaTeX (`dlqa.study`), the Anki deck keeps the TeX for Anki's MathJax and puts its links
under the site URL (`dlqa.anki`). Links are rebased to the site root when captured.

Outside a build (`dlqa anki`, tests), `render` runs MkDocs' own page renderer, with the
site's Markdown extensions and link resolution, on each question's header and short answer,
and captures the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dlqa import links, pages
from dlqa.catalogue import Catalogue
from dlqa.model import Question

_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_ALIASES = re.compile(r'<p class="dlqa-aliases">Also asked as: <em>(.*?)</em></p>', re.DOTALL)
_ANCHOR = 'id="short-answer"'
_HEADING = re.compile(r'<h2\b[^>]*\bid="short-answer"[^>]*>.*?</h2>', re.DOTALL)
_NEXT_HEADING = re.compile(r"<h2\b")


@dataclass(frozen=True)
class Rendered:
    """One question's rendered card text; math is still arithmatex's TeX (`\\(...\\)`)."""

    title: str
    aliases: tuple[str, ...]
    short_answer: str  # links relative to the site root


def capture(content: str, page_url: str) -> Rendered:
    """The card text of a question page's rendered content (the page at `page_url`, header
    from `dlqa.pages.question_header`). Raises ValueError when it has no short answer."""
    answer = section(content).strip()
    if not answer:
        raise ValueError("no 'Short answer' section in the rendered page")
    title = _TITLE.search(content)
    aliases = _ALIASES.search(content)
    return Rendered(
        title=_PERMALINK.sub("", title.group(1)).strip() if title else "",
        aliases=tuple(aliases.group(1).split("</em> · <em>")) if aliases else (),
        short_answer=links.rebase(answer, page_url),
    )


def section(page_html: str) -> str:
    """The HTML of a question page's short answer, after its heading; "" if it has none.

    The heading is found from its id with str.find: a pattern searched over the whole page
    tried every tag of it, a third of a millisecond on a page with math."""
    at = page_html.find(_ANCHOR)
    while at != -1:
        heading = _HEADING.match(page_html, page_html.rfind("<", 0, at))
        if heading:
            following = _NEXT_HEADING.search(page_html, heading.end())
            return page_html[heading.end():following.start() if following else None]
        at = page_html.find(_ANCHOR, at + len(_ANCHOR))
    return ""


def render(catalogue: Catalogue, questions: list[Question] | None = None) -> dict[str, Rendered]:
    """Question id -> its card text, for `questions` (default: all), rendered outside a
    build by MkDocs' page renderer with the checkout's config."""
    from mkdocs.structure.files import File, get_files
    from mkdocs.structure.pages import Page

    config = catalogue.repo.config
    # The URL style the build's plugins set (the offline plugin does it in on_config, which
    # has not run on a config read outside a build).
    config.use_directory_urls = catalogue.repo.directory_urls
    files = get_files(config)
    for path in pages.generated_pages(catalogue):  # link targets, as the build adds them
        if files.get_file_from_path(path) is None:
            files.append(File(path, None, config.site_dir, config.use_directory_urls))
    rendered = {}
    for q in catalogue.questions if questions is None else questions:
        page = Page(None, files.get_file_from_path(q.path), config)
        page.markdown = f"{pages.question_header(q)}\n## Short answer\n\n{q.short_answer}\n"
        page.render(config, files)
        rendered[q.id] = capture(page.content, page.url)
    return rendered
