"""Which assets each page loads, written by the theme (overrides/main.html) as it renders it.

Plugins add their assets to every page: mkdocstrings its API styles. Each is a
render-blocking request on a phone's first visit, for nothing on a question page, so the
build takes such styles out of the site's list (`take_page_styles`) and gives them to the
pages that use them, in `page.meta[STYLES]`. The offline plugin's polyfill (iframe-worker,
which lets search run from file://) is needed on every page but is small: the template
writes it inline from `config.extra[INLINE]`, so it costs no request. A question's head
also gets the glyphs of its short answer (dlqa.firstglyphs) from `page.meta[GLYPHS]`.

The template does this, rather than a hook editing each finished page, because every edit
of a 150 KB page copies it. Without dlqa's hooks the keys are absent and the theme writes
what Material writes.
"""

from __future__ import annotations

API_ASSETS = ("assets/_mkdocstrings.css",)
SHIM = "assets/iframe-worker/shim.js"  # as mkdocs.yml's extra.polyfills names it

# The keys overrides/main.html reads (tests/test_pageassets.py checks that it does).
STYLES = "dlqa_styles"  # page.meta: stylesheets of this page besides the site's
INLINE = "dlqa_inline"  # config.extra: polyfill path -> its code, written inline
GLYPHS = "dlqa_glyphs"  # page.meta: the <script> with the short answer's glyphs


def take_page_styles(extra_css: list) -> tuple[str, ...]:
    """Take the plugin stylesheets that only some pages use out of `extra_css` (MkDocs'
    config.extra_css, which every page loads); return them."""
    taken = tuple(str(path) for path in extra_css if str(path) in API_ASSETS)
    extra_css[:] = [path for path in extra_css if str(path) not in API_ASSETS]
    return taken


def inline_code(asset: str, code: str) -> str:
    """`code`, the content of `asset`, once it is known to be safe inside a <script>."""
    if "</script" in code.lower():
        raise ValueError(f"{asset} cannot be inlined: it contains </script")
    return code
