"""The KaTeX glyphs of a question's short answer, inline in its page, so that the first screen
is laid out once.

KaTeX's fonts arrive after the first layout. Until then an inline formula is set in a fallback
font; when they arrive it gets wider, wraps, and moves the rest of the first screen down (a
layout shift of 0.084 on activations/softmax.html, which alone keeps Lighthouse's performance
score under 98). So a question page carries the few glyphs its short answer uses, cut from
KaTeX's own fonts with fontTools, and a script in its head hands them to the browser as
FontFace objects made from bytes, which the first layout uses. The same glyphs in an
@font-face with a data: URL are still loaded after the first layout in Chromium, and shift the
same. The full fonts load as before for the rest of the page; without JavaScript a page is as
it was.
"""

from __future__ import annotations

import base64
import io
import json
import logging
from importlib import metadata
from pathlib import Path

from dlqa import cachefile

# What KaTeX's stylesheet (katex.min.css, 0.16) sets for each class inside `.katex`: family
# (without "KaTeX_"), style, weight; None leaves it to the enclosing element. A class pair
# ("a.b") needs both classes on one element. tests/test_firstglyphs.py checks the table
# against the installed stylesheet.
FONT_CLASSES: dict[str, tuple[str | None, str | None, str | None]] = {
    "mathnormal": ("Math", "italic", None),
    "mathit": ("Main", "italic", None),
    "mathrm": (None, "normal", None),
    "mainrm": ("Main", "normal", None),
    "textrm": ("Main", None, None),
    "textit": (None, "italic", None),
    "textbf": (None, None, "bold"),
    "mathbf": ("Main", None, "bold"),
    "boldsymbol": ("Math", "italic", "bold"),
    "amsrm": ("AMS", None, None),
    "mathbb": ("AMS", None, None),
    "textbb": ("AMS", None, None),
    "mathcal": ("Caligraphic", None, None),
    "mathfrak": ("Fraktur", None, None),
    "textfrak": ("Fraktur", None, None),
    "mathboldfrak": ("Fraktur", None, "bold"),
    "textboldfrak": ("Fraktur", None, "bold"),
    "mathtt": ("Typewriter", None, None),
    "texttt": ("Typewriter", None, None),
    "mathscr": ("Script", None, None),
    "textscr": ("Script", None, None),
    "mathsf": ("SansSerif", None, None),
    "textsf": ("SansSerif", None, None),
    "mathboldsf": ("SansSerif", None, "bold"),
    "textboldsf": ("SansSerif", None, "bold"),
    "mathitsf": ("SansSerif", "italic", None),
    "mathsfit": ("SansSerif", "italic", None),
    "textitsf": ("SansSerif", "italic", None),
    "delimsizing.size1": ("Size1", None, None),
    "delimsizing.size2": ("Size2", None, None),
    "delimsizing.size3": ("Size3", None, None),
    "delimsizing.size4": ("Size4", None, None),
    "delim-size1": ("Size1", None, None),
    "delim-size4": ("Size4", None, None),
    "op-symbol.small-op": ("Size1", None, None),
    "op-symbol.large-op": ("Size2", None, None),
}
_INVISIBLE = frozenset("\u200b\n ")
_BY_CLASS: dict[str, list[tuple[frozenset[str], tuple]]] = {}
for _name, _setting in FONT_CLASSES.items():
    _BY_CLASS.setdefault(_name.split(".")[0], []).append((frozenset(_name.split(".")), _setting))


def _font(classes: list[set[str]]) -> tuple[str, str, str]:
    """(family, style, weight) of text whose elements, innermost first, have `classes`."""
    found: list[str | None] = [None, None, None]
    for own in classes:
        for name in own:
            for needed, setting in _BY_CLASS.get(name, ()):
                if needed <= own:
                    found = [f if f is not None else s for f, s in zip(found, setting, strict=True)]
    family, style, weight = found
    return family or "Main", style or "normal", weight or "normal"


