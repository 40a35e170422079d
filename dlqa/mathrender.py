"""Render the LaTeX that pymdownx.arithmatex marks in HTML to static KaTeX HTML.

Rendering happens at build time, so pages need no math JavaScript and look the same online,
offline and in the PDF. One Node.js process serves the whole build; results are cached on
disk by formula, so a warm build starts no Node process at all.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import threading
from pathlib import Path

from dlqa import cachefile
from dlqa.errors import ContentError, source_line

# arithmatex's "generic" output: \( \) inline in a span, \[ \] display in a div.
_MATH = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
_SCRIPT = Path(__file__).with_name("katex_render.js")
_CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


class MathError(ContentError):
    """A formula KaTeX cannot render; `tex` is the formula, to find its line in the source."""

    def __init__(self, path, message: str, line: int | None = None, tex: str = ""):
        super().__init__(path, message, line)
        self.tex = tex


def formula_line(source: str, tex: str) -> int | None:
    """The first line of `source` (a page's Markdown) on which the formula `tex` starts."""
    lines = source.splitlines()
    if tex == "$$":  # an unrecognised display formula: the first $$ that breaks the rules
        marks = [n for n, line in enumerate(lines, 1) if "$$" in line]

        def suspicious(n: int) -> bool:
            line = lines[n - 1]
            indent = len(line) - len(line.lstrip())
            return line.strip() != "$$" or indent % 4 != 0
        return next((n for n in marks if suspicious(n)), marks[0] if marks else None)
    first = tex.strip().splitlines()[0].strip() if tex.strip() else ""
    return source_line(source, first)


class KatexRenderer:
    """Renders formulas with a pinned KaTeX from node_modules, caching results on disk."""

    def __init__(self, katex_dir: Path, cache_file: Path):
        package = json.loads((katex_dir / "package.json").read_text(encoding="utf-8"))
        self.version = package["version"]
        self.katex_dir = katex_dir
        self.cache_file = cache_file
        self._cache: dict[str, str] = {}
        if cache_file.is_file():
            self._cache = json.loads(cache_file.read_text(encoding="utf-8"))
        self._dirty = False
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def _key(self, tex: str, display: bool) -> str:
        return hashlib.sha1(f"{self.version}|{display}|{tex}".encode()).hexdigest()

    def render(self, tex: str, display: bool) -> str:
        """KaTeX HTML for one formula; raises ValueError with KaTeX's message."""
        key = self._key(tex, display)
        if key in self._cache:
            return self._cache[key]
        with self._lock:
            if self._process is None:
                self._process = subprocess.Popen(
                    ["node", str(_SCRIPT), str(self.katex_dir.resolve())], stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, text=True, encoding="utf-8",
                )
            self._process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
            if not line:
                raise RuntimeError("the KaTeX process stopped; is Node.js installed "
                                   "and did `make install` run?")
            answer = json.loads(line)
        if "error" in answer:
            raise ValueError(answer["error"])
        self._cache[key] = answer["html"]
        self._dirty = True
        return answer["html"]

    def render_html(self, page_html: str, where: str) -> str:
        """Replace every arithmatex element in `page_html`; MathError names `where`."""

        def replace(match: re.Match) -> str:
            tag, inner = match.group(1), html.unescape(match.group(2)).strip()
            display = tag == "div"
            tex = inner[2:-2] if inner[:2] in ("\\(", "\\[") else inner
            try:
                rendered = self.render(tex.strip(), display)
            except ValueError as exc:
                raise MathError(where, f"KaTeX cannot render ${tex.strip()}$: {exc}",
                                tex=tex) from None
            return f'<{tag} class="arithmatex">{rendered}</{tag}>'

        rendered = _MATH.sub(replace, page_html)
        if "$$" in rendered and "$$" in _CODE.sub("", rendered):
            raise MathError(where, "a $$ formula was not recognised as math: put $$ on lines "
                            "of its own with a blank line before, indented like its block "
                            "(4 spaces inside a list item)", tex="$$")
        return rendered

    def save(self) -> None:
        """Write new results to the cache file and stop the Node process."""
        if self._dirty:
            cachefile.write_json(self.cache_file, self._cache)
            self._dirty = False
        if self._process is not None:
            self._process.stdin.close()
            self._process.wait(timeout=10)
            self._process = None
