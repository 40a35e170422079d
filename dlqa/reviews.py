"""The record of independent page reviews: `reviews/*.tsv`, one line per review.

The columns are described in reviews/README.md. The build shows each page's latest review
date; the tests require every page to have one.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from dlqa.errors import ContentError

COLUMNS = ("page", "reviewed", "reviewer", "checked", "findings", "fixed_in")


@dataclass(frozen=True)
class Review:
    page: str  # topic/id
    reviewed: str  # YYYY-MM-DD
    reviewer: str
    checked: str
    findings: str
    fixed_in: str
    where: str  # file:line of the record, for messages


def load_reviews(folder: Path, root: Path) -> list[Review]:
    """Every review line of every `*.tsv` in `folder`; ContentError names a bad line."""
    reviews = []
    for path in sorted(folder.glob("*.tsv")):
        rel = path.relative_to(root).as_posix()
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows or tuple(rows[0]) != COLUMNS:
            raise ContentError(rel, f"the first line must name the columns: {' '.join(COLUMNS)} "
                               "(tab-separated)", 1)
        for number, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise ContentError(rel, f"{len(row)} columns, not {len(COLUMNS)} "
                                   f"({', '.join(COLUMNS)}), separated by tabs", number)
            try:
                datetime.date.fromisoformat(row[1])
            except ValueError:
                raise ContentError(rel, f"reviewed {row[1]!r} is not a date (YYYY-MM-DD)",
                                   number) from None
            reviews.append(Review(*(cell.strip() for cell in row), where=f"{rel}:{number}"))
    return reviews


def last_reviewed(reviews: list[Review]) -> dict[str, str]:
    """topic/id -> the date of its latest review."""
    latest: dict[str, str] = {}
    for review in reviews:
        latest[review.page] = max(latest.get(review.page, ""), review.reviewed)
    return latest
