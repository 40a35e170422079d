"""One error type for content problems, printed as one line naming the file."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path


class ContentError(Exception):
    """A problem in a page, snippet or data file, with the file (and line) to fix."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def source_line(text: str, needle: str | re.Pattern, start: int = 1,
                fold: Callable[[str], str] | None = None) -> int | None:
    """The number of the first line of `text` that contains `needle` (a string, or a
    pattern searched for), the first line being `start` (a page's body or front matter
    starts further down its file); None when no line does, or the needle is "". `fold`,
    when given, is applied to each line before the comparison (the caller folds the needle
    alike). Every "which line is it on" of an error message is answered here."""
    if not needle:
        return None
    for number, line in enumerate(text.splitlines(), start=start):
        if fold is not None:
            line = fold(line)
        if needle.search(line) if isinstance(needle, re.Pattern) else needle in line:
            return number
    return None


def did_you_mean(word: str, choices) -> str:
    """' did you mean 'x'?' for the closest of `choices` to a mistyped `word`, or ''."""
    near = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return f" did you mean {near[0]!r}?" if near else ""


class ContentErrors(Exception):
    """Several content errors found in one pass, reported together."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
