"""Near-duplicate questions: one similarity measure, used by the build and `dlqa similar`.

A phrasing is reduced to the set of its content words: lower case, British spellings folded
into American ("initialise" = "initialize"), scene-setting words such as "deep learning" and
filler words ("what is", "explain") removed, and each word stemmed with the Snowball stemmer.
Two phrasings score the mean of the Jaccard overlap of their word sets and rapidfuzz's
token-sort ratio (which forgives typos), on a 0-100 scale.

The measure and THRESHOLD were chosen on the seed phrasings and re-measured on all 301 pages
(tests/test_dedup.py): the closest phrasings of two different pages score 78.4 ("Where is
transfer learning used in practice?" against "What is transfer learning, and how is it
useful in deep learning?"), so 80 is the lowest threshold that fails no pair of distinct
pages; near-verbatim rephrasings reach it. A
lexical measure cannot see that two differently worded questions mean the same; `dlqa new`
therefore shows the pages site search ranks first (dlqa.search.rank) for a person to judge.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers compiled from C
from rapidfuzz import fuzz

THRESHOLD = 80.0

_FILLER = frozenset([
    "a", "an", "the", "is", "are", "was", "be", "what", "whats", "which", "who",
    "how", "why", "when", "where", "do", "does", "did", "you", "your", "we", "can",
    "could", "would", "should", "will", "of", "in", "on", "at", "to", "for", "by",
    "with", "and", "or", "as", "it", "its", "this", "that", "these", "those",
    "there", "explain", "describe", "define", "mean", "meant", "term", "concept",
    "idea", "context", "understand", "know", "tell", "me", "give", "some",
    "example", "examples", "exactly", "reason", "reasons",
])
# Words that set the scene rather than ask the question; kept when fewer than two words would
# be left without them ("What is deep learning?", "What is a deep neural network?").
_CONTEXT = re.compile(r"\b(deep learning|neural networks?|dl)\b")
_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations)\b")
_WORD = re.compile(r"[a-z0-9]+")
_STEMMER = Stemmer.Stemmer("english")
# The same few thousand words recur in every phrasing.
_stem = lru_cache(maxsize=None)(_STEMMER.stemWord)


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The stemmed content words of a phrasing."""
    text = _BRITISH.sub(r"iz\1", text.lower().replace("-", " "))
    kept = [w for w in _WORD.findall(_CONTEXT.sub(" ", text)) if w not in _FILLER]
    if len(kept) < 2:
        tokens = _WORD.findall(text)
        kept = [w for w in tokens if w not in _FILLER] or tokens
    return frozenset(_stem(w) for w in kept)


def similarity(a: str, b: str) -> float:
    """0-100: how likely two phrasings ask the same question."""
    wa, wb = words(a), words(b)
    jaccard = 100.0 * len(wa & wb) / max(1, len(wa | wb))
    return (jaccard + fuzz.token_sort_ratio(" ".join(sorted(wa)), " ".join(sorted(wb)))) / 2


@dataclass(frozen=True)
class Match:
    score: float
    phrasing: str  # the other page's phrasing that matched best
    query: str  # this side's phrasing


def best_match(phrasings: list[str], others: list[str]) -> Match:
    """The most similar pair between two lists of phrasings."""
    best = Match(-1.0, "", "")
    for query in phrasings:
        for phrasing in others:
            score = similarity(query, phrasing)
            if score > best.score:
                best = Match(score, phrasing, query)
    return best


def rank(query: str, pages: dict[str, list[str]], top: int = 5) -> list[tuple[str, Match]]:
    """Pages (id -> phrasings) ordered by their best match with `query`."""
    scored = [(pid, best_match([query], phrasings)) for pid, phrasings in pages.items()]
    scored.sort(key=lambda item: -item[1].score)
    return scored[:top]


def similar_pairs(pages: dict[str, list[str]]) -> dict[tuple[str, str], Match]:
    """Pairs of different pages with a phrasing pair at or above THRESHOLD, best match each.

    A score of THRESHOLD needs a Jaccard overlap of at least 2 * THRESHOLD - 100 (the fuzzy
    half is at most 100), so only pairs that can reach it are scored: two word sets with
    that overlap must share one of the rarest words of each (prefix filtering), and only
    those rare words are indexed. Common words ("gradient", "layer") would otherwise make
    every pair of the thousands of phrasings that contain them a candidate.
    """
    phrasings = [(pid, text, words(text)) for pid, texts in pages.items() for text in texts]
    min_jaccard = (2 * THRESHOLD - 100) / 100
    frequency = Counter(w for _, _, ws in phrasings for w in ws)
    index: dict[str, list[int]] = defaultdict(list)
    candidates: set[tuple[int, int]] = set()
    for j, (_, _, ws) in enumerate(phrasings):
        rarest = sorted(ws, key=lambda w: (frequency[w], w))
        # Another set with Jaccard >= t shares >= ceil(t * len) words, so it meets one of
        # the first len - ceil(t * len) + 1 of this set's words in rarity order.
        prefix = rarest[:len(rarest) - math.ceil(min_jaccard * len(rarest) - 1e-9) + 1]
        for word in prefix:
            candidates.update((i, j) for i in index[word])
            index[word].append(j)
    pairs: dict[tuple[str, str], Match] = {}
    for i, j in candidates:
        (a, text_a, words_a), (b, text_b, words_b) = phrasings[i], phrasings[j]
        if a == b or len(words_a & words_b) < min_jaccard * len(words_a | words_b) - 1e-9:
            continue
        score = similarity(text_a, text_b)
        key = (a, b)
        if score >= THRESHOLD and (key not in pairs or score > pairs[key].score):
            pairs[key] = Match(score, text_b, text_a)
    return pairs
