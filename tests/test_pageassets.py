"""Pages load only the assets they use (dlqa.pageassets): every render-blocking request
costs a phone's first visit."""

from __future__ import annotations

import pytest

from dlqa import pageassets


def test_drop_assets_removes_only_the_named_tags():
    html = ('<link rel="stylesheet" href="../assets/_mkdocstrings.css">'
            '<link rel="stylesheet" href="../stylesheets/dlqa.css">')
    assert pageassets.drop_assets(html, pageassets.API_ASSETS) == (
        '<link rel="stylesheet" href="../stylesheets/dlqa.css">')


def test_inline_script_replaces_the_tag_and_refuses_what_would_end_it():
    html = '<head><script src="../../assets/iframe-worker/shim.js"></script></head>'
    assert pageassets.inline_script(html, pageassets.SHIM, "var a = 1;") == (
        "<head><script>var a = 1;</script></head>")
    with pytest.raises(ValueError, match="</script"):
        pageassets.inline_script(html, pageassets.SHIM, "x = '</SCRIPT>'")


def test_built_pages_load_what_they_use(site):
    page = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    assert "_mkdocstrings.css" not in page
    assert "iframe-worker/shim.js" not in page and "window.IFrameWorker=" in page
    api = (site / "contributing" / "api.html").read_text(encoding="utf-8")
    assert "_mkdocstrings.css" in api
    assert (site / pageassets.SHIM).is_file()  # for pages MkDocs renders without hooks (404)
