"""The glyphs of a short answer's formulas, cut from KaTeX's fonts (dlqa.firstglyphs)."""

from __future__ import annotations

import base64
import io
import json
import re

import pytest
from fontTools.ttLib import TTFont

from dlqa import firstglyphs
from tests.conftest import ROOT

KATEX = ROOT / "node_modules" / "katex"
FONTS = KATEX / "dist" / "fonts"

FRAGMENT = (
    '<p>Softmax <span class="katex"><span class="katex-mathml"><math><mi>q</mi></math></span>'
    '<span class="katex-html" aria-hidden="true"><span class="base">'
    '<span class="mord mathnormal">z</span><span class="mord">1</span>'
    '<span class="mop op-symbol small-op">\u2211</span>'
    '<span class="mord mathbf">W<span class="vlist-s">\u200b</span></span>'
    '<span class="mord text"><span class="mord textit">x</span></span>'
    "</span></span></span> and prose that is not math.</p>"
)


def test_each_character_is_given_the_font_katex_sets_it_in():
    assert firstglyphs.glyphs(FRAGMENT) == {
        ("Math", "italic", "normal"): "z",
        ("Main", "normal", "normal"): "1",
        ("Size1", "normal", "normal"): "\u2211",
        ("Main", "normal", "bold"): "W",
        ("Main", "italic", "normal"): "x",
    }
    assert firstglyphs.glyphs("<p>no formula</p>") == {}


def test_the_class_table_is_what_katex_stylesheet_says():
    """FONT_CLASSES holds exactly the `.katex .class` rules of the installed katex.min.css
    that set a font, with the same family, style and weight (a KaTeX upgrade that changes
    them fails here)."""
    css = (KATEX / "dist" / "katex.min.css").read_text(encoding="utf-8")
    found = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declared = dict(re.findall(r"font-(family|style|weight):([^;]+)", body))
        if not declared or "@font-face" in selectors:
            continue
        for selector in selectors.split(","):
            match = re.fullmatch(r"\.katex \.([\w.-]+)(?: \.(delim-size\d)>span)?", selector)
            if match is None:
                continue
            name = match.group(2) or match.group(1)
            weight = declared.get("weight")
            found[name] = (declared.get("family", "").removeprefix("KaTeX_") or None,
                           declared.get("style"),
                           {"700": "bold", "bold": "bold"}.get(weight, weight))
    assert len(found) > 30
    assert firstglyphs.FONT_CLASSES == found


def test_the_script_carries_exactly_those_glyphs_and_is_cached(tmp_path, monkeypatch):
    fonts = firstglyphs.GlyphFonts(FONTS, "0.16.test", tmp_path)
    script = fonts.script(FRAGMENT)
    assert script.startswith("<script>") and script.endswith("</script>")
    faces = json.loads(re.search(r"of(\[\[.*?\]\])\)", script).group(1))
    got = {}
    for family, style, weight, ranges, data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        points = sorted(font.getBestCmap())
        assert ranges == ",".join(f"U+{p:X}" for p in points)
        got[family, style, weight] = "".join(map(chr, points))
        assert len(data) < 4000  # a few glyphs, not the font
    assert got == {("KaTeX_Math", "italic", "normal"): "z",
                   ("KaTeX_Main", "normal", "normal"): "1",
                   ("KaTeX_Size1", "normal", "normal"): "\u2211",
                   ("KaTeX_Main", "normal", "bold"): "W",
                   ("KaTeX_Main", "italic", "normal"): "x"}

    def no_cutting(*args):
        raise AssertionError("cut again instead of read from the cache")
    monkeypatch.setattr(firstglyphs, "_subset", no_cutting)
    assert fonts.script(FRAGMENT) == script
    fonts.save()
    assert firstglyphs.GlyphFonts(FONTS, "0.16.test", tmp_path).script(FRAGMENT) == script
    assert fonts.script("<p>no formula</p>") == ""
    # Another KaTeX has other fonts: its scripts are cut afresh.
    with pytest.raises(AssertionError, match="cut again"):
        firstglyphs.GlyphFonts(FONTS, "0.17.test", tmp_path).script(FRAGMENT)

