"""Multi-head self-attention: shapes, parameter count, cost independent of h."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


attn_macs = [0]  # multiply-adds spent in the score and weighted-sum products


def counted_matmul(a, b):
    """Batched a @ b that also counts its multiply-adds."""
    attn_macs[0] += int(np.prod(a.shape)) * b.shape[-1]
    return a @ b


def multi_head_attention(X, p, n_heads):
    """X (n, d_model). p holds W_q, W_k, W_v, W_o (d_model, d_model) and biases."""
    n, d_model = X.shape
    d_k = d_model // n_heads

    def split(M):  # (n, d_model) -> (heads, n, d_k)
        return M.reshape(n, n_heads, d_k).transpose(1, 0, 2)

    Q = split(X @ p["W_q"] + p["b_q"])
    K = split(X @ p["W_k"] + p["b_k"])
    V = split(X @ p["W_v"] + p["b_v"])
    scores = counted_matmul(Q, K.transpose(0, 2, 1))  # (heads, n, n)
    weights = softmax(scores / np.sqrt(d_k))
    heads = counted_matmul(weights, V)  # (heads, n, d_k)
    concat = heads.transpose(1, 0, 2).reshape(n, d_model)
    return concat @ p["W_o"] + p["b_o"], weights


rng = np.random.default_rng(0)
n, d_model, n_heads = 10, 512, 8
p = {}
for name in ("q", "k", "v", "o"):
    p[f"W_{name}"] = rng.normal(0, 1 / np.sqrt(d_model), size=(d_model, d_model))
    p[f"b_{name}"] = np.zeros(d_model)
X = rng.normal(size=(n, d_model))

out, W = multi_head_attention(X, p, n_heads)
assert out.shape == (n, d_model) and W.shape == (n_heads, n, n)
assert np.allclose(W.sum(axis=-1), 1.0)
print(f"input {X.shape} -> per-head weights {W.shape} -> output {out.shape}")

n_params = sum(v.size for v in p.values())
assert n_params == 4 * d_model**2 + 4 * d_model == 1_050_624
print(f"parameters (d_model=512, any h): {n_params:,}")

# Score and weighted-sum work, counted while running the layer: h * n^2 * d_k per
# product, i.e. 2 n^2 d_model in total, whatever h is.
for h in (1, 8, 64):
    attn_macs[0] = 0
    multi_head_attention(X, p, h)
    assert attn_macs[0] == 2 * n * n * d_model
    print(f"h={h:2d}: d_k={d_model // h:3d}, attention multiply-adds {attn_macs[0]:,}")

# Different heads attend differently: compare the attention maps of heads 0 and 1.
gap = np.abs(W[0] - W[1]).max()
assert gap > 0.05
print(f"max difference between head 0 and head 1 weights: {gap:.2f}")

# With one head, the layer reduces to single-head scaled dot-product attention.
single, _ = multi_head_attention(X, p, 1)
Q, K, V = X @ p["W_q"], X @ p["W_k"], X @ p["W_v"]
direct = softmax(Q @ K.T / np.sqrt(d_model)) @ V @ p["W_o"]
assert np.allclose(single, direct)
print("h=1 matches softmax(QK^T/sqrt(d)) V W_o")
