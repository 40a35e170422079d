"""Pages load only the assets they use (dlqa.pageassets, written by overrides/main.html):
every render-blocking request costs a phone's first visit."""

from __future__ import annotations

import re

import pytest

from dlqa import pageassets
from tests.conftest import ROOT


def test_page_styles_are_taken_out_of_the_sites_list():
    extra_css = ["assets/_mkdocstrings.css", "assets/katex/katex.min.css",
                 "stylesheets/dlqa.css"]
    assert pageassets.take_page_styles(extra_css) == ("assets/_mkdocstrings.css",)
    assert extra_css == ["assets/katex/katex.min.css", "stylesheets/dlqa.css"]


def test_inline_code_refuses_what_would_end_the_script():
    assert pageassets.inline_code(pageassets.SHIM, "var a = 1;") == "var a = 1;"
    with pytest.raises(ValueError, match="</script"):
        pageassets.inline_code(pageassets.SHIM, "x = '</SCRIPT>'")


def test_the_template_reads_the_keys_the_build_sets():
    template = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    for key in (pageassets.STYLES, pageassets.INLINE, pageassets.GLYPHS):
        assert re.search(rf"\.{key}\b", template), key


def test_built_pages_load_what_they_use(site):
    page = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    head = page[:page.index("</head>")]
    assert "_mkdocstrings.css" not in page
    assert "iframe-worker/shim.js" not in page and "window.IFrameWorker=" in head
    # The short answer's glyphs come last in the head, after the root's classes are set.
    assert re.search(r'className = "js js-focus-visible"</script>\s*'
                     r'<script>if\(window\.FontFace\)[^\n]*</script>\s*$', head)
    api = (site / "contributing" / "api.html").read_text(encoding="utf-8")
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', api[:api.index("</head>")])
    # Before the site's own styles, as mkdocstrings puts it, so they take precedence.
    assert styles.index("../assets/_mkdocstrings.css") < styles.index(
        "../stylesheets/dlqa.css")
    missing = (site / "404.html").read_text(encoding="utf-8")
    assert "_mkdocstrings.css" not in missing and "window.IFrameWorker=" in missing
    assert not [p for p in site.rglob("*.html")
                if "iframe-worker/shim.js" in p.read_text(encoding="utf-8")]
