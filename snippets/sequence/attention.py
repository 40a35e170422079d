"""Attention as a soft lookup: worked example, additive (Bahdanau) scores, shapes."""

import numpy as np


def softmax(s, axis=-1):
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


# Worked example: one query, three key-value pairs, dot-product scores.
K = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V = np.array([1.0, 5.0, 3.0])
q = np.array([2.0, 0.0])
scores = K @ q
alpha = softmax(scores)
out = alpha @ V
assert np.allclose(scores, [2, 0, 2])
assert np.allclose(alpha, [0.4683, 0.0634, 0.4683], atol=1e-4)
assert np.isclose(alpha.sum(), 1.0) and np.isclose(out, 2.190, atol=1e-3)
print(f"scores {scores}, weights {np.round(alpha, 4)}, output {out:.3f}")

# Sharper scores push the weights toward a hard (one-hot) lookup.
for temp in (1.0, 10.0):
    a = softmax(temp * np.array([2.0, 0.0, 1.0]))
    print(f"scores x{temp:>4}: weights {np.round(a, 4)}")
assert softmax(10 * np.array([2.0, 0.0, 1.0]))[0] > 0.9999

# Additive attention as in Bahdanau et al. (2014): a decoder state attends over
# the encoder states of a 7-word source sentence.
rng = np.random.default_rng(0)
T_src, d_enc, d_dec, d_att = 7, 16, 12, 10
H = rng.normal(size=(T_src, d_enc))  # encoder states = keys and values
s = rng.normal(size=d_dec)  # decoder state = query
W_q = rng.normal(size=(d_att, d_dec))
W_k = rng.normal(size=(d_att, d_enc))
v = rng.normal(size=d_att)
e = np.tanh(H @ W_k.T + W_q @ s) @ v  # score e_i = v^T tanh(W_q s + W_k h_i)
a = softmax(e)
context = a @ H
assert e.shape == a.shape == (T_src,) and context.shape == (d_enc,)
assert np.isclose(a.sum(), 1.0) and np.all(a > 0)
print(
    f"additive attention: weights {a.shape} summing to {a.sum():.1f}, "
    f"context {context.shape}"
)
# The context is a convex combination, so each coordinate lies within the encoder range.
assert np.all(context <= H.max(axis=0) + 1e-12) and np.all(
    context >= H.min(axis=0) - 1e-12
)

# Figure: self-attention over a short sentence. The embeddings are hand-set word-type
# features, not a trained model: score(i, j) = A[type_i, type_j] - 0.3 |i - j|.
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt

words = ["the", "cat", "sat", "on", "the", "mat", "because", "it", "was", "tired"]
types = ["det", "animal", "verb", "prep", "det", "thing", "conj", "pron", "verb", "adj"]
kinds = ["det", "animal", "thing", "verb", "prep", "conj", "pron", "adj"]
A = np.zeros((len(kinds), len(kinds)))
for src, dst, val in [
    ("det", "animal", 2), ("det", "thing", 2), ("animal", "verb", 1),
    ("animal", "adj", 1), ("verb", "animal", 2), ("verb", "prep", 1),
    ("prep", "thing", 2), ("thing", "prep", 1), ("conj", "verb", 1),
    ("pron", "animal", 4), ("pron", "thing", 1.5), ("adj", "pron", 2),
    ("adj", "animal", 1),
]:
    A[kinds.index(src), kinds.index(dst)] = val
ti = np.array([kinds.index(t) for t in types])
pos = np.arange(len(words))
W_self = softmax(A[ti][:, ti] - 0.3 * np.abs(pos[:, None] - pos[None, :]))
assert np.allclose(W_self.sum(axis=1), 1.0)
it = words.index("it")
assert words[int(W_self[it].argmax())] == "cat"  # "it" reads mostly from "cat"
print(f"'it' attends to 'cat' with weight {W_self[it, 1]:.2f}, to 'mat' {W_self[it, 5]:.2f}")

fig, ax = plt.subplots(figsize=(5.2, 4.4))
# pcolormesh, not imshow, and a colour bar with few levels: the SVG stays vector-only.
levels = np.linspace(0, 0.6, 13)
assert W_self.max() <= levels[-1]
im = ax.pcolormesh(pos, pos, W_self, cmap="Greys", shading="nearest",
                   norm=mcolors.BoundaryNorm(levels, 256))
ax.invert_yaxis()
ax.set_aspect("equal")
ax.set_xticks(pos, words, rotation=45, ha="right")
ax.set_yticks(pos, words)
ax.grid(False)
ax.set_xlabel("key (word attended to)")
ax.set_ylabel("query (word attending)")
fig.colorbar(im, ax=ax, label="attention weight", ticks=levels[::2])
fig.savefig("attention.svg")
plt.close(fig)
