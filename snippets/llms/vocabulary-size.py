"""Vocabulary size: shorter sequences versus more parameters and rarer tokens."""

from collections import Counter
from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
syllables = ["ka", "to", "ri", "men", "sa", "lo", "ne", "pi", "dor", "u", "ex", "ta"]
types = sorted({"".join(rng.choice(syllables, size=rng.integers(1, 5)))
                for _ in range(300)})
rng.shuffle(types)
assert len(types) == 215  # 300 random draws, duplicates removed
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
print(f"{len(types)} word types, {n_chars:,} characters")
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



def llama_params(v, d, ffn, layers, kv_dim):
    """Parameters of a Llama-style decoder: untied embedding and output,
    attention (q, o: d x d; k, v: d x kv_dim), SwiGLU MLP (3 d x ffn), RMSNorms."""
    per_layer = 2 * d * d + 2 * d * kv_dim + 3 * d * ffn + 2 * d
    return 2 * v * d + layers * per_layer + d


# Published Hugging Face configurations: Llama-2-7b-hf and Meta-Llama-3-8B.
llama = {"Llama 2 7B": (32_000, 4096, 11_008, 32, 4096),
         "Llama 3 8B": (128_256, 4096, 14_336, 32, 1024)}   # 8 KV heads of 128
totals = {}
for name, cfg in llama.items():
    v, d_model = cfg[0], cfg[1]
    emb, total = 2 * v * d_model, llama_params(*cfg)
    totals[name] = total
    print(f"{name}: 2 x {v:,} x {d_model} = {emb / 1e9:.3f}B parameters,"
          f" {100 * emb / total:.1f}% of {total / 1e9:.2f}B")
# The totals match the published parameter counts.
assert totals["Llama 2 7B"] == 6_738_415_616
assert totals["Llama 3 8B"] == 8_030_261_248

# GPT-2 small: tied token embedding, 1,024 learned positions, 12 blocks of
# width 768 with biases, final LayerNorm.
d_g = 768
block = 2 * 2 * d_g + (d_g * 3 * d_g + 3 * d_g) + (d_g * d_g + d_g) \
    + (d_g * 4 * d_g + 4 * d_g) + (4 * d_g * d_g + d_g)
gpt2_total = 50_257 * d_g + 1024 * d_g + 12 * block + 2 * d_g
gpt2_emb = 50_257 * d_g
print(f"GPT-2 small: 50,257 x 768 = {gpt2_emb / 1e6:.1f}M of {gpt2_total / 1e6:.1f}M"
      f" parameters ({100 * gpt2_emb / gpt2_total:.0f}%)")
assert gpt2_total == 124_439_808 and round(100 * gpt2_emb / gpt2_total) == 31

# The logits of one batch: 8 sequences of 8192 tokens, float32.
logits_bytes = 8 * 8192 * 128_256 * 4
print(f"fp32 logits for 8 x 8192 tokens, V = 128,256: {logits_bytes / 1e9:.1f} GB")
assert round(logits_bytes / 1e9, 1) == 33.6
# ... more than twice the 16-bit weights of Llama 3 8B.
assert logits_bytes > 2 * (2 * totals["Llama 3 8B"])
