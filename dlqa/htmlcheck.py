"""The allowlist every page's own HTML must pass: no script, no external resource.

Checked after Markdown has rendered a page's content and before the theme wraps it, on the
HTML a browser would see, parsed by Lexbor through selectolax: an HTML5 parser that follows
the same specification as browsers (entities decoded, `<svg/onload=...>` read as an
attribute, a stray `</div>` unable to hide what follows).
Anything outside the allowlist fails the build: elements and attributes that the Markdown
extensions in mkdocs.yml do not produce, event handlers, styles other than table alignment,
and URLs other than relative ones, `#anchors`, and `http(s):`/`mailto:` links (links only:
an image or other resource must come from the site itself).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from dlqa import cachefile
from dlqa.errors import ContentError, source_line

# What Python-Markdown and the enabled extensions (tables, footnotes, admonition, details,
# abbr, def_list, attr_list, md_in_html, toc, arithmatex, highlight, superfences, keys)
# produce in a question page.
TEXT_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul",
})
# The study pages' controls (docs/study/): a form that never submits anywhere.
FORM_ELEMENTS = frozenset({"button", "fieldset", "form", "input", "label", "legend", "option",
                           "select"})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "role", "hidden",
                               "aria-label",
                               "aria-hidden", "aria-describedby", "aria-live"})
ELEMENT_ATTRIBUTES = {
    "a": {"href", "name"}, "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"}, "th": {"colspan", "rowspan", "style", "scope"},
    "ol": {"start", "type"}, "li": {"value"}, "details": {"open"}, "abbr": set(),
    "code": set(), "pre": set(), "col": {"span"}, "colgroup": {"span"}, "time": {"datetime"},
}
FORM_ATTRIBUTES = {
    "button": {"type", "disabled", "aria-pressed"}, "input": {"type", "name", "value", "min",
                                                              "max", "step", "checked"},
    "label": {"for"}, "option": {"value", "selected"}, "select": {"name", "multiple"},
    "form": set(), "fieldset": set(), "legend": set(),
}
# Attributes the build itself adds (generated pages' hooks for the study script).
DATA_ATTRIBUTES = frozenset({"data-dlqa-id", "data-dlqa-label"})
_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")
_LINK_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL, and leading control characters
# and spaces, before they read its scheme ("java\tscript:" is javascript:).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


@dataclass(frozen=True)
class Problem:
    what: str  # e.g. "<svg> element", "onload= attribute on <svg>"
    snippet: str  # source text to look for to find the line


def _url_problem(url: str, resource: bool) -> str | None:
    clean = _URL_NOISE.sub("", url).lower()
    if clean.startswith(("//", "\\\\", "/\\", "\\/")):
        return "a protocol-relative URL (it loads from another host)"
    scheme = _SCHEME.match(clean)
    if scheme is None:
        return None  # relative: a page or file of the site, or #anchor
    if resource:
        return f"a {scheme.group(1)}: resource (images and other resources come from the site)"
    if not clean.startswith(_LINK_SCHEMES):
        return f"a {scheme.group(1)}: link (links may be relative, http(s): or mailto:)"
    return None


def _allowed_attributes(forms: bool) -> dict[str, frozenset[str]]:
    """Tag -> every attribute it may carry, for the pages with or without forms."""
    elements = TEXT_ELEMENTS | (FORM_ELEMENTS if forms else frozenset())
    return {tag: frozenset(ELEMENT_ATTRIBUTES.get(tag, set())
                           | (FORM_ATTRIBUTES.get(tag, set()) if forms else set())
                           | GLOBAL_ATTRIBUTES | DATA_ATTRIBUTES)
            for tag in elements}


# Worked out once rather than for each of the thousands of elements a page has.
_ALLOWED = {forms: _allowed_attributes(forms) for forms in (False, True)}
_CHECKED_ATTRIBUTES = frozenset({"style", "href", "src"})  # allowed, but only some values


def problems(html: str, forms: bool = False) -> list[Problem]:
    """Everything in a page's HTML fragment that is outside the allowlist."""
    if not html.strip():
        return []
    # Imported here: a build whose pages all passed before (Allowlist) never parses one.
    from selectolax.lexbor import LexborHTMLParser

    # Parsed as a whole document, and every node checked: an element the parser moves to
    # <head> (a leading <meta>, say) is found as well.
    tree = LexborHTMLParser(html)
    found: list[Problem] = []
    allowed_by_tag = _ALLOWED[forms]
    root = tree.root.mem_id
    for el in tree.root.traverse(include_text=False):
        tag = (el.tag or "").lower()
        if tag in ("html", "head", "body", "-comment") or el.mem_id == root:
            continue
        allowed = allowed_by_tag.get(tag)
        if allowed is None:
            found.append(Problem(f"a <{tag}> element", f"<{tag}"))
            continue
        for name, value in el.attributes.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(Problem(f"an event-handler attribute {name}= on <{tag}>", name))
            elif name not in allowed:
                found.append(Problem(f"an attribute {name}= on <{tag}>", name))
            elif name in _CHECKED_ATTRIBUTES:
                value = value or ""
                if name == "style":
                    if not _STYLE.match(value):
                        found.append(Problem(f"a style attribute on <{tag}> (only table "
                                             "alignment is allowed)", value))
                else:
                    problem = _url_problem(value, resource=(name == "src"))
                    if problem:
                        found.append(Problem(f"{problem} in <{tag} {name}>",
                                             value.strip()[:40]))
    return found


