"""Preload the KaTeX fonts a page's math uses.

KaTeX's stylesheet declares its fonts with `font-display: block`, and a browser asks for a web
font only once layout finds text set in it: after the stylesheets have loaded and the page has
been laid out once in a fallback font. When the fonts arrive, every formula changes width and
the text around it moves (Lighthouse measured a layout shift of 0.084 on a question page).
A preload per font, requested from the head, starts those downloads with the stylesheets;
with them there the shift measured 0.

Which fonts a page needs is read from KaTeX's stylesheet itself (`fonts_needed`), not from a
list kept here, so a KaTeX upgrade cannot leave it stale.
"""

from __future__ import annotations

import json
import posixpath
import re
from functools import lru_cache

_FONT_FACE = re.compile(r"@font-face\{([^}]*)\}")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_URL = re.compile(r"url\(([^)]+)\)")
# Starts with a literal so the engine can skip ahead (a leading \b is tried at every position).
_CLASSES = re.compile(r' class="([^"]*)"')


def _decl(block: str, name: str, default: str) -> str:
    found = re.search(rf"(?:^|;){name}:([^;]+)", block)
    return found.group(1).strip() if found else default


def _weight(value: str) -> str:
    return {"bold": "700", "normal": "400"}.get(value, value)


@lru_cache(maxsize=4)
def font_rules(css: str) -> tuple[tuple[frozenset[str], str], ...]:
    """(the classes a rule's selector needs, the woff2 URL of the font it sets), for every
    rule of `css` that sets a font family, style or weight matching an @font-face. A weight
    or style alone keeps the inherited family, taken as the stylesheet's base font: the
    family of its first one-class rule (`.katex`)."""
    faces = {}
    for block in _FONT_FACE.findall(css):
        family = _decl(block, "font-family", "").strip("'\"")
        woff2 = next((u.strip("'\"") for u in _URL.findall(block) if ".woff2" in u), None)
        if woff2:
            faces[(family, _decl(block, "font-style", "normal"),
                   _weight(_decl(block, "font-weight", "400")))] = woff2
    families = {f for f, _, _ in faces}
    if not families:
        return ()
    rules = []
    base = None
    for selector, block in _RULE.findall(_FONT_FACE.sub("", css)):
        if "@" in selector:
            continue
        family = re.search(r"font(?:-family)?:[^;]*?\b(" + "|".join(map(re.escape, families))
                           + r")\b", block)
        style = re.search(r"font-style:(\w+)", block)
        weight = re.search(r"font-weight:(\w+)", block)
        for one in selector.split(","):
            wanted = frozenset(re.findall(r"\.([\w-]+)", one))
            if not wanted or ":" in one:
                continue
            if family and len(wanted) == 1 and base is None:
                base = family.group(1)
            if family or style or weight:
                key = (family.group(1) if family else (base or ""),
                       style.group(1) if style else "normal",
                       _weight(weight.group(1)) if weight else "400")
                if key in faces:
                    rules.append((wanted, faces[key]))
    return tuple(rules)


def fonts_needed(css: str, classes: set[str]) -> set[str]:
    """woff2 URLs (relative to the CSS) of the @font-faces a page's `classes` would use.

    An approximation: it checks that a rule's classes occur on the page, not that they sit on
    the same element, so it may name a font the page does not show; never the reverse.
    """
    return {woff2 for wanted, woff2 in font_rules(css) if wanted <= classes}


def page_classes(html: str) -> set[str]:
    """Every class named in `html`, within its <article> if it has one (where the math is:
    the rest of a page is a third of it)."""
    start, end = html.find("<article"), html.find("</article>")
    values = set(_CLASSES.findall(html, start, end) if 0 <= start < end else
                 _CLASSES.findall(html))
    return {name for value in values for name in value.split()}


# The preloads are added by a script so that a page opened from file:// skips them: there a
# font preload (a CORS request) fails with a console error, while the stylesheet's own font
# requests succeed.
_PRELOAD = ('<script>if(location.protocol!=="file:")%s.forEach(function(h){'
            'var l=document.createElement("link");l.rel="preload";l.as="font";'
            'l.type="font/woff2";l.crossOrigin="anonymous";l.href=h;'
            'document.head.appendChild(l)})</script>')


def add_preloads(html: str, css: str, css_path: str) -> str:
    """`html` (a whole page) with the fonts of its math preloaded: those of the stylesheet
    `css` that its classes use, requested by a script just before the page's link to that
    stylesheet (`css_path`, site-relative); unchanged when it has no math or no such link."""
    if 'class="katex' not in html:
        return html
    link = re.search(rf'<link rel="stylesheet" href="((?:\.\./)*{re.escape(css_path)})">', html)
    if link is None:
        return html
    folder = posixpath.dirname(link.group(1))
    fonts = [posixpath.join(folder, font)
             for font in sorted(fonts_needed(css, page_classes(html)))]
    if not fonts:
        return html
    return html[:link.start()] + _PRELOAD % json.dumps(fonts) + html[link.start():]
