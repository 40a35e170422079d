"""Each page's search terms (data/search-terms.yaml): abbreviations, other names,
descriptions and symptoms a candidate types but the page's title and aliases do not say."""

from __future__ import annotations

from pathlib import Path

from dlqa import yamlio
from dlqa.errors import ContentError, ContentErrors, did_you_mean

FILE = "search-terms.yaml"


def load(path: Path, page_ids: set[str], where: str = f"data/{FILE}") -> dict[str, list[str]]:
    """Page id -> its search terms. Raises ContentErrors, with the line, for an id that is
    not a page or a list that is not of strings."""
    if not path.is_file():
        return {}
    source = path.read_text(encoding="utf-8")
    data = yamlio.load(source) or {}

    def line(qid: str) -> int | None:
        return next((n for n, t in enumerate(source.splitlines(), 1)
                     if t.startswith(f"{qid}:")), None)

    problems = [ContentError(where, f"{qid!r} is not a page id;"
                             f"{did_you_mean(qid, page_ids)} use the id of the page these "
                             "terms should find", line(qid))
                for qid in data if qid not in page_ids]
    problems += [ContentError(where, f"the terms of {qid!r} must be a list of strings",
                              line(qid))
                 for qid, terms in data.items()
                 if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms)]
    if problems:
        raise ContentErrors(problems)
    return {qid: list(terms) for qid, terms in data.items()}
