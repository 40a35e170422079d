"""Search quality on the frozen, held-out queries in data/search-eval/ (issue #22).

Scores a ranking (the site's search, or `dlqa similar`) by hit@1, hit@3, hit@5 and mean
reciprocal rank, per split. Tune only on the dev split; report the test split.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dlqa import dedup, searchquality
from dlqa.catalogue import Catalogue


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


def load(path: Path) -> list[Query]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Query(r["query"], frozenset(r["expected"].split(",")), r["split"], r["kind"])
            for r in rows]


def score(queries: list[Query], ranked: list[list[str]]) -> Score:
    """Scores of `ranked` (page ids, best first, one list per query)."""
    def rank(q: Query, ids: list[str]) -> int | None:
        return next((i for i, pid in enumerate(ids, 1) if pid in q.expected), None)

    ranks = [rank(q, ids) for q, ids in zip(queries, ranked, strict=True)]
    n = len(queries)
    if n == 0:
        return Score(0, 0.0, 0.0, 0.0, 0.0)
    return Score(n, sum(r == 1 for r in ranks) / n, sum(bool(r) and r <= 3 for r in ranks) / n,
                 sum(bool(r) and r <= 5 for r in ranks) / n,
                 sum(1 / r for r in ranks if r) / n)


def similar_ranking(catalogue: Catalogue) -> Callable[[list[str]], list[list[str]]]:
    """`dlqa similar`'s ranking."""
    pages = {q.id: q.phrasings for q in catalogue.questions}
    return lambda texts: [[pid for pid, _ in dedup.rank(t, pages, 10)] for t in texts]


def site_ranking(catalogue: Catalogue, site: Path) -> Callable[[list[str]], list[list[str]]]:
    """The built site's search, run by Material's own worker in Node."""
    by_url = {q.site_url(False): q.id for q in catalogue.questions}
    worker = searchquality.worker_script(site)
    index = site / "search" / "search_index.json"
    return lambda texts: [[by_url.get(url.split("#")[0], url) for url in found]
                          for found in searchquality.search(worker, index, texts)]


def evaluate(queries: list[Query], ranking) -> dict[str, Score]:
    """Scores per split ('dev', 'test') and over all queries."""
    ranked = ranking([q.text for q in queries])
    out = {"all": score(queries, ranked)}
    for split in ("dev", "test"):
        chosen = [(q, r) for q, r in zip(queries, ranked, strict=True) if q.split == split]
        out[split] = score([q for q, _ in chosen], [r for _, r in chosen])
    return out
