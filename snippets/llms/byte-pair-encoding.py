"""Learn BPE merges from word counts, then encode new words with them."""

from collections import Counter
from itertools import pairwise

# Pre-tokenized training corpus: word -> count. Merges never cross words.
corpus = {"hat": 6, "hats": 3, "that": 4, "the": 8, "then": 2, "ten": 5}


def pair_counts(words):
    counts = Counter()
    for symbols, n in words.items():
        for pair in pairwise(symbols):
            counts[pair] += n
    return counts


def apply_merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if symbols[i : i + 2] == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def learn_bpe(corpus, n_merges):
    seg = {w: tuple(w) for w in corpus}  # current segmentation of each word
    vocab = sorted({c for w in corpus for c in w})
    merges = []
    for step in range(1, n_merges + 1):
        words = {seg[w]: n for w, n in corpus.items()}
        counts = pair_counts(words)
        # Most frequent pair; ties go to the pair seen first (dict order).
        best = max(counts, key=counts.get)
        before = sum(len(seg[w]) * n for w, n in corpus.items())
        seg = {w: apply_merge(s, best) for w, s in seg.items()}
        after = sum(len(seg[w]) * n for w, n in corpus.items())
        # Each merge removes exactly one token per occurrence of the pair.
        assert before - after == counts[best]
        merges.append(best)
        vocab.append(best[0] + best[1])
        print(f"merge {step}: {best[0]!r:5} + {best[1]!r:5} (count {counts[best]:2d})"
              f" -> corpus {after} tokens")
    return merges, vocab, seg


def encode(word, merges):
    """Apply the learned merges, in the order they were learned."""
    symbols = tuple(word)
    for pair in merges:
        symbols = apply_merge(symbols, pair)
    return list(symbols)


n_chars = sum(len(w) * n for w, n in corpus.items())
print(f"start: {n_chars} character tokens")
merges, vocab, segmented = learn_bpe(corpus, 5)

# The vocabulary is the base characters plus one new token per merge.
assert len(vocab) == len({c for w in corpus for c in w}) + len(merges)
# The first merge is the most frequent adjacent pair: 't'+'h' (14) beats
# 'h'+'a' and 'a'+'t' (13 each).
first_counts = pair_counts({tuple(w): n for w, n in corpus.items()})
assert merges[0] == ("t", "h") and first_counts[("t", "h")] == 14
assert first_counts[("h", "a")] == 13 and first_counts[("a", "t")] == 13
# Merge 5 was a tie: after four merges 'e'+'n' also occurs 5 times.
after4 = pair_counts({tuple(encode(w, merges[:4])): n for w, n in corpus.items()})
assert after4[("t", "e")] == after4[("e", "n")] == 5
# Encoding a training word reproduces the segmentation reached in training.
for w in corpus:
    assert tuple(encode(w, merges)) == segmented[w]
print("training words:", {w: "|".join(s) for w, s in segmented.items()})
# New words are split into learned pieces, never unknown, and round-trip.
for w in ["thaten", "hen", "tent"]:
    pieces = encode(w, merges)
    assert "".join(pieces) == w and all(p in vocab for p in pieces)
    print(f"encode({w!r}) = {pieces}")
print("vocabulary:", vocab)
