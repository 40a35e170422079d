"""The built site in a real browser, offline: pages opened from file:// with every other
request blocked and recorded; and search served over HTTP, as a host serves the site."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dlqa.search.evaluate import settled_links
from tests.conftest import offline_page, open_page

pytestmark = pytest.mark.browser


SEARCHES = [
    ("softmax", "activations/softmax.html"),
    ("LSTM", "sequence/lstm.html"),
    # Natural questions as a candidate types them, none a title or an alias (issue #22).
    ("what does the update gate in a GRU do", "sequence/gru-vs-lstm.html"),
    ("zero-centred squashing activation between -1 and 1", "activations/tanh.html"),
    ("activation that is x times sigmoid of x", "activations/swish.html"),
    ("randomly zero neurons while training", "generalisation/dropout.html"),
    ("why not start all weights at zero", "training/equal-weight-initialisation.html"),
    ("my loss turns into nan", "practice/debugging-a-network.html"),
    ("bn vs ln", "training/layer-norm-vs-batch-norm.html"),
    ("kv cache memory for a 7b model", "llms/kv-cache-memory.html"),
    ("transformer vs rnn", "sequence/transformers-vs-rnns.html"),
    ("dropuot regularisation", "generalisation/dropout.html"),
]


@pytest.fixture(scope="module")
def search_box(browser, site):
    """One offline page whose search box the searches below share (loading the page and the
    index once instead of once a query); no request may leave the site meanwhile."""
    with offline_page(browser) as (page, _):
        open_page(page, site, "index.html")
        yield page


@pytest.mark.parametrize("query, expected", SEARCHES)
def test_search_finds_question_offline(search_box, query, expected):
    page = search_box
    page.fill("input.md-search__input", "")
    # The last query's results go first, so that they are never read as this one's.
    page.wait_for_selector(".md-search-result__item", state="detached", timeout=15_000)
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links = settled_links(page, top=5, rounds=40, wait_ms=250)
    assert any(link.split("#")[0].split("?")[0].endswith(expected) for link in links), links


def test_search_keyboard_opens_the_first_result(offline, site):
    """Material's keyboard behaviour is kept: arrow down selects the first result and Enter
    opens it, with the matched words highlighted in the result."""
    page, _ = offline
    open_page(page, site, "index.html")
    page.click("input.md-search__input")
    page.keyboard.type("what does the update gate in a GRU do", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    links = settled_links(page, top=5, rounds=40, wait_ms=250)
    assert "sequence/gru-vs-lstm.html" in links[0], links
    assert page.locator(".md-search-result__item mark").count() > 0
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sequence/gru-vs-lstm.html*", timeout=15_000)


class _RecordingHandler(SimpleHTTPRequestHandler):
    """Serves the site and records each path asked for; KaTeX's fonts come 0.6 s late when
    the server's `slow_fonts` is set, as over a slow network."""

    def do_GET(self):
        if self.server.slow_fonts and self.path.endswith(".woff2"):
            time.sleep(0.6)
        super().do_GET()

    def log_message(self, format, *args):
        self.server.paths.append(self.path)


