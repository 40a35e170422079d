"""Vocabulary size: shorter sequences versus more parameters and rarer tokens."""

from collections import Counter
from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
syllables = ["ka", "to", "ri", "men", "sa", "lo", "ne", "pi", "dor", "u", "ex", "ta"]
types = sorted({"".join(rng.choice(syllables, size=rng.integers(1, 5)))
                for _ in range(300)})
rng.shuffle(types)
corpus = {w: int(3000 / (rank + 1)) + 1 for rank, w in enumerate(types)}  # Zipf-like
n_chars = sum(len(w) * n for w, n in corpus.items())


def merge(symbols, a, b):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == a and symbols[i + 1] == b:
            out.append(a + b)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


seg = {w: list(w) for w in corpus}
base = len({c for w in corpus for c in w})
rows, newest = [], None  # newest: training count of the last token added
for n_merges in range(241):
    if n_merges % 60 == 0:
        n_tokens = sum(len(seg[w]) * n for w, n in corpus.items())
        rows.append((base + n_merges, n_chars / n_tokens, newest or 0))
    pairs = Counter()
    for w, n in corpus.items():
        for a, b in pairwise(seg[w]):
            pairs[a, b] += n
    a, b = max(pairs, key=pairs.get)
    newest = pairs[a, b]
    seg = {w: merge(s, a, b) for w, s in seg.items()}

d = 64
print(" vocab  chars/token  newest token count  embedding+output params (d=64)")
for v, cpt, count in rows:
    shown = f"{count:d}" if count else "-"
    print(f"{v:6d}  {cpt:11.2f}  {shown:>18s}  {2 * v * d:30,d}")
vocab, cpt, count = map(np.array, zip(*rows))
# Larger vocabulary: each token covers more text (shorter sequences) ...
assert np.all(np.diff(cpt) > 0)
# ... but with diminishing returns: each block of 60 merges gains less ...
assert np.all(np.diff(np.diff(cpt)) < 0)
# ... while each new token occurs less often in the training data, so its
# embedding gets fewer updates.
assert np.all(np.diff(count[1:]) < 0) and count[-1] < count[1] / 5

# Embedding and output matrices of two published configurations (untied).
for name, v, d_model, total in [("Llama 2 7B", 32_000, 4096, 6.74e9),
                                ("Llama 3 8B", 128_256, 4096, 8.03e9)]:
    emb = 2 * v * d_model
    print(f"{name}: 2 x {v:,} x {d_model} = {emb / 1e9:.3f}B parameters,"
          f" {100 * emb / total:.1f}% of {total / 1e9:.2f}B")
assert 2 * 128_256 * 4096 == 1_050_673_152

# GPT-2 small (tied embeddings, d = 768, 124M parameters in total).
gpt2_emb = 50_257 * 768
print(f"GPT-2 small: 50,257 x 768 = {gpt2_emb / 1e6:.1f}M of 124M parameters")
assert 0.3 < gpt2_emb / 124e6 < 0.32

# The logits of one batch: 8 sequences of 8192 tokens, float32.
logits_bytes = 8 * 8192 * 128_256 * 4
print(f"fp32 logits for 8 x 8192 tokens, V = 128,256: {logits_bytes / 1e9:.1f} GB")
assert round(logits_bytes / 1e9, 1) == 33.6
