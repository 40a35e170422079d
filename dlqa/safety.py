"""Find raw HTML in a page that could run script in a reader's browser."""

from __future__ import annotations

import re

_UNSAFE = [
    (re.compile(r"<\s*script\b", re.IGNORECASE), "a <script> element"),
    (re.compile(r"<\s*iframe\b", re.IGNORECASE), "an <iframe> element"),
    (re.compile(r"<\s*(object|embed)\b", re.IGNORECASE), "an <object>/<embed> element"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
     "an on...= event-handler attribute"),
    (re.compile(r"javascript\s*:", re.IGNORECASE), "a javascript: link"),
]
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`+[^`]*`+")


def unsafe_html(markdown: str) -> list[tuple[int, str]]:
    """(line number, what) for each unsafe construct outside code blocks and code spans."""
    found = []
    in_fence = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = _INLINE_CODE.sub("", line)
        found.extend((number, what) for pattern, what in _UNSAFE if pattern.search(text))
    return found
