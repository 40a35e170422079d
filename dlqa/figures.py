"""Figures drawn by snippets: a snippet saves an SVG, the page shows it with its alt text.

A snippet draws with matplotlib (the Agg backend, and the style below, are set for it) and
saves each figure as `NAME.svg` in its working directory. The build collects those files
from the sandbox, caches them with the snippet's output, and publishes each one at
`figures/<topic>/<snippet>/NAME.svg`. A page shows it with one Markdown line:

    ![What the figure shows, for a reader who cannot see it.](../figures/<topic>/<snippet>/NAME.svg)

The build fails, naming the page and line, when a page shows a figure its snippet did not
draw, when the alt text is empty, when a figure is larger than MAX_BYTES, or when the SVG
holds anything beyond drawing (script, foreign content, links to other files).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

from dlqa.errors import ContentError

MAX_BYTES = 60 * 1024
SITE_DIR = "figures"
# matplotlib settings for every snippet (passed as MATPLOTLIBRC): text stays text in the SVG
# (small, searchable, read by screen readers, and printed as text in the PDF); a white
# background that the dark theme inverts (docs/stylesheets/dlqa.css).
MATPLOTLIBRC = """\
backend: Agg
svg.fonttype: none
svg.hashsalt: dlqa
figure.figsize: 6.4, 3.6
figure.dpi: 100
figure.facecolor: white
savefig.facecolor: white
savefig.bbox: tight
font.size: 11
font.sans-serif: DejaVu Sans, Liberation Sans, Arial
axes.grid: True
grid.alpha: 0.3
"""
_REFERENCE = re.compile(r"!\[([^\]]*)\]\(((?:\.\./)+" + SITE_DIR + r"/[^)\s]+?)\)")
_SVG_NS = "{http://www.w3.org/2000/svg}"
_FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed", "a", "image",
              "animate", "set", "animateTransform", "animateMotion", "handler", "listener"}
_HREF = re.compile(r"(^|})href$")


def site_path(snippet: str, name: str) -> str:
    """Where a figure is published: snippets/t/s.py + NAME.svg -> figures/t/s/NAME.svg."""
    rel = PurePosixPath(snippet).relative_to("snippets").with_suffix("")
    return f"{SITE_DIR}/{rel.as_posix()}/{name}"


def svg_problems(text: str) -> list[str]:
    """What in an SVG is more than a drawing."""
    from lxml import etree  # here: a build without figures need not load lxml

    try:
        root = etree.fromstring(text.encode(), etree.XMLParser(resolve_entities=False,
                                                               no_network=True))
    except etree.XMLSyntaxError as exc:
        return [f"it is not well-formed SVG ({exc})"]
    found = []
    if root.tag != f"{_SVG_NS}svg":
        found.append("its root element is not <svg>")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in _FORBIDDEN:
            found.append(f"it contains a <{tag}> element")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                found.append(f"it has an event attribute {local}=")
            elif _HREF.search(name) and not value.startswith("#"):
                found.append(f"it links to {value[:40]!r}")
            elif "url(" in value and "url(#" not in value.replace(" ", ""):
                found.append(f"it loads {value[:40]!r}")
    return found


def references(question) -> list[tuple[int, str, str]]:
    """(line, alt text, docs-relative path) of every figure the page shows."""
    found = []
    for number, line in enumerate(question.body.splitlines(), start=question.body_line):
        for match in _REFERENCE.finditer(line):
            path = PurePosixPath(question.path).parent / match.group(2)
            parts: list[str] = []
            for part in path.parts:
                if part == "..":
                    if parts:
                        parts.pop()
                else:
                    parts.append(part)
            found.append((number, match.group(1).strip(), "/".join(parts)))
    return found


def figure_errors(catalogue, results) -> list[ContentError]:
    """Every figure a page shows is drawn by one of its snippets, has alt text, is small
    and is only a drawing."""
    drawn = {site_path(r.path, name): (r, svg) for r in results if r.ok
             for name, svg in r.figures.items()}
    failed = {r.path for r in results if not r.ok}
    errors = []
    for q in catalogue.questions:
        where = q.file
        if failed.intersection(q.snippets):
            continue  # the snippet's own failure is the one error to report
        for line, alt, path in references(q):
            if not alt:
                errors.append(ContentError(where, f"the figure {path} has no alt text: write "
                                           "what it shows between ![ and ]", line))
            if path not in drawn:
                mine = sorted(site_path(r.path, n) for r in results if r.path in q.snippets
                              for n in r.figures)
                errors.append(ContentError(
                    where, f"the page shows {path}, which its snippet did not draw (it drew "
                    f"{', '.join(mine) or 'no figure'}); save it with "
                    f"plt.savefig({PurePosixPath(path).name!r})", line))
                continue
            result, svg = drawn[path]
            if result.path not in q.snippets:
                errors.append(ContentError(where, f"the figure {path} is drawn by "
                                           f"{result.path}, which this page does not include",
                                           line))
            size = len(svg.encode())
            if size > MAX_BYTES:
                errors.append(ContentError(
                    where, f"the figure {path} is {size // 1024} KB, over "
                    f"{MAX_BYTES // 1024} KB: plot fewer points or use a line, not markers",
                    line))
            for problem in svg_problems(svg):
                errors.append(ContentError(where, f"the figure {path} is refused: {problem}",
                                           line))
    return errors


_IMG = re.compile(r'<img\b[^>]*?\bsrc="([^"]+\.svg)"[^>]*?(/?)>')
_SIZE = re.compile(r'\b(width|height)="([\d.]+)(pt|px)?"')
_PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def size_px(svg: bytes) -> tuple[int, int] | None:
    """The (width, height) in CSS pixels that an SVG's root element declares, or None."""
    root = re.search(rb"<svg\b[^>]*>", svg)
    if root is None:
        return None
    found = {name: float(value) * _PX_PER[unit or None]
             for name, value, unit in _SIZE.findall(root.group(0).decode("utf-8", "replace"))}
    if "width" not in found or "height" not in found:
        return None
    return round(found["width"]), round(found["height"])


def add_sizes(html: str, page_url: str, drawn: dict[str, bytes]) -> str:
    """Each figure's <img> with the width and height of its SVG, so the browser reserves its
    box before the image arrives and the text below it does not jump (Lighthouse's layout
    shift); Material's CSS keeps it within the column."""
    if "<img" not in html:  # most pages: no pattern search over the page
        return html
    # A page's links are relative to its folder: "topic/id/" (directory URLs) or "topic/".
    base = PurePosixPath(page_url) if page_url.endswith("/") else PurePosixPath(page_url).parent

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        if " width=" in tag or " height=" in tag:
            return tag
        target = posixpath.normpath(str(base / match.group(1)))
        size = size_px(drawn[target]) if target in drawn else None
        if size is None:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f'{tag[:-len(end)].rstrip()} width="{size[0]}" height="{size[1]}" {end}'

    return _IMG.sub(sized, html)
