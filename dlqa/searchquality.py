"""How well site search finds each question by the ways it is asked.

Queries Material's own search worker (run in Node by search_worker_run.js) with every title
and alias and counts how often the page that answers it comes first, or in the first five.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from dlqa.catalogue import Catalogue

RUNNER = Path(__file__).with_name("search_worker_run.js")


@dataclass(frozen=True)
class Recall:
    queries: int
    top1: float
    top5: float


def phrasings(catalogue: Catalogue, directory_urls: bool = False) -> list[tuple[str, str]]:
    """(query, URL of the page that answers it) for every title and alias."""
    return [(text, q.site_url(directory_urls))
            for q in catalogue.questions for text in q.phrasings]


def search(worker: Path, index: Path, queries: list[str]) -> list[list[str]]:
    """The result pages, best first, that Material's search worker gives for each query."""
    result = subprocess.run(
        ["node", str(RUNNER), str(worker), str(index)],
        input="".join(json.dumps(q) + "\n" for q in queries),
        capture_output=True, text=True, check=True, timeout=600,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def recall(worker: Path, index: Path, cases: list[tuple[str, str]]) -> Recall:
    """The share of `cases` whose expected page is first, and in the first five."""
    results = search(worker, index, [query for query, _ in cases])
    hits1 = sum(1 for (_, url), pages in zip(cases, results, strict=True) if pages[:1] == [url])
    hits5 = sum(1 for (_, url), pages in zip(cases, results, strict=True) if url in pages[:5])
    return Recall(len(cases), hits1 / len(cases), hits5 / len(cases))


def worker_script(site_dir: Path) -> Path:
    """The built site's copy of Material's search worker."""
    (found,) = (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return found
