"""ALiBi: a per-head linear distance penalty; relative, multi-scale, recency-biased."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def slopes(n_heads):
    """Geometric slopes 2^(-8/n), 2^(-16/n), ..., 2^(-8) for n a power of two."""
    return 2.0 ** (-8.0 * np.arange(1, n_heads + 1) / n_heads)


def alibi_bias(length, m):
    """B[i, j] = -m (i - j) for keys j <= i, -inf for future keys (causal)."""
    i, j = np.arange(length)[:, None], np.arange(length)[None, :]
    return np.where(j <= i, -m * (i - j), -np.inf)


def last_row_bias(length, m):
    """Row of alibi_bias for the last query, without building the full matrix."""
    return -m * np.arange(length - 1, -1, -1.0)


m = slopes(8)
print("slopes for 8 heads:", " ".join(f"1/{1 / x:.0f}" for x in m))
assert np.allclose(m, [1 / 2**k for k in range(1, 9)])

# Worked example: head 1 (m = 1/2), query at position 5, equal content scores.
b = alibi_bias(6, m[0])
w = softmax(b[5])
print("head 1, query 5: biases", b[5] + 0.0, "-> weights", np.round(w, 3))
assert np.allclose(w[1:] / w[:-1], np.exp(0.5))     # each step closer: x e^(1/2)

# The bias depends only on the offset i - j (a Toeplitz matrix) ...
B = alibi_bias(50, m[2])
assert all(np.allclose(np.diag(B, -k), -m[2] * k) for k in range(50))
# ... and adding m * j instead (a constant per row away from -m (i - j)) gives
# the same attention under the causal mask: softmax ignores row constants.
rng = np.random.default_rng(0)
S = rng.normal(size=(50, 50))
cols = np.arange(50)[None, :]
mask = np.where(cols <= np.arange(50)[:, None], 0.0, -np.inf)
assert np.allclose(softmax(S + B), softmax(S + m[2] * cols + mask))
assert np.array_equal(last_row_bias(50, m[2]), B[-1])

# Each head has its own range: with equal content scores, 90% of a query's
# attention falls within ln(10) / m tokens.
L = 4096
for h in (0, 3, 7):
    wts = softmax(last_row_bias(L, m[h]))[::-1]           # by distance 0, 1, ...
    k90 = int(np.argmax(np.cumsum(wts) >= 0.9)) + 1
    print(f"head {h + 1} (m = 1/{1 / m[h]:.0f}): 90% of attention within {k90} tokens")
    assert abs(k90 - np.log(10) / m[h]) <= 1

# Length "extrapolation": on a sequence 4x longer than a 1024-token window, a
# head with m = 1/16 gives the same output as if it only saw the last 1024
# tokens; far tokens are weighted by exp(-m * distance) and barely count.
V = rng.normal(size=(L, 8))
scores = rng.normal(size=L)
for h, tol in ((3, 1e-12), (7, None)):
    full = softmax(scores + last_row_bias(L, m[h])) @ V
    win = softmax(scores[-1024:] + last_row_bias(1024, m[h])) @ V[-1024:]
    gap = np.abs(full - win).max()
    print(f"head {h + 1}: full 4096 vs last 1024 tokens, max output change {gap:.1e}")
    if tol:
        assert gap < tol
    else:
        assert gap > 1e-3

# Figure: the bias added to a score against the query-key distance, for four of the 8 heads.
import matplotlib.pyplot as plt

dist = np.arange(0, 65)
fig, ax = plt.subplots()
for h, style in [(0, "-"), (1, "--"), (3, "-."), (7, ":")]:
    bias = last_row_bias(65, m[h])[::-1]  # by distance 0, 1, ..., 64
    assert np.allclose(bias, -m[h] * dist)
    ax.plot(dist, bias, style, linewidth=2, label=f"head {h + 1}, m = 1/{1 / m[h]:.0f}")
ax.set_xlabel("distance i - j (tokens back)")
ax.set_ylabel("bias added to the score")
ax.legend(loc="lower left")
fig.savefig("alibi-bias.svg")
plt.close(fig)
