"""Contamination checks: n-gram overlap with the training corpus, and an order test."""

import itertools
import math
from collections import Counter

import numpy as np

rng = np.random.default_rng(0)
vocab = [f"w{i}" for i in range(300)]


def sentence(length):
    return [vocab[i] for i in rng.integers(0, len(vocab), length)]


def ngram_set(tokens, n):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


# 1. n-gram overlap. Six 16-token test items; the corpus holds item 0 verbatim,
#    item 1 with one word changed, item 2 with every third word replaced (a
#    paraphrase-like rewrite); items 3-5 are clean.
N = 8
items = [sentence(16) for _ in range(6)]
edited = list(items[1])
edited[12] = "zz"
rewritten = [("syn" + t) if i % 3 == 0 else t for i, t in enumerate(items[2])]
corpus = sentence(3000) + items[0] + sentence(500) + edited + sentence(500) + rewritten
corpus_ngrams = ngram_set(corpus, N)
overlap = [len(ngram_set(x, N) & corpus_ngrams) / len(ngram_set(x, N)) for x in items]
print(f"fraction of each item's {N}-grams found in the corpus:", [round(f, 2) for f in overlap])
flagged = [i for i, f in enumerate(overlap) if f > 0]
print("flagged as contaminated:", flagged, "(item 2 was in the corpus, reworded)")
assert overlap[0] == 1.0 and 0 < overlap[1] < 1 and flagged == [0, 1]

# 2. Order test (the idea of Oren et al., 2024): a model that saw the benchmark in its
#    published order assigns that order a higher likelihood than shuffled orders.
#    The "model" is a word-bigram model with add-one smoothing fitted to a corpus.
bench = [sentence(8) for _ in range(30)]


def bigram_model(text):
    pairs, singles = Counter(itertools.pairwise(text)), Counter(text)

    def logp(tokens):
        return sum(math.log((pairs[a, b] + 1) / (singles[a] + len(vocab)))
                   for a, b in itertools.pairwise(tokens))
    return logp


def order_p_value(logp, trials=999):
    """Share of random item orders at least as likely as the published order."""
    canon = logp([t for item in bench for t in item])
    beats = sum(logp([t for j in rng.permutation(len(bench)) for t in bench[j]]) >= canon
                for _ in range(trials))
    return (beats + 1) / (trials + 1)


background = sentence(20000)
clean_model = bigram_model(background)
dirty_model = bigram_model(background[:10000] + [t for item in bench for t in item]
                           + background[10000:])
p_clean, p_dirty = order_p_value(clean_model), order_p_value(dirty_model)
print(f"order test p-value: clean model {p_clean:.3f}, model trained on the test set {p_dirty:.3f}")
assert p_dirty <= 0.001 and p_clean > 0.05