def glyphs(fragment: str) -> dict[tuple[str, str, str], str]:
    """(family, style, weight) -> the characters set in that KaTeX font by `fragment`'s
    rendered formulas (their visible HTML, not the MathML for screen readers)."""
    # Imported here: a warm build takes every script from the cache and parses nothing.
    from selectolax.lexbor import LexborHTMLParser

    used: dict[tuple[str, str, str], set[str]] = {}
    for formula in LexborHTMLParser(fragment).css(".katex-html"):
        for node in formula.traverse(include_text=True):
            if node.tag != "-text":
                continue
            chars = set(node.text_content or "") - _INVISIBLE
            if not chars:
                continue
            classes, element = [], node.parent
            while element is not None:
                own = set((element.attributes.get("class") or "").split())
                if "katex-html" in own:
                    break
                classes.append(own)
                element = element.parent
            used.setdefault(_font(classes), set()).update(chars)
    return {font: "".join(sorted(chars)) for font, chars in used.items()}


def font_file(family: str, style: str, weight: str) -> str:
    """KaTeX's file name for a face, e.g. KaTeX_Math-Italic.ttf."""
    variant = {("normal", "normal"): "Regular", ("normal", "bold"): "Bold",
               ("italic", "normal"): "Italic", ("italic", "bold"): "BoldItalic"}[style, weight]
    return f"KaTeX_{family}-{variant}.ttf"


class GlyphFonts:
    """Writes the script that installs the glyphs a fragment's formulas use.

    Cutting fonts takes tens of milliseconds a page, so the scripts are kept between builds
    in one file of `cache_dir`, by a digest of the fragment; the file is named after KaTeX's
    version, this module's code and fontTools' version, and holds the scripts the last build
    used, no more (`save`)."""

    def __init__(self, fonts_dir: Path, katex_version: str, cache_dir: Path):
        self.fonts_dir = fonts_dir
        self.katex_version = katex_version
        name = cachefile.key(katex_version, Path(__file__).read_bytes(),
                             metadata.version("fonttools"))
        self._scripts = cachefile.KeptValues(cache_dir / f"{name}.json")

    def script(self, fragment: str) -> str:
        """A <script> that adds, as FontFaces, the glyphs `fragment`'s formulas use; "" when
        it has none."""
        if "katex-html" not in fragment:
            return ""
        key = cachefile.key(fragment)
        script = self._scripts.get(key)
        if script is None:
            script = self._script(fragment)
            self._scripts.put(key, script)
        return script

    def save(self) -> None:
        """Keep the scripts this build used."""
        self._scripts.save()

    def _script(self, fragment: str) -> str:
        faces = []
        for (family, style, weight), chars in sorted(glyphs(fragment).items()):
            path = self.fonts_dir / font_file(family, style, weight)
            if not path.is_file():
                continue  # no such face in KaTeX: the browser synthesises it from another
            data, covered = _subset(path, chars)
            if covered:
                faces.append([f"KaTeX_{family}", style, weight,
                              ",".join(f"U+{point:X}" for point in covered),
                              base64.b64encode(data).decode("ascii")])
        if not faces:
            return ""
        return ("<script>if(window.FontFace)for(const[f,s,w,r,b]of" + json.dumps(faces, separators=(",", ":"))
                + "){const d=atob(b),a=new Uint8Array(d.length);"
                "for(let i=0;i<d.length;i++)a[i]=d.charCodeAt(i);"
                "document.fonts.add(new FontFace(f,a,{style:s,weight:w,unicodeRange:r,"
                'display:"block"}))}</script>')


def _subset(path: Path, chars: str) -> tuple[bytes, list[int]]:
    """WOFF bytes of `path` cut to `chars` (unhinted: a few glyphs, mostly on screens that
    ignore hinting) and the code points it kept."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # KaTeX's fonts carry 1970 dates, which fontTools reports on every save.
    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    options.name_IDs = []
    font = TTFont(path)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue(), sorted(font.getBestCmap() or {})

