"""The glossary (data/glossary.yaml): abbreviations and synonyms a candidate types.

Search expands a query word that is a glossary term into what it means ("bn" also searches
"batch normalisation"), in Python and in the browser alike; readers see the same entries
on the glossary page, each linked to the pages that explain it.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from dlqa import yamlio
from dlqa.errors import ContentError, ContentErrors, did_you_mean
from dlqa.search import text

FILE = "glossary.yaml"
PAGE = "glossary.md"


class Entry(BaseModel):
    """One glossary entry."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    term: str  # as readers write it: "BN", "KV cache"
    means: str  # in plain words, spelled as the pages spell it
    also: list[str] = []  # other ways to write the term
    pages: list[str]  # ids of the pages that explain it

    @field_validator("term", "means")
    @classmethod
    def _words(cls, value: str) -> str:
        if not text.tokens(value):
            raise ValueError("must contain a word")
        return value

    @field_validator("pages")
    @classmethod
    def _some(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("name at least one page that explains the term")
        return value

    @property
    def keys(self) -> list[str]:
        """The one-word spellings that expand (a multi-word term is searched as its words)."""
        return [k for k in dict.fromkeys(" ".join(text.tokens(s))
                                         for s in (self.term, *self.also)) if " " not in k]


def load(path: Path, page_ids: set[str], where: str = f"data/{FILE}") -> list[Entry]:
    """The entries of `path`, sorted by term. Raises ContentErrors naming each bad entry's
    line: a missing field, a page that does not exist, a term listed twice."""
    if not path.is_file():
        return []
    source = path.read_text(encoding="utf-8")
    data = yamlio.load(source) or []
    starts = [n for n, t in enumerate(source.splitlines(), 1) if t.startswith("- ")]

    def line(i: int) -> int | None:
        return starts[i] if i < len(starts) else None

    if not isinstance(data, list):
        raise ContentErrors([ContentError(where, "must be a list of entries", 1)])
    entries, problems, seen = [], [], {}
    for i, item in enumerate(data):
        try:
            entry = Entry.model_validate(item)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "entry"
            problems.append(ContentError(where, f"{field}: {first['msg']}", line(i)))
            continue
        for pid in entry.pages:
            if pid not in page_ids:
                problems.append(ContentError(
                    where, f"{entry.term!r}: {pid!r} is not a page id;"
                    f"{did_you_mean(pid, page_ids)}", line(i)))
        key = entry.term.lower()
        if key in seen:
            problems.append(ContentError(where, f"{entry.term!r} is listed twice (also on "
                                         f"line {seen[key]})", line(i)))
        seen[key] = line(i)
        entries.append(entry)
    if problems:
        raise ContentErrors(problems)
    return sorted(entries, key=lambda e: e.term.lower())


def expansions(entries: list[Entry]) -> dict[str, list[str]]:
    """One-word key -> the tokens of each meaning it expands to."""
    out: dict[str, list[str]] = {}
    for entry in entries:
        for key in entry.keys:
            meaning = " ".join(text.tokens(entry.means))
            if meaning != key and meaning not in out.setdefault(key, []):
                out[key].append(meaning)
    return out


def page(entries: list[Entry], links: dict[str, tuple[str, str]]) -> str:
    """The glossary page's Markdown; `links` maps a page id to (title, docs-relative path)."""
    lines = ["# Glossary", "",
             ("The abbreviations and other names used on this site and in interviews. Search "
             "knows them too: typing an abbreviation also finds the pages that spell it out."),
             "", "| term | means | explained in |", "|---|---|---|"]
    for entry in entries:
        term = entry.term + (f" ({', '.join(entry.also)})" if entry.also else "")
        pages = ", ".join(f"[{links[p][0]}]({links[p][1]})" for p in entry.pages)
        lines.append(f"| {_cell(term)} | {_cell(entry.means)} | {pages} |")
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return value.replace("|", "\\|")
