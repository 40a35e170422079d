"""Links in rendered HTML, moved from the page they were written on to the site root.

A page's short answer is shown on other pages (the study modes), on Anki cards and in the
PDF, so a link relative to the page it came from has to be rebased first. MkDocs has already
turned every Markdown link into a URL relative to the page; these functions take it from
there, in one way for every output.
"""

from __future__ import annotations

import posixpath
import re

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LINK_ATTR = re.compile(r'\b(href|src)="([^"]*)"')


def is_relative(url: str) -> bool:
    """Whether `url` is relative to the page (not `scheme:`, `//host` or `/path`)."""
    return bool(url) and not _SCHEME.match(url) and not url.startswith("/")


def to_root(url: str, page_url: str) -> str:
    """A page-relative `url` of the page at `page_url` (site-relative, `a/b.html` or `a/b/`)
    as a site-relative URL; other URLs unchanged. A bare `#anchor` points into the page."""
    if not is_relative(url):
        return url
    if url.startswith("#"):
        return page_url + url
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    path, hash_, fragment = url.partition("#")
    path, query, rest = path.partition("?")
    joined = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return f"{joined}{query}{rest}{hash_}{fragment}"


def rewrite(fragment: str, rewrite_url) -> str:
    """`fragment` with every `href`/`src` value replaced by `rewrite_url(value)`."""
    def replace(match: re.Match) -> str:
        attr, value = match.groups()
        return f'{attr}="{rewrite_url(value)}"'
    return _LINK_ATTR.sub(replace, fragment)


def rebase(fragment: str, page_url: str) -> str:
    """`fragment`, taken from the page at `page_url`, with its links relative to the root."""
    return rewrite(fragment, lambda url: to_root(url, page_url))


def absolute(fragment: str, base_url: str) -> str:
    """`fragment` (links relative to the site root) with its links under `base_url`."""
    base = base_url.rstrip("/") + "/"
    return rewrite(fragment, lambda url: base + url if is_relative(url) else url)
