"""Search quality on the frozen, held-out queries of data/search-eval/ (issue #22).

Scores a ranking (the site's search in worker.js, or `dlqa similar` in Python) by hit@1,
hit@3, hit@5 and mean reciprocal rank, per split. Tune only on the dev split; report test.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dlqa.search import entries, node, rank
from dlqa.search.site import INDEX

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


def _page_ids(catalogue) -> dict[str, str]:
    """A question's URL (the offline site's, as the evaluation reads it) -> its id."""
    return {q.site_url(False): q.id for q in catalogue.questions}


def python_ranking(catalogue) -> Ranking:
    """`dlqa similar`'s ranking, over the catalogue's own index."""
    ranker = rank.Ranker(entries.catalogue_index(catalogue, False))
    by_url = _page_ids(catalogue)
    return lambda texts: [[by_url[loc] for loc, _ in ranker.search(t, 10)] for t in texts]


def site_ranking(catalogue, site: Path) -> Ranking:
    """The built site's search: its index, ranked by worker.js in Node as in the browser.
    Results that are not questions keep their URL (they count as misses)."""
    by_url = _page_ids(catalogue)
    return lambda texts: [[by_url.get(loc, loc) for loc, _ in found[:10]]
                          for found in node.search(site / INDEX, texts)]


def report(catalogue, site: Path | None, browser: bool = False) -> dict[str, dict[str, Score]]:
    """Scores per ranking ('site' when `site` is given, also 'browser' with `browser`,
    'similar') and split."""
    queries = load(catalogue.repo.root / QUERIES)
    out = {}
    if site is not None:
        out["site"] = evaluate(queries, site_ranking(catalogue, site))
    if site is not None and browser:
        out["browser"] = evaluate(queries, browser_ranking(catalogue, site))
    out["similar"] = evaluate(queries, python_ranking(catalogue))
    return out


def settled_links(page, top: int = 10, rounds: int = 100, wait_ms: int = 100) -> list[str]:
    """The first `top` result links of Material's search once they have not changed for three
    looks in a row (search answers each keystroke); the last seen after `rounds` looks."""
    previous, stable = None, 0
    for _ in range(rounds):
        page.wait_for_timeout(wait_ms)
        links = page.eval_on_selector_all(".md-search-result__item > a",
                                          f"els => els.slice(0, {top}).map(e => e.href)")
        stable = stable + 1 if links == previous and links else 0
        if stable >= 3:
            return links
        previous = links
    return previous or []


def browser_ranking(catalogue, site: Path) -> Ranking:
    """The built site's search in Chromium, offline: each query typed into the search box of
    site/index.html opened from file://, the result links read once they stop changing."""
    # Only this measurement needs a browser.
    from playwright.sync_api import sync_playwright

    from dlqa.browser import block_network, launch

    by_url = _page_ids(catalogue)
    home = (site / "index.html").resolve().as_uri()
    base = home.removesuffix("index.html")

    def rank_all(texts: list[str]) -> list[list[str]]:
        out = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            block_network(page, [])
            page.goto(home)
            page.click("input.md-search__input")
            for query in texts:
                # Material reads the box on key events, as a person types.
                page.keyboard.press("Control+A")
                page.keyboard.press("Backspace")
                page.wait_for_function(
                    "!document.querySelector('.md-search-result__item')", timeout=10_000)
                page.keyboard.insert_text(query)
                page.keyboard.press("End")
                urls = [h.removeprefix(base).split("?")[0].split("#")[0]
                        for h in settled_links(page)]
                out.append([by_url.get(u, u) for u in urls])
            browser.close()
        return out

    return rank_all
