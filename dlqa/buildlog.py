"""Make MkDocs' link and anchor warnings name the line of the page to fix."""

from __future__ import annotations

import logging
import re

from dlqa.errors import source_line
from dlqa.repo import Repo

_LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)'")


def link_line(markdown: str, link: str) -> int | None:
    """The first line of `markdown` that writes the link target `link`, if any."""
    return source_line(markdown, re.compile(r"\]\(\s*<?" + re.escape(link) + r"[\s>)]"))


def locate(message: str, repo: Repo) -> str:
    """`message` prefixed with <docs_dir>/<page>:<line> when it is a MkDocs link warning."""
    match = _LINK_WARNING.search(message)
    if not match:
        return message
    path = repo.docs_dir / match["page"]
    try:
        line = link_line(path.read_text(encoding="utf-8"), match["link"])
    except OSError:  # a generated page: there is no source file to point into
        line = None
    where = repo.page_file(match["page"]) + (f":{line}" if line else "")
    return f"{where}: {message} Fix or remove the link."


class LinkLocator(logging.Filter):
    """A logging filter that rewrites link warnings with `locate`."""

    def __init__(self, repo: Repo):
        super().__init__()
        self.repo = repo

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = locate(record.getMessage(), self.repo)
        record.args = ()
        return True


def install(repo: Repo, logger_name: str = "mkdocs.structure.pages") -> None:
    """Attach one LinkLocator to MkDocs' page logger (again on `mkdocs serve` reloads)."""
    logger = logging.getLogger(logger_name)
    for old in [f for f in logger.filters if type(f).__name__ == "LinkLocator"]:
        logger.removeFilter(old)
    logger.addFilter(LinkLocator(repo))