def _as_written_and_decoded(line: str) -> str:
    """A line, case-folded, as written and with its entities decoded (the parser decoded
    "jav&#x61;script:"), so a snippet is found in either form."""
    return f"{line.lower()}\n{html.unescape(line).lower()}"


# Pages whose source is the project's own, outside docs/<topic>/: the study pages hold the
# mock interview's controls.
FORM_PAGES = ("study/",)


def page_errors(html: str, src_uri: str, source: Callable[[], str], where: str,
                api_pages: frozenset[str] = frozenset()) -> list[ContentError]:
    """One ContentError per problem in a rendered page (`src_uri`, docs-relative), naming
    the page as `where` and the line of its `source()` (read only when there is a problem)."""
    if src_uri in api_pages:  # rendered by mkdocstrings from the package's docstrings
        return []
    found = problems(html, forms=src_uri.startswith(FORM_PAGES))
    if not found:
        return []
    text = source()
    return [ContentError(
        where, f"{p.what} is not allowed: a page may hold only the HTML that "
        "Markdown makes (text, links, images from the site, tables, code, math); remove it "
        "or put it in a code block (CONTRIBUTING.md, 'What a page may contain')",
        source_line(text, p.snippet.lower(), fold=_as_written_and_decoded)) for p in found]


class Allowlist:
    """`page_errors` for one build, which skips a page whose HTML passed before.

    The digests of the page HTML that passed are kept in `cache_dir`, in a file named after
    this module's code and selectolax's version, so a changed rule or parser checks every
    page again. Only passes are kept: a page that fails is checked every time. The cache
    is the build's own (dlqa.checkout refuses a committed one), and it holds the digests of
    the pages the last build checked, no more.
    """

    def __init__(self, cache_dir: Path, api_pages: frozenset[str] = frozenset()):
        self.api_pages = api_pages
        name = cachefile.key(Path(__file__).read_bytes(), metadata.version("selectolax"))
        self._passed = cachefile.KeptValues(cache_dir / "allowlist" / f"{name}.json")

    def page_errors(self, html: str, src_uri: str, source: Callable[[], str],
                    where: str) -> list[ContentError]:
        """As `page_errors`, with the pages that passed before taken as passing."""
        digest = cachefile.key(f"{src_uri.startswith(FORM_PAGES)}", html)
        if self._passed.get(digest):
            return []
        errors = page_errors(html, src_uri, source, where, self.api_pages)
        if not errors:
            self._passed.put(digest, True)
        return errors

    def save(self) -> None:
        """Keep the digests of the pages that passed in this build."""
        self._passed.save()
