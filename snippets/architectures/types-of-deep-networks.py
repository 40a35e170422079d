"""Main layer types on one input: parameter counts and the symmetry each builds in."""

import numpy as np

rng = np.random.default_rng(0)
n, d = 100, 64  # a sequence of 100 vectors of size 64, mapped to 100 vectors of size 64

counts = {
    "fully connected (flattened)": (n * d) * (n * d) + n * d,
    "1-D convolution, kernel 3": 3 * d * d + d,
    "recurrent (vanilla RNN)": d * (d + d) + d,
    "self-attention (Q, K, V, O)": 4 * d * d + 4 * d,
}
assert counts["fully connected (flattened)"] == 40_966_400
assert counts["1-D convolution, kernel 3"] == 12_352
assert counts["recurrent (vanilla RNN)"] == 8_256
assert counts["self-attention (Q, K, V, O)"] == 16_640
for name, c in counts.items():
    print(f"{name:28s} {c:>12,} parameters")

X = rng.normal(size=(n, d))
W_conv = rng.normal(0, 0.1, size=(3, d, d))


def conv1d(X):
    """'Same' convolution with zero padding: y_t = sum_k x_{t+k-1} W_k."""
    P = np.vstack([np.zeros((1, d)), X, np.zeros((1, d))])
    return sum(P[k : k + n] @ W_conv[k] for k in range(3))


# Convolution is shift-equivariant: shifting the input shifts the output.
shift = 5
X_shift = np.vstack([np.zeros((shift, d)), X[:-shift]])
conv_gap = np.abs(conv1d(X_shift)[shift + 1 : -1] - conv1d(X)[1 : -shift - 1]).max()
assert conv_gap < 1e-12
print(f"convolution: shift in -> shift out (max difference {conv_gap:.1e})")

# Self-attention is permutation-equivariant: reordering the input reorders the output.
W_q, W_k, W_v = (rng.normal(0, 0.1, size=(d, d)) for _ in range(3))


def attention(X):
    S = (X @ W_q) @ (X @ W_k).T / np.sqrt(d)
    A = np.exp(S - S.max(axis=1, keepdims=True))
    return (A / A.sum(axis=1, keepdims=True)) @ (X @ W_v)


perm = rng.permutation(n)
attn_gap = np.abs(attention(X[perm]) - attention(X)[perm]).max()
assert attn_gap < 1e-12
print(f"self-attention: permute in -> permute out (max difference {attn_gap:.1e})")
