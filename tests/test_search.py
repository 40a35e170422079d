"""Search (dlqa/search/): the words it sees, the ranking, the glossary, the site's index, and
that the site (worker.js, run in Node) ranks exactly as Python (`dlqa similar`) does."""

from __future__ import annotations

import json

import pytest

from dlqa.catalogue import load_catalogue
from dlqa.errors import ContentErrors
from dlqa.search import entries, evaluate, glossary, node, rank, terms, text
from dlqa.search.site import INDEX, MATERIAL_INDEX, WORKERS
from tests.conftest import ROOT


def _index(docs: list[dict], expand: dict[str, list[str]] | None = None) -> dict:
    made = [entries.Entry(d["location"], d["title"], d.get("text", ""), d.get("p", []),
                          d.get("k", []), d.get("b", []), question=d.get("q", True))
            for d in docs]
    return entries.site_index(made, expand or {}, separator="")


TOY = [
    {"location": "a/universal.html", "title": "What does the universal approximation theorem say?"},
    {"location": "a/gru.html", "title": "Why is a GRU faster than an LSTM?",
     "text": "A GRU has an update gate and a reset gate.", "k": ["gated recurrent unit"]},
    {"location": "a/transformer.html", "title": "What is a transformer?",
     "p": ["Explain the transformer architecture."]},
    {"location": "a/dropout.html", "title": "What is dropout?",
     "text": "Dropout sets a random subset of activations to zero during training."},
    {"location": "a/fine-tuning.html", "title": "When should you fine tune a model?"},
    {"location": "a/bn.html", "title": "What is batch normalisation?"},
    {"location": "tags.html", "title": "Questions by tag", "q": False},
]


@pytest.fixture(scope="module")
def toy() -> rank.Ranker:
    return rank.Ranker(_index(TOY, {"bn": ["batch normalization"]}))


def _first(ranker, query):
    found = ranker.search(query, 3)
    return found[0][0] if found else None


def test_tokens_fold_case_accents_and_british_spellings():
    assert text.tokens("Normalisation, Optimisers & Café’s") == [
        "normalization", "optimizers", "cafe", "s"]
    assert text.stem("normalization") == text.stem("normalizations")
    assert [text.stem(w) for w in ("rnns", "llms", "transformers")] == ["rnn", "llm", "transformer"]
    assert text.content(["the", "gate", "of", "a", "gru"]) == ["gate", "gru"]
    assert text.content(["what", "is", "it"]) == ["what", "is", "it"]  # nothing else left


def test_stop_words_do_not_match_by_prefix(toy):
    # "the", "a", "in" once matched "theorem", "approximation" and "initialisation".
    assert _first(toy, "what does the update gate in a gru do") == "a/gru.html"
    assert [word for word, _ in toy.groups("what is the gate in a gru")] == ["gate", "gru"]


def test_unknown_words_are_read_as_known_ones(toy):
    assert toy.groups("finetune")[0][1] == [(["fine", "tune"], toy.weights.split)]
    assert _first(toy, "zeroing activations") == "a/dropout.html"  # "zero" + "ing"
    assert _first(toy, "transfomer") == "a/transformer.html"  # one letter missing  # codespell:ignore
    assert _first(toy, "transf") == "a/transformer.html"  # a word being typed


def test_glossary_expands_abbreviations(toy):
    assert _first(toy, "bn") == "a/bn.html"
    assert _first(toy, "what does bn do") == "a/bn.html"


def test_questions_rank_above_other_pages(toy):
    # The tags page's title holds "questions"; a question page that matches comes first.
    assert toy.search("questions by tag", 5)[0][0] == "tags.html"
    scores = dict(toy.search("what is batch normalisation tag", 7))
    assert scores["a/bn.html"] > scores.get("tags.html", 0)


def test_the_site_worker_ranks_as_python_does(site):
    """Every evaluation query and a sample of phrasings: the same pages in the same order,
    the same scores (to rounding)."""
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    ranker = rank.Ranker(index)
    queries = [q.text for q in evaluate.load(ROOT / evaluate.QUERIES)]
    queries += [d["title"] for d in index["docs"][::3]] + ["atten", "bn vs ln", "zeroing"]
    for query, found in zip(queries, node.search(site / INDEX, queries), strict=True):
        expected = ranker.search(query, 10)
        assert [loc for loc, _ in found[:10]] == [loc for loc, _ in expected], query
        for (_, a), (_, b) in zip(found, expected):
            assert a == pytest.approx(b, rel=1e-9), query


