"""Drop stylesheets and scripts from pages that do not use them, and inline a small one.

Plugins add their assets to every page: mkdocstrings its API styles. Each is a
render-blocking request on a phone's first visit, for nothing on a question page. The offline
plugin's polyfill (iframe-worker, which lets search run from file://) is needed on every page
but is small: inline, it costs no request.
"""

from __future__ import annotations

import re

API_ASSETS = ("assets/_mkdocstrings.css",)
SHIM = "assets/iframe-worker/shim.js"  # as mkdocs.yml's extra.polyfills names it


def _tags(assets: tuple[str, ...]) -> re.Pattern:
    # Starts with a literal '<' so the engine can skip ahead; a leading optional-whitespace
    # group would be tried at every position of the page (5 s per 600 pages).
    names = "|".join(re.escape(asset) for asset in assets)
    quoted = rf'"(?:\.\./)*(?:{names})"'
    return re.compile(rf'<link rel="stylesheet" href={quoted}>|<script src={quoted}></script>')


_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}


def drop_assets(html: str, assets: tuple[str, ...]) -> str:
    """`html` without the <link>/<script> tags that load `assets` (site-relative paths)."""
    if assets not in _PATTERNS:
        _PATTERNS[assets] = _tags(assets)
    return _PATTERNS[assets].sub("", html)


def unused_assets(page_path: str, api_pages: frozenset[str]) -> tuple[str, ...]:
    """The plugin assets a page (docs-relative path) does not need."""
    return () if page_path in api_pages else API_ASSETS


def inline_script(html: str, asset: str, code: str) -> str:
    """`html` with the <script> tag that loads `asset` (site-relative) holding `code` instead."""
    if "</script" in code.lower():
        raise ValueError(f"{asset} cannot be inlined: it contains </script")
    pattern = re.compile(rf'<script src="(?:\.\./)*{re.escape(asset)}"></script>')
    return pattern.sub(lambda _: f"<script>{code}</script>", html, count=1)
