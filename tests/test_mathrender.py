"""Build-time KaTeX: every formula rendered, code left alone, errors found in the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlqa.mathrender import KatexRenderer, MathError, formula_line
from tests.conftest import ROOT

PAGE = """<html><body><nav>menu</nav>
<section class="print-page" id="a"><p><span class="arithmatex">\\(x^2\\)</span></p></section>
<section class="print-page" id="b"><div class="arithmatex">\\[\\frac{1}{n}\\]</div>
<pre><code>cost = "$$"</code></pre></section>
<section class="print-page" id="c"><p>done <span class="arithmatex">\\(y\\)</span></p></section>
</body></html>
"""


@pytest.fixture
def katex(tmp_path: Path) -> KatexRenderer:
    renderer = KatexRenderer(ROOT / "node_modules" / "katex", tmp_path / "katex.json")
    yield renderer
    renderer.save()


def test_render_html_renders_every_formula_and_leaves_code_alone(katex):
    rendered = katex.render_html(PAGE, "the page")
    assert rendered.count('class="katex"') == 3 and 'class="katex-display"' in rendered
    assert "\\(" not in rendered and "\\[" not in rendered  # every formula was replaced
    assert 'cost = "$$"' in rendered  # $$ inside code is left alone


def test_unrecognised_display_math_names_the_page_and_line(katex):
    with pytest.raises(MathError, match="the page") as info:
        katex.render_html(PAGE.replace("done", "$$z$$"), "the page")
    source = "# Title\n\nText\n\n1. item:\n\n   $$\n   z\n   $$\n"
    assert formula_line(source, info.value.tex) == 7


def test_a_formula_katex_cannot_parse_is_found_in_the_source(katex):
    with pytest.raises(MathError) as info:
        katex.render_html('<p><span class="arithmatex">\\(\\frac{1}\\)</span></p>', "p")
    assert formula_line("line one\nsuch as $\\frac{1}$\n", info.value.tex) == 2
