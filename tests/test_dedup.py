"""The near-duplicate measure, checked on the seed phrasings and the real catalogue."""

import itertools

import pytest

from dlqa import dedup
from dlqa.catalogue import load_catalogue


@pytest.mark.parametrize("a, b", [
    ("What is deep learning?", "Explain deep learning."),
    ("How is the transformer architecture better than RNNs?",
     "How is the transformer architecture better than RNNs?"),
    ("What is a tensor in deep learning?", "What are tensors in deep learning?"),
    ("What happens if all the weights are initialised to zero?",
     "What happens if all the weights are initialized to zero?"),
    ("Why does deep learning use the Leaky ReLU function?",
     "Explain the reasons for using the leaky ReLU function in deep learning."),
])
def test_rephrasings_are_near_duplicates(a, b):
    assert dedup.similarity(a, b) >= dedup.THRESHOLD


@pytest.mark.parametrize("a, b", [
    ("What is dropout?", "How does dropout differ from data augmentation?"),
    ("What is a deep neural network?", "What is a neural network?"),
    ("What is the ReLU function?", "What is the Leaky ReLU function?"),
    ("What is the ReLU activation function?",
     "What is the role of activation functions in neural networks?"),
    ("What is gradient descent?", "What is the gradient descent update rule?"),
])
def test_different_questions_are_not(a, b):
    assert dedup.similarity(a, b) < dedup.THRESHOLD


def test_threshold_separates_the_catalogue(repo):
    """No two pages' phrasings reach the threshold, except pages declared distinct."""
    catalogue = load_catalogue(repo, check=False)
    for a, b in itertools.combinations(catalogue.questions, 2):
        if a.id in b.distinct and b.id in a.distinct:
            continue
        match = dedup.best_match(a.phrasings, b.phrasings)
        assert match.score < dedup.THRESHOLD, (a.id, b.id, match)


def test_fast_pairs_agree_with_the_plain_measure(repo):
    catalogue = load_catalogue(repo, check=False)
    pages = {q.id: q.phrasings for q in catalogue.questions}
    pages["copy-of-first"] = list(catalogue.questions[0].phrasings)
    found = {frozenset(k) for k in dedup.similar_pairs(pages)}
    first = catalogue.questions[0].id
    assert frozenset((first, "copy-of-first")) in found
    distinct = {frozenset((q.id, d)) for q in catalogue.questions for d in q.distinct}
    assert found - {frozenset((first, "copy-of-first"))} <= distinct


def test_near_duplicate_pairs_are_cached_by_the_phrasings(scratch, monkeypatch):
    """A warm build reads the pairs from .cache instead of scoring every phrasing again
    (dlqa.catalogue), and still fails the duplicate; a changed alias is scored afresh."""
    from dlqa.errors import ContentErrors
    from dlqa.repo import Repo

    repo = Repo(scratch.root)
    page = scratch.page("tensors", "What are tensors?", "What is a tensor array?", "acte-54")

    def near_duplicate_errors() -> list[str]:
        try:
            load_catalogue(repo)
        except ContentErrors as exc:
            return [e.message for e in exc.errors if "near-duplicate" in e.message]
        return []

    first = near_duplicate_errors()
    cache = sorted((repo.cache_dir / "near-duplicates").glob("*.json"))
    with monkeypatch.context() as patch:
        patch.setattr(dedup, "similar_pairs", lambda pages: pytest.fail("scored again"))
        assert near_duplicate_errors() == first and first
    page.write_text(page.read_text(encoding="utf-8").replace(
        "What are tensors?", "How does momentum damp oscillations?").replace(
        "What is a tensor array?", "Why does heavy-ball momentum speed up descent?"),
        encoding="utf-8")
    assert near_duplicate_errors() == []
    assert len(cache) == 1 and len(list(cache[0].parent.glob("*.json"))) == 2
