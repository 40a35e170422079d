"""Scaled dot-product attention: Var(q.k) = d_k, softmax saturation, and O(n^2) cost."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def attention(Q, K, V):
    """softmax(Q K^T / sqrt(d_k)) V for Q (n, d_k), K (m, d_k), V (m, d_v)."""
    weights = softmax(Q @ K.T / np.sqrt(Q.shape[-1]))
    return weights @ V, weights


rng = np.random.default_rng(0)

# 1. Variance of the raw dot product grows like d_k; scaling brings it back to 1.
for d_k in (16, 64, 512):
    q = rng.normal(size=(20_000, d_k))
    k = rng.normal(size=(20_000, d_k))
    raw = np.sum(q * k, axis=1)
    var_raw, var_scaled = raw.var(), (raw / np.sqrt(d_k)).var()
    assert abs(var_raw / d_k - 1) < 0.05 and abs(var_scaled - 1) < 0.05
    print(
        f"d_k={d_k:3d}: Var(q.k) = {var_raw:6.1f}, "
        f"Var(q.k/sqrt(d_k)) = {var_scaled:.3f}"
    )

# 2. Unscaled logits saturate the softmax and shrink its gradient.
d_k, n = 512, 10
q, K = rng.normal(size=d_k), rng.normal(size=(n, d_k))
results = {}
for label, s in (("unscaled", K @ q), ("scaled", K @ q / np.sqrt(d_k))):
    p = softmax(s)
    jac = np.linalg.norm(np.diag(p) - np.outer(p, p))  # d softmax / d logits
    results[label] = (p.max(), jac)
    print(f"{label:8s}: largest weight {p.max():.3f}, ||Jacobian|| {jac:.2e}")
assert results["unscaled"][0] > 0.99 and results["unscaled"][1] < 1e-2
assert results["scaled"][1] > 10 * results["unscaled"][1]

# 3. Shapes, and agreement with a per-query loop.
n, m, d_k, d_v = 6, 8, 4, 5
Q, K, V = (
    rng.normal(size=(n, d_k)),
    rng.normal(size=(m, d_k)),
    rng.normal(size=(m, d_v)),
)
out, W = attention(Q, K, V)
loop = np.array([softmax(K @ Q[i] / 2.0) @ V for i in range(n)])  # sqrt(4) = 2
assert out.shape == (n, d_v) and W.shape == (n, m)
assert np.allclose(W.sum(axis=1), 1.0) and np.allclose(out, loop)
print(f"Q {Q.shape}, K {K.shape}, V {V.shape} -> weights {W.shape}, output {out.shape}")

# 4. The score matrix is n x n in self-attention: memory grows with n^2.
for n_tok in (1024, 4096):
    scores = n_tok * n_tok
    print(
        f"n={n_tok}: {scores:,} scores per head, "
        f"{scores * 4 / 2**20:.0f} MiB in float32"
    )
assert 4096**2 * 4 == 64 * 2**20
