"""The search index holds what readers search for, stays small, and finds as well as before."""

import json

import pytest

from dlqa.errors import ContentErrors
from dlqa.searchindex import TERMS_FILE, load_terms, slim
from dlqa.searchquality import phrasings, recall, search, worker_script


def _index():
    docs = [
        {"location": "t/q.html", "title": "What is Q?", "text": "Also asked as: Explain Q."},
        {"location": "t/q.html#short-answer", "title": "Short answer", "text": "Q is..."},
        {"location": "t/q.html#explanation", "title": "Explanation", "text": "long " * 500},
        {"location": "t/index.html", "title": "Topic", "text": "What is Q? What is R?"},
        {"location": "t/index.html#beginner", "title": "Beginner", "text": "What is Q?"},
        {"location": "index.html#start", "title": "Start", "text": "Welcome"},
    ]
    return {"config": {"lang": ["en"]}, "docs": docs}


def test_slim_keeps_titles_aliases_short_answers_and_headings():
    docs = slim(_index(), {"t/q.html": ["Explain Q.", "Q <vs> R?"]}, {"t/index.html"})["docs"]
    by = {d["location"]: d for d in docs}
    assert by["t/q.html"]["text"] == "Also asked as: Explain Q."
    assert by["t/q.html"]["title"] == ('What is Q? <span class="dlqa-search-alias">'
                                       "Explain Q. · Q &lt;vs&gt; R?</span>")
    assert by["t/q.html#short-answer"]["text"] == "Q is..."
    assert by["t/q.html#explanation"] == {"location": "t/q.html#explanation",
                                          "title": "Explanation", "text": ""}
    assert by["t/index.html"]["text"] == "" and by["t/index.html#beginner"]["text"] == ""
    assert by["index.html#start"]["text"] == "Welcome"


def test_search_terms_join_the_hidden_aliases():
    docs = slim(_index(), {"t/q.html": ["Explain Q."]}, set(), {"t/q.html": ["QN", "q-norm"]})
    assert docs["docs"][0]["title"] == ('What is Q? <span class="dlqa-search-alias">'
                                        "Explain Q. · QN · q-norm</span>")
    docs = slim(_index(), {"t/q.html": []}, set(), {"t/q.html": ["QN"]})
    assert docs["docs"][0]["title"] == 'What is Q? <span class="dlqa-search-alias">QN</span>'


def test_search_terms_name_real_pages(repo, tmp_path):
    from dlqa.catalogue import load_catalogue

    ids = set(load_catalogue(repo, check=False).by_id)
    terms = load_terms(repo.data_dir / TERMS_FILE, ids)
    assert terms and all(terms.values())
    bad = tmp_path / TERMS_FILE
    bad.write_text("no-such-page: [x]\n", encoding="utf-8")
    with pytest.raises(ContentErrors, match="no-such-page"):
        load_terms(bad, ids)


# Dev queries of data/search-eval/ (never test ones) that rank their page first only with the
# separator of mkdocs.yml (stop words and punctuation split away, plural s dropped) and the
# search terms of data/search-terms.yaml (issue #22).
FOUND_FIRST = {
    "what makes deep learning deep": "fundamentals/what-is-deep-learning.html",
    "rnn forgets the start of a long sentence": "sequence/rnn-vanishing-gradient.html",
    "check my backward pass against a numerical gradient": "fundamentals/gradient-checking.html",
    "jvp vs vjp": "fundamentals/forward-vs-reverse-mode-autodiff.html",
    "cosine annealing with warmup": "optimisation/warmup-cosine-decay.html",
    "unet skip connections": "vision/u-net.html",
    "ln vs bn in transformers": "training/layer-norm-vs-batch-norm.html",
    "gn for tiny batch sizes": "cnn/group-instance-normalisation.html",
}


def test_abbreviations_and_stop_words_find_the_page_first(site):
    found = search(worker_script(site), site / "search" / "search_index.json", list(FOUND_FIRST))
    wrong = {q: pages[:3] for (q, url), pages in zip(FOUND_FIRST.items(), found, strict=True)
             if pages[:1] != [url]}
    assert not wrong, wrong


def test_index_is_at_most_3_kb_per_question(site, repo):
    questions = json.loads((site / "questions.json").read_text(encoding="utf-8"))
    for name in ("search_index.json", "search_index.js"):
        size = (site / "search" / name).stat().st_size
        assert size / len(questions) <= 3 * 1024, f"{name}: {size / len(questions):.0f} B"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\frac" not in json.dumps([d for d in index["docs"] if "#code" in d["location"]])
    assert "katex" not in json.dumps(index)


def test_slim_index_finds_every_phrasing_at_least_as_well_as_the_full_one(site, repo):
    from dlqa.catalogue import load_catalogue

    cases = phrasings(load_catalogue(repo, check=False))
    worker = worker_script(site)
    full = recall(worker, repo.cache_dir / "search_index.full.json", cases)
    slimmed = recall(worker, site / "search" / "search_index.json", cases)
    assert slimmed.queries == len(cases) > 500
    assert slimmed.top1 >= full.top1 and slimmed.top5 >= full.top5, (full, slimmed)
    assert slimmed.top1 >= 0.85 and slimmed.top5 >= 0.95, slimmed
