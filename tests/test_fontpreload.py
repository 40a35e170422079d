"""The KaTeX fonts a page's math uses are preloaded (dlqa.fontpreload), so that the text does
not move when they arrive."""

from __future__ import annotations

import json
import re

import pytest

from dlqa import fontpreload

CSS = ("@font-face{font-family:F_Main;font-style:normal;font-weight:400;"
       "src:url(f/Main.woff2) format(\"woff2\"),url(f/Main.woff)}"
       "@font-face{font-family:F_Math;font-style:italic;font-weight:400;"
       "src:url(f/Math.woff2) format(\"woff2\")}"
       "@font-face{font-family:F_Main;font-style:normal;font-weight:700;"
       "src:url(f/Bold.woff2) format(\"woff2\")}"
       ".k{font:normal 1.2em F_Main,serif}.k .mi{font-family:F_Math;font-style:italic}"
       ".k .bf{font-weight:700}")


def test_fonts_needed_follows_the_classes():
    assert fontpreload.fonts_needed(CSS, {"k"}) == {"f/Main.woff2"}
    assert fontpreload.fonts_needed(CSS, {"k", "mi", "bf"}) == {
        "f/Main.woff2", "f/Math.woff2", "f/Bold.woff2"}
    assert fontpreload.fonts_needed(CSS, {"other"}) == set()


def _preloaded(html: str) -> list[str]:
    found = re.search(r'<script>if\(location\.protocol!=="file:"\)(\[[^\]]*\])\.forEach', html)
    return json.loads(found.group(1)) if found else []


def test_preloads_go_before_the_stylesheet_and_only_on_pages_with_math():
    head = '<head><link rel="stylesheet" href="../assets/k.css"></head>'
    page = head + '<p><span class="katex"><span class="k mi">x</span></span></p>'
    out = fontpreload.add_preloads(page, CSS.replace(".k{", ".katex{"), "assets/k.css")
    assert _preloaded(out) == ["../assets/f/Main.woff2", "../assets/f/Math.woff2"], out
    assert out.index("preload") < out.index('rel="stylesheet"')
    plain = head + "<p>no math</p>"
    assert fontpreload.add_preloads(plain, CSS, "assets/k.css") == plain


def test_a_question_page_preloads_the_fonts_its_math_uses(site):
    html = (site / "activations" / "softmax.html").read_text(encoding="utf-8")
    preloaded = _preloaded(html)
    names = {re.fullmatch(r"\.\./assets/katex/fonts/([\w-]+)\.woff2", p).group(1)
             for p in preloaded}
    assert {"KaTeX_Main-Regular", "KaTeX_Math-Italic"} <= names, preloaded
    assert len(names) < 8, "only the fonts the page uses"
    for name in names:
        assert (site / "assets" / "katex" / "fonts" / f"{name}.woff2").is_file()
    assert html.index("preload") < html.index("katex.min.css")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert ('class="katex' in home) == bool(_preloaded(home))


@pytest.mark.browser
def test_fonts_arrive_without_moving_the_text_or_erring_offline(browser, site):
    """Over HTTP the preloaded fonts are the ones the page uses (no second download) and the
    text does not move when they arrive; from file:// no preload is made (it would fail)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            self.server.paths.append(self.path)

    with ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))) \
            as server:
        server.paths = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        context = browser.new_context()
        page = context.new_page()
        messages = []
        page.on("console", lambda m: messages.append(m.text))
        page.add_init_script(
            "window.__shift = 0; new PerformanceObserver(l => l.getEntries().forEach("
            "e => { window.__shift += e.value; })).observe({type: 'layout-shift', buffered: true});")
        page.goto(f"http://127.0.0.1:{server.server_port}/activations/softmax.html")
        page.wait_for_load_state("load")
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(500)
        shift = page.evaluate("window.__shift")
        context.close()
        server.shutdown()
    fonts = [p for p in server.paths if p.endswith(".woff2")]
    assert fonts and len(fonts) == len(set(fonts)), fonts  # each font downloaded once
    assert not [m for m in messages if "preload" in m], messages  # every preload was used
    assert shift < 0.01, shift
    context = browser.new_context()
    page = context.new_page()
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto((site / "activations" / "softmax.html").resolve().as_uri())
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready")
    context.close()
    assert messages == [], messages
