"""Build-time KaTeX: a large file rendered section by section equals the whole rendered once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlqa.mathrender import KatexRenderer, MathError
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


def test_render_file_equals_render_html(katex, tmp_path: Path):
    path = tmp_path / "print_page.html"
    path.write_text(PAGE, encoding="utf-8")
    katex.render_file(path, "the print page")
    rendered = path.read_text(encoding="utf-8")
    assert rendered == katex.render_html(PAGE, "the print page")
    assert rendered.count('class="katex"') == 3 and 'class="katex-display"' in rendered
    assert "\\(" not in rendered and "\\[" not in rendered  # every formula was replaced
    assert 'cost = "$$"' in rendered  # $$ inside code is left alone
    assert not path.with_name("print_page.html.tmp").exists()


def test_render_file_reports_unrecognised_display_math(katex, tmp_path: Path):
    path = tmp_path / "print_page.html"
    path.write_text(PAGE.replace("done", "$$z$$"), encoding="utf-8")
    with pytest.raises(MathError, match="the print page"):
        katex.render_file(path, "the print page")
