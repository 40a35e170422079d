"""Why tokens hide letters and digits: a toy BPE, and digit chunking for arithmetic."""

from collections import Counter
from itertools import pairwise

import numpy as np

# 1. A tiny byte-pair-encoding tokenizer learned from a toy corpus.
corpus = ("strawberry " * 6 + "berry " * 8 + "straw " * 5 + "raspberry " * 3
          + "Strawberry " * 2 + "array " * 3 + "error " * 2).split()


def learn_merges(words, n_merges):
    seqs = Counter(tuple(w) for w in words)
    merges = []
    for _ in range(n_merges):
        pairs = Counter()
        for seq, freq in seqs.items():
            for a, b in pairwise(seq):
                pairs[a, b] += freq
        best = max(pairs, key=lambda p: (pairs[p], p))
        merges.append(best)
        new = Counter()
        for seq, freq in seqs.items():
            out, i = [], 0
            while i < len(seq):
                if i + 1 < len(seq) and (seq[i], seq[i + 1]) == best:
                    out.append(seq[i] + seq[i + 1])
                    i += 2
                else:
                    out.append(seq[i])
                    i += 1
            new[tuple(out)] += freq
        seqs = new
    return merges


def encode(word, merges):
    seq = list(word)
    for a, b in merges:
        i = 0
        while i < len(seq) - 1:
            if seq[i] == a and seq[i + 1] == b:
                seq[i:i + 2] = [a + b]
            else:
                i += 1
    return seq


merges = learn_merges(corpus, 7)
vocab = sorted({c for w in corpus for c in w} | {a + b for a, b in merges})
ids = {tok: i for i, tok in enumerate(vocab)}
for word in ["strawberry", "Strawberry", "raspberry"]:
    toks = encode(word, merges)
    print(f"{word!r:13} -> {toks}  ids {[ids[t] for t in toks]}")

# The model receives ids; the number of r's is a sum of per-token spellings it must memorise.
toks = encode("strawberry", merges)
assert len(toks) < len("strawberry")
assert sum(t.count("r") for t in toks) == "strawberry".count("r") == 3
assert any(t.count("r") >= 2 for t in toks)        # two r's hidden inside one id
# Capitalised, the same word gets a different first token: its spelling is learned separately.
assert encode("Strawberry", merges)[0] != toks[0]
print(f"'strawberry': {len(toks)} ids for 10 letters; 'r' count = sum of per-token counts = 3")

# 2. Numbers split into groups of up to 3 digits, left to right (as GPT-4's cl100k_base
#    pre-tokenizer does) or right to left (aligned with place value).


def chunks_left(s):
    return [s[i:i + 3] for i in range(0, len(s), 3)]


def chunks_right(s):
    head = len(s) % 3
    return ([s[:head]] if head else []) + [s[i:i + 3] for i in range(head, len(s), 3)]


print("1234567 left-to-right:", chunks_left("1234567"), " right-to-left:",
      chunks_right("1234567"))


def place_values(chunks):
    """Power of ten of the last digit of each chunk."""
    pv, total = [], sum(len(c) for c in chunks)
    pos = 0
    for c in chunks:
        pos += len(c)
        pv.append(total - pos)
    return pv


rng = np.random.default_rng(0)


def random_number():
    """A number with 4 to 9 digits, the length drawn uniformly."""
    n = int(rng.integers(4, 10))
    return int(rng.integers(10 ** (n - 1), 10 ** n))


pairs = [(random_number(), random_number()) for _ in range(10_000)]


def aligned(chunker, a, b):
    """Do the two operands' tokens cover the same place values?"""
    pa, pb = set(place_values(chunker(str(a)))), set(place_values(chunker(str(b))))
    return pa <= pb or pb <= pa


left = np.mean([aligned(chunks_left, a, b) for a, b in pairs])
right = np.mean([aligned(chunks_right, a, b) for a, b in pairs])
same_len_mod3 = np.mean([(len(str(a)) - len(str(b))) % 3 == 0 for a, b in pairs])
assert right == 1.0 and np.isclose(left, same_len_mod3) and left < 0.5
print(f"operand tokens aligned by place value: left-to-right {left:.3f}, "
      f"right-to-left {right:.3f}")

# 3. Left-to-right generation writes the most significant digits first, but carries flow
#    from the least significant ones. In how many sums of two 6-digit numbers does the upper
#    token (or tokens) of the answer depend on the lower 3 digits of the operands, and in how
#    many does even the very first digit written?
six = [(int(rng.integers(10 ** 5, 10 ** 6)), int(rng.integers(10 ** 5, 10 ** 6)))
       for _ in range(10_000)]
upper_changed = first_changed = 0
for a, b in six:
    exact, no_carry = str(a + b), str((a // 1000 + b // 1000) * 1000)
    upper_changed += chunks_right(exact)[:-1] != chunks_right(no_carry)[:-1]
    first_changed += exact[0] != no_carry[0] or len(exact) != len(no_carry)
upper, first = upper_changed / len(six), first_changed / len(six)
assert 0.45 < upper < 0.55 and 0 < first < upper
print(f"6-digit sums whose upper token needs the carry from the lower 3 digits: {upper:.3f};"
      f" whose first digit does: {first:.3f}")
assert chunks_right(str(999_999 + 1)) != chunks_right(str(999_999))
print("999999 + 1 =", chunks_right(str(999_999 + 1)), "(one carry rewrites every token)")
