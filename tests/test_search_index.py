"""The search index holds what readers search for, stays small, and finds as well as before."""

import json

from dlqa.searchindex import slim
from dlqa.searchquality import phrasings, recall, worker_script


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
