"""Search quality on the frozen, held-out queries of data/search-eval/ (issue #22).

Scores a ranking (the site's search in worker.js, or `dlqa similar` in Python) by hit@1,
hit@3, hit@5 and mean reciprocal rank, per split. Tune only on the dev split; report test.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path("data") / "search-eval" / "queries.tsv"

Ranking = Callable[[list[str]], list[list[str]]]  # queries -> page ids, best first


@dataclass(frozen=True)
class Query:
    text: str
    expected: frozenset[str]  # page ids, any of which counts as a hit
    split: str
    kind: str


@dataclass(frozen=True)
class Score:
    queries: int
    hit1: float
    hit3: float
    hit5: float
    mrr: float

    def __str__(self) -> str:
        return (f"hit@1 {self.hit1:.2f}  hit@3 {self.hit3:.2f}  hit@5 {self.hit5:.2f}  "
                f"MRR {self.mrr:.2f}  ({self.queries} queries)")


def load(path: Path) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Query(r["query"], frozenset(r["expected"].split(",")), r["split"], r["kind"])
            for r in rows]


def rank_of(query: Query, ids: list[str]) -> int | None:
    return next((i for i, pid in enumerate(ids, 1) if pid in query.expected), None)


def score(queries: list[Query], ranked: list[list[str]]) -> Score:
    """Scores of `ranked` (page ids, best first, one list per query)."""
    ranks = [rank_of(q, ids) for q, ids in zip(queries, ranked, strict=True)]
    n = len(queries)
    if n == 0:
        return Score(0, 0.0, 0.0, 0.0, 0.0)
    return Score(n, sum(r == 1 for r in ranks) / n, sum(bool(r) and r <= 3 for r in ranks) / n,
                 sum(bool(r) and r <= 5 for r in ranks) / n,
                 sum(1 / r for r in ranks if r) / n)


def evaluate(queries: list[Query], ranking: Ranking) -> dict[str, Score]:
    """Scores per split ('dev', 'test') and over all queries."""
    ranked = ranking([q.text for q in queries])
    out = {"all": score(queries, ranked)}
    for split in ("dev", "test"):
        chosen = [(q, r) for q, r in zip(queries, ranked, strict=True) if q.split == split]
        out[split] = score([q for q, _ in chosen], [r for _, r in chosen])
    return out