@contextlib.contextmanager
def http_page(browser, site, rel: str, slow_fonts: bool = False, init_script: str = "",
              **context_options):
    """The page `rel` of `site`, served over HTTP on 127.0.0.1, in a new browser context;
    yields (page, server), the server's `paths` being those asked for."""
    handler = functools.partial(_RecordingHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        server.paths, server.slow_fonts = [], slow_fonts
        threading.Thread(target=server.serve_forever, daemon=True).start()
        context = browser.new_context(**context_options)
        try:
            page = context.new_page()
            if init_script:
                page.add_init_script(init_script)
            page.goto(f"http://127.0.0.1:{server.server_port}/{rel}")
            page.wait_for_load_state("load")
            yield page, server
        finally:
            context.close()
            server.shutdown()


def test_search_over_http_fetches_the_index_in_the_worker(browser, site):
    """Over HTTP the page's script fetches only the index's settings (search_index.json);
    the search worker fetches dlqa's index itself, off the page's main thread, when the
    reader first searches."""
    with http_page(browser, site, "index.html") as (page, server):
        page.wait_for_load_state("networkidle")
        before_search = list(server.paths)
        page.click("input.md-search__input")
        page.keyboard.type("bn vs ln", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        links = settled_links(page, top=5, rounds=40, wait_ms=250)
    assert any("training/layer-norm-vs-batch-norm.html" in link for link in links), links
    assert "/search/search_index.json" in before_search
    assert "/search/dlqa_index.json" not in before_search
    assert "/search/dlqa_index.json" in server.paths
    assert "/search/search_index.js" not in server.paths, "the inline copy is for file:// only"


LAYOUT_SHIFTS = """window.dlqaShifts = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.dlqaShifts.push(e.value)))
    .observe({type: "layout-shift", buffered: true});"""


def test_the_first_screen_does_not_move_when_katex_fonts_arrive(browser, site):
    """A question page carries its short answer's glyphs (dlqa.firstglyphs), so on a phone
    the first screen is laid out once. Without them the formula in softmax's short answer
    got wider when KaTeX's fonts came, wrapped, and moved the paragraph: a layout shift of
    0.084."""
    with http_page(browser, site, "activations/softmax.html", slow_fonts=True,
                   init_script=LAYOUT_SHIFTS, viewport={"width": 412, "height": 823},
                   device_scale_factor=1.75, is_mobile=True) as (page, server):
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        shifts = page.evaluate("window.dlqaShifts")
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.unicodeRange)")
    assert any(path.endswith(".woff2") for path in server.paths)  # the full fonts came late
    assert sum(shifts) < 0.01, shifts
    assert any(r != "U+0-10FFFF" for r in loaded) and "U+0-10FFFF" in loaded, loaded


@pytest.mark.parametrize("rel", [
    "activations/softmax.html", "training/batch-normalisation.html",
    "cnn/conv-output-size.html", "optimisation/adam.html",
])
def test_math_is_rendered_not_raw(offline, site, rel):
    page, _ = offline
    open_page(page, site, rel)
    assert page.locator(".katex").count() > 0
    text = page.inner_text("article")
    assert "\\(" not in text and "\\[" not in text and "$$" not in text


def test_code_is_highlighted_with_output(offline, site):
    page, _ = offline
    open_page(page, site, "activations/softmax.html")
    assert page.locator(".highlight .k, .highlight .kn").count() > 0
    assert page.locator("pre code").count() >= 2


def test_screen_readers_get_the_whole_page_at_load(offline, site):
    """The browser's accessibility tree holds every formula and code block as soon as the
    page loads, not only those near the screen (`content-visibility: auto` left the ones
    below it out until scrolled to)."""
    page, _ = offline
    open_page(page, site, "activations/softmax.html")
    nodes = [n for n in page.context.new_cdp_session(page).send(
        "Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
    roles = [n.get("role", {}).get("value") for n in nodes]
    assert roles.count("MathMLMath") == page.locator(".katex-mathml math").count() > 10
    assert roles.count("code") == page.locator("code").count() >= 2
    last_line = page.locator("pre code").last.text_content().strip().splitlines()[-1]
    words = " ".join(str(n.get("name", {}).get("value", "")) for n in nodes)
    assert all(word in words for word in last_line.split()), last_line


def test_theme_toggle_switches_and_remembers_the_scheme(browser, site):
    """dlqa's light/dark toggle (overrides/partials/palette-toggle.html) does what Material's
    did: a click switches the scheme at once (no transition runs), the color-scheme meta
    follows, and a reload keeps the reader's choice."""
    with http_page(browser, site, "activations/softmax.html") as (page, _):
        def state():
            return page.evaluate("""[document.body.getAttribute("data-md-color-scheme"),
                document.querySelector("meta[name=color-scheme]").content]""")
        before = state()
        page.locator("form[data-dlqa-component='palette'] label:visible").first.click()
        after = state()
        fading = page.evaluate(
            "document.getAnimations().filter(a => a instanceof CSSTransition).length")
        page.reload()
        page.wait_for_load_state("load")
        reloaded = state()
    assert {before[0], after[0]} == {"default", "slate"}
    assert {before[1], after[1]} == {"light", "dark"}
    assert fading == 0
    assert reloaded == after


# Records, from before any of the page's scripts, each change to the root's class and each
# meta added to the head, with whether the page had been parsed to its end by then.
START_UP_RECORDER = """
window.__startup = [];
new MutationObserver(records => {
  const parsed = document.querySelector(".md-footer") !== null;
  for (const r of records) {
    if (r.type === "attributes") window.__startup.push(["class", r.oldValue, parsed]);
    for (const n of r.addedNodes || []) if (n.nodeName === "META")
      window.__startup.push(["meta", n.name, parsed]);
  }
}).observe(document, {subtree: true, childList: true, attributes: true,
                      attributeFilter: ["class"], attributeOldValue: true});
"""


def test_material_start_up_changes_no_root_class_and_adds_no_meta(browser, site):
    """Material's bundle, when it starts after the page is parsed, swaps the root's classes
    and adds color-scheme and theme-color metas, and each of these makes the browser restyle
    the whole page (benchmarks/notes.md). The site sets them while only the head and header
    exist (overrides/main.html): once the page is parsed, a class change on the root leaves
    it as it was, and no meta is added. The bundle is deferred, so the page can be painted
    before it runs."""
    with http_page(browser, site, "activations/softmax.html",
                   init_script=START_UP_RECORDER) as (page, _):
        page.wait_for_timeout(300)
        records = page.evaluate("window.__startup")
        root_class = page.evaluate("document.documentElement.className")
        deferred = page.evaluate("""[...document.scripts].filter(s => s.src)
            .map(s => [s.src.split("/").pop(), s.defer])""")
    root = [r for r in records if r[0] == "class" and r[1] is not None
            and ("js" in r[1].split() or "no-js" in r[1].split())]
    assert root and all(old == root_class for _, old, parsed in root if parsed), root
    metas = [(name, parsed) for kind, name, parsed in records
             if kind == "meta" and name in ("color-scheme", "theme-color")]
    assert sorted(metas) == [("color-scheme", False), ("theme-color", False)], records
    assert deferred and all(is_deferred for _, is_deferred in deferred), deferred
    assert any(name.startswith("bundle.") for name, _ in deferred), deferred


def test_internal_link_navigates(offline, site):
    page, _ = offline
    open_page(page, site, "index.html")
    page.click("article a[href='activations/index.html']")
    page.wait_for_load_state("load")
    assert page.url.endswith("activations/index.html")
    page.locator("article a[href='softmax.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("activations/softmax.html")
    assert "softmax" in page.title().lower()
