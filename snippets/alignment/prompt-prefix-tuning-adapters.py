"""PEFT methods on a GPT-2-small-sized model: parameter counts, and two exact facts."""

import numpy as np

rng = np.random.default_rng(0)
layers, d, d_ff, vocab, ctx = 12, 768, 3072, 50257, 1024

# The base model, counted array by array (GPT-2 small, tied output embedding).
per_layer = (2 * d  # layer norm 1
             + d * 3 * d + 3 * d  # fused q, k, v projection
             + d * d + d  # attention output projection
             + 2 * d  # layer norm 2
             + d * d_ff + d_ff + d_ff * d + d)  # MLP
base = vocab * d + ctx * d + layers * per_layer + 2 * d
assert base == 124_439_808

n_tok, m, r = 20, 64, 8  # prompt/prefix length, adapter bottleneck, LoRA rank
counts = {
    "prompt tuning (20 input vectors)": n_tok * d,
    "prefix tuning (20 keys+values per layer)": layers * 2 * n_tok * d,
    "LoRA r=8 on W_q, W_v": layers * 2 * r * (d + d),
    "adapters m=64, two per layer": layers * 2 * (d * m + m + m * d + d),
}
print(f"base model: {base:,} parameters")
for name, c in counts.items():
    print(f"{name:42s} {c:>9,}  ({c / base:.3%})")
assert counts["prompt tuning (20 input vectors)"] == 15_360
assert counts["adapters m=64, two per layer"] == 2_379_264


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def attend(q, k, v):
    return softmax(q @ k.T / np.sqrt(q.shape[-1])) @ v


# 1. Prefix tuning = interpolation between ordinary attention and attention over
#    the prefix alone (He et al., 2022), with a weight lam that depends on q.
dh, t = 16, 6
q, k, v = rng.normal(size=(t, dh)), rng.normal(size=(t, dh)), rng.normal(size=(t, dh))
pk, pv = rng.normal(size=(n_tok, dh)), rng.normal(size=(n_tok, dh))
with_prefix = attend(q, np.vstack([pk, k]), np.vstack([pv, v]))
mass_p = np.exp(q @ pk.T / np.sqrt(dh)).sum(1, keepdims=True)
mass_x = np.exp(q @ k.T / np.sqrt(dh)).sum(1, keepdims=True)
lam = mass_p / (mass_p + mass_x)
mixed = (1 - lam) * attend(q, k, v) + lam * attend(q, pk, pv)
print("prefix attention == (1 - lam) attn(x) + lam attn(prefix):",
      np.allclose(with_prefix, mixed), " lam per query:", lam.ravel().round(2))
assert np.allclose(with_prefix, mixed)

# 2. A bottleneck adapter h + W_up relu(W_down h) is not a linear map, so unlike
#    LoRA it cannot be folded into the neighbouring weight matrix.
w_down = rng.normal(size=(m, d)) / np.sqrt(d)
w_up = rng.normal(size=(d, m)) / np.sqrt(m)


def adapter(h):
    return h + w_up @ np.maximum(w_down @ h, 0.0)


h1, h2 = rng.normal(size=d), rng.normal(size=d)
gap = np.abs(adapter(h1 + h2) - adapter(h1) - adapter(h2)).max()
print(f"adapter(h1 + h2) - adapter(h1) - adapter(h2): max {gap:.2f} (nonzero)")
assert gap > 0.1
extra = layers * 2 * 2 * (d * m + m * d)  # multiply-adds count as 2 FLOPs
print(f"adapter FLOPs added per token at inference: {extra:,}; merged LoRA: 0")