def test_site_index_holds_every_page_and_stays_small(site, repo):
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    catalogue = load_catalogue(repo, check=False)
    questions = {d["location"] for d in index["docs"] if d.get("q")}
    assert questions == {q.site_url(False) for q in catalogue.questions}
    others = {d["location"] for d in index["docs"] if not d.get("q")}
    assert {"index.html", "glossary.html", "tags.html"} <= others
    per_question = (site / INDEX).stat().st_size / len(catalogue.questions)
    assert per_question <= 2048, f"{per_question:.0f} B per question"
    # file://: the offline plugin's script holds the whole index, inline.
    script = (site / MATERIAL_INDEX).with_suffix(".js").read_text(encoding="utf-8")
    assert script == "var __index = " + (site / INDEX).read_text(encoding="utf-8")
    assert "katex" not in script and "<span" not in script
    # HTTP: what Material's page script fetches and hands to the worker is only the
    # settings, naming the index for the worker to fetch (relative to the worker).
    settings = json.loads((site / MATERIAL_INDEX).read_text(encoding="utf-8"))
    assert settings["docs"] == [] and (site / MATERIAL_INDEX).stat().st_size < 1024
    worker = next((site / WORKERS).glob("dlqa-search.*.min.js"))
    assert (worker.parent / settings["config"]["dlqa_index"]).resolve() == (site / INDEX).resolve()


def test_every_phrasing_finds_its_page_first(site, repo):
    """A question is found first by any of its phrasings (today 99.9%; with Material's
    search and the hidden-alias title it was 92%)."""
    catalogue = load_catalogue(repo, check=False)
    ranker = rank.Ranker(json.loads((site / INDEX).read_text(encoding="utf-8")))
    cases = [(p, q.site_url(False)) for q in catalogue.questions for p in q.phrasings]
    found = [ranker.search(p, 5) for p, _ in cases]
    first = sum(f[0][0] == url for (_, url), f in zip(cases, found, strict=True) if f)
    top5 = sum(url in [loc for loc, _ in f] for (_, url), f in zip(cases, found, strict=True))
    assert len(cases) > 1000
    assert first / len(cases) >= 0.99 and top5 == len(cases), (first, top5, len(cases))


def test_held_out_queries_meet_the_targets(site, repo):
    """Issue #22's targets on the frozen test split, never tuned on: the site's search (in
    Node, as the browser runs it) and `dlqa similar`."""
    catalogue = load_catalogue(repo, check=False)
    queries = [q for q in evaluate.load(ROOT / evaluate.QUERIES) if q.split == "test"]
    texts = [q.text for q in queries]
    site_score = evaluate.score(queries, evaluate.site_ranking(catalogue, site)(texts))
    assert site_score.hit5 >= 0.90 and site_score.hit1 >= 0.75, site_score
    cli = evaluate.score(queries, evaluate.python_ranking(catalogue)(texts))
    assert cli.hit3 >= 0.90, cli


def test_glossary_and_terms_name_real_pages_with_lines(tmp_path):
    ids = {"batch-normalisation", "gru-vs-lstm"}
    path = tmp_path / glossary.FILE
    path.write_text("- term: BN\n  means: batch normalisation\n  pages: [batch-normalisation]\n"
                    "- term: GRU\n  means: gated recurrent unit\n  pages: [gru]\n"
                    "- term: bn\n  means: batch norm\n  pages: [batch-normalisation]\n"
                    "- term: LN\n  pages: [batch-normalisation]\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        glossary.load(path, ids, where="data/glossary.yaml")
    messages = [str(e) for e in caught.value.errors]
    assert any(m.startswith("data/glossary.yaml:4:") and "'gru' is not a page id" in m
               for m in messages), messages
    assert any(m.startswith("data/glossary.yaml:7:") and "listed twice" in m for m in messages)
    assert any(m.startswith("data/glossary.yaml:10:") and "means" in m for m in messages)
    bad = tmp_path / terms.FILE
    bad.write_text("gru-vs-lstm: [gru]\nno-such-page: [x]\n", encoding="utf-8")
    with pytest.raises(ContentErrors, match="no-such-page"):
        terms.load(bad, ids)


def test_glossary_page_links_each_term_to_its_pages(site, repo):
    catalogue = load_catalogue(repo, check=False)
    assert len(catalogue.glossary) >= 100
    html = (site / "glossary.html").read_text(encoding="utf-8")
    for entry in catalogue.glossary:
        for pid in entry.pages:
            assert f'href="{catalogue.by_id[pid].site_url(False)}"' in html, (entry.term, pid)
    expansions = glossary.expansions(catalogue.glossary)
    assert expansions["bn"] == ["batch normalization"]
