"""The held-out search evaluation set (data/search-eval/queries.tsv) is well formed.

Every expected id is a real page, the two splits are the same size, and no query is a
page's title or alias or close to one, so the set stays held out from what search indexes.
"""

from __future__ import annotations

import csv
import re

import pytest
from rapidfuzz import fuzz

from dlqa.catalogue import load_catalogue
from dlqa.repo import Repo
from tests.conftest import ROOT

QUERIES = ROOT / "data" / "search-eval" / "queries.tsv"
COLUMNS = ["query", "expected", "split", "kind"]
SPLITS = {"dev", "test"}
KINDS = {"keyword", "abbreviation", "typo", "symptom", "difference", "description", "natural"}


def _rows() -> list[dict[str, str]]:
    with QUERIES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _norm(text: str) -> str:
    """Lower case, punctuation removed, whitespace collapsed."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(Repo(ROOT), check=False)


def test_header_and_columns():
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == COLUMNS
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(COLUMNS), f"line {n}: {len(cells)} columns"
        query, expected, split, kind = cells
        assert query and query == query.strip(), f"line {n}: empty or padded query"
        assert expected and all(expected.split(",")), f"line {n}: bad expected {expected!r}"
        assert split in SPLITS, f"line {n}: split {split!r}"
        assert kind in KINDS, f"line {n}: kind {kind!r}"


def test_size_and_balance():
    rows = _rows()
    assert len(rows) >= 240
    queries = [_norm(r["query"]) for r in rows]
    assert len(set(queries)) == len(queries), "duplicate queries"
    dev = sum(r["split"] == "dev" for r in rows)
    assert abs(dev - (len(rows) - dev)) <= 2, f"dev {dev}, test {len(rows) - dev}"


def test_expected_ids_are_pages(catalogue):
    ids = set(catalogue.by_id)
    missing = [(r["query"], qid) for r in _rows() for qid in r["expected"].split(",")
               if qid not in ids]
    assert not missing, missing


def test_queries_are_held_out(catalogue):
    raw = [p for q in catalogue.questions for p in q.phrasings]
    normed = {_norm(p) for p in raw}
    pairs = [(p.lower(), _norm(p)) for p in raw]
    problems = []
    for row in _rows():
        query, query_n = row["query"].lower(), _norm(row["query"])
        if query_n in normed:
            problems.append(f"{row['query']!r} is a title or alias")
            continue
        # Scored both as typed and normalised: the closer of the two counts.
        score, phrasing = max((max(fuzz.ratio(query, p), fuzz.ratio(query_n, n)), p)
                              for p, n in pairs)
        if score >= 90:
            problems.append(f"{row['query']!r} scores {score:.0f} against {phrasing!r}")
    assert not problems, "\n".join(problems)
