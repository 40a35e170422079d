"""Figures drawn by snippets: published with their alt text, refused when missing, unlabelled,
too large or more than a drawing; rendered in both themes and printed in the PDF."""

from __future__ import annotations

import re
from html import escape as html_escape

import pytest

from dlqa.catalogue import load_catalogue
from dlqa.figures import MAX_BYTES, references
from tests.conftest import DOCS, error_lines

PAGE = f"{DOCS}/fundamentals/tensor.md"
SNIPPET = "snippets/fundamentals/tensor.py"
OUTPUT_BLOCK = '--8<-- "outputs/fundamentals/tensor.txt"\n```\n'
DRAW = """
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot([0, 1, 2], [0, 1, 4], label="growth-marker-label")
ax.legend()
fig.savefig("curve.svg")
"""


def _show(scratch, line: str) -> None:
    scratch.edit(PAGE, OUTPUT_BLOCK, OUTPUT_BLOCK + "\n" + line + "\n")


def test_a_drawn_figure_is_published_with_its_alt_text(scratch):
    scratch.edit(SNIPPET, 'print("shape:", t.shape)', 'print("shape:", t.shape)' + DRAW)
    _show(scratch, "![Squares of 0, 1 and 2.](../figures/fundamentals/tensor/curve.svg)")
    build = scratch.build()
    assert build.returncode == 0, build.stderr[-2000:]
    svg = (scratch.root / "site" / "figures" / "fundamentals" / "tensor" / "curve.svg")
    assert "growth-marker-label" in svg.read_text()  # text stays text: searchable, printable
    page = (scratch.root / "site" / "fundamentals" / "tensor.html").read_text()
    assert re.search(r'<img alt="Squares of 0, 1 and 2\." src="\.\./figures/fundamentals/'
                     r'tensor/curve\.svg"', page), page[-3000:]


@pytest.mark.parametrize("case, line, message", [
    ("not-drawn", "![A curve.](../figures/fundamentals/tensor/other.svg)",
     "which its snippet did not draw"),
    ("no-alt", "![](../figures/fundamentals/tensor/curve.svg)", "has no alt text"),
])
def test_a_figure_the_page_cannot_show_fails_naming_the_line(scratch, case, line, message):
    scratch.edit(SNIPPET, 'print("shape:", t.shape)', 'print("shape:", t.shape)' + DRAW)
    _show(scratch, line)
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert f"{PAGE}:36: " in result.stderr and message in result.stderr, result.stderr


def test_a_snippet_that_fails_to_draw_fails_the_build(scratch):
    scratch.edit(SNIPPET, 'print("shape:", t.shape)',
                 'print("shape:", t.shape)' + DRAW.replace("fig.savefig", "fig.savefig(1 / 0) or x"))
    _show(scratch, "![A curve.](../figures/fundamentals/tensor/curve.svg)")
    errors = error_lines(scratch.dlqa("check").stderr)
    assert len(errors) == 1 and "ZeroDivisionError" in errors[0] and f"{PAGE}:27" in errors[0]


@pytest.mark.parametrize("svg, message", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "contains a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://t.example/p.png"/></svg>',
     "contains a <image> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
     "event attribute onload="),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect/>' + "<!-- pad -->" * (MAX_BYTES // 10)
     + "</svg>", "over 60 KB"),
])
def test_an_svg_that_is_more_than_a_small_drawing_is_refused(scratch, svg, message):
    scratch.edit(SNIPPET, 'print("shape:", t.shape)',
                 f'print("shape:", t.shape)\nopen("curve.svg", "w").write({svg!r})')
    _show(scratch, "![A curve.](../figures/fundamentals/tensor/curve.svg)")
    errors = error_lines(scratch.dlqa("check").stderr)
    assert errors and all(f"{PAGE}:36" in e for e in errors), errors
    assert any(message in e for e in errors), errors


def _figure_pages(repo):
    pages = [(q, refs) for q in load_catalogue(repo, check=False).questions
             if (refs := references(q))]
    assert pages, "some page shows a figure"
    return pages


def test_pages_show_figures_with_alt_text(repo, site):
    pages = _figure_pages(repo)
    for q, refs in pages:
        html = (site / q.site_url(False)).read_text(encoding="utf-8")
        for _, alt, path in refs:
            assert alt and (site / path).is_file(), (q.id, path)
            assert (site / path).stat().st_size <= MAX_BYTES
            assert 'alt="' + html_escape(alt, quote=False).replace('"', "&quot;") in html, q.id


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_figures_render_in_light_and_dark_mode(offline, site, repo, scheme):
    from tests.conftest import open_page

    page, _ = offline
    q, refs = _figure_pages(repo)[0]
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    open_page(page, site, q.site_url(False))
    assert page.get_attribute("body", "data-md-color-scheme") == scheme
    img = page.locator(f'img[src$="{refs[0][2].rsplit("/", 1)[-1]}"]').first
    img.scroll_into_view_if_needed()
    assert img.evaluate("el => el.complete && el.naturalWidth > 100")
    background, filt = img.evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).filter]")
    assert background == "rgb(255, 255, 255)"
    assert ("invert" in filt) == (scheme == "slate"), filt


def test_figures_declare_their_size_so_the_page_does_not_shift(site):
    """Each figure's <img> carries its SVG's width and height, so the browser reserves the box
    before the image loads (a figure without them shifted the text below: Lighthouse CLS)."""
    import re

    from dlqa.figures import size_px

    checked = 0
    for page in site.glob("*/*.html"):
        for tag in re.findall(r'<img\b[^>]*src="[^"]*figures/[^"]+"[^>]*>', page.read_text()):
            src = re.search(r'src="([^"]+)"', tag).group(1)
            svg = (page.parent / src).resolve().read_bytes()
            width, height = size_px(svg)
            assert f'width="{width}"' in tag and f'height="{height}"' in tag, (page, tag)
            checked += 1
    assert checked >= 40
