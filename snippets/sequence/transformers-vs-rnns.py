"""Transformer vs RNN layer: cost, sequential steps, gradient from far tokens."""

import numpy as np

d = 512
print("per-layer multiply-adds, d = 512 (attention n^2 d vs recurrent n d^2):")
for n in (128, 4096):
    attn, rnn = n * n * d, n * d * d
    print(f"  n={n:5d}: attention {attn:.2e}, RNN {rnn:.2e}, sequential steps 1 vs {n}")
    assert (attn < rnn) == (n < d)

# Sensitivity of the last output to the first input, through 100 positions.
rng = np.random.default_rng(0)
n, h = 100, 16
X = rng.normal(size=(n, h))
Q, _ = np.linalg.qr(rng.normal(size=(h, h)))
W_x = rng.normal(0, 1 / np.sqrt(h), size=(h, h))
W_q, W_k, W_v = (rng.normal(0, 1 / np.sqrt(h), size=(h, h)) for _ in range(3))


def rnn_last(X):
    s = np.zeros(h)
    for x in X:
        s = np.tanh(Q @ s + W_x @ x)  # orthogonal recurrent matrix
    return s


def rnn_jacobian_wrt_first(X):
    """d s_n / d x_1 by the chain rule: prod_j diag(1 - s_j^2) Q, then W_x at j = 1."""
    s, J = np.zeros(h), None
    for x in X:
        s = np.tanh(Q @ s + W_x @ x)
        D = np.diag(1 - s**2)
        J = D @ W_x if J is None else D @ Q @ J
    return J


def attention_last(X):
    q = X[-1] @ W_q
    scores = (X @ W_k) @ q / np.sqrt(h)
    w = np.exp(scores - scores.max())
    return (w / w.sum()) @ (X @ W_v)


def numeric_jacobian_wrt_first(f, X, eps=1e-6):
    J = np.empty((h, h))
    for k in range(h):
        Xp, Xm = X.copy(), X.copy()
        Xp[0, k] += eps
        Xm[0, k] -= eps
        J[:, k] = (f(Xp) - f(Xm)) / (2 * eps)
    return J


# The chain-rule Jacobian agrees with finite differences on a short prefix.
short = X[:5]
assert np.allclose(
    rnn_jacobian_wrt_first(short), numeric_jacobian_wrt_first(rnn_last, short)
)
g_rnn = np.linalg.norm(rnn_jacobian_wrt_first(X), 2)
g_attn = np.linalg.norm(numeric_jacobian_wrt_first(attention_last, X), 2)
print(f"||d out_100 / d x_1||: RNN {g_rnn:.1e}, one attention layer {g_attn:.1e}")
assert g_rnn < 1e-12 and g_attn > 1e-4
