"""Check that stacked linear layers collapse to one affine map and cannot fit XOR."""

import itertools

import numpy as np

rng = np.random.default_rng(0)

# Three linear layers 4 -> 8 -> 2 -> 3 with biases and no activation.
sizes = [4, 8, 2, 3]
Ws = [rng.normal(size=(m, n)) for n, m in itertools.pairwise(sizes)]
bs = [rng.normal(size=m) for m in sizes[1:]]


def deep_linear(x):
    for W, b in zip(Ws, bs):
        x = W @ x + b
    return x


# Collapse: W = W3 W2 W1 and b = W3 (W2 b1 + b2) + b3.
W = Ws[2] @ Ws[1] @ Ws[0]
b = Ws[2] @ (Ws[1] @ bs[0] + bs[1]) + bs[2]
X = rng.normal(size=(100, 4))
err = max(np.abs(deep_linear(x) - (W @ x + b)).max() for x in X)
print("max |3-layer net - single affine map| :", f"{err:.1e}")
print("rank of collapsed W (3 x 4)           :", np.linalg.matrix_rank(W))
assert err < 1e-10
assert np.linalg.matrix_rank(W) == 2  # the width-2 layer caps the rank

# XOR: the best affine least-squares fit predicts 0.5 on every point.
Xx = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
yx = np.array([0, 1, 1, 0], dtype=float)
A = np.hstack([Xx, np.ones((4, 1))])
coef, *_ = np.linalg.lstsq(A, yx, rcond=None)
print("best affine fit to XOR                :", np.round(A @ coef, 3))
assert np.allclose(A @ coef, 0.5)


# Two ReLU units fit XOR exactly: f(x) = relu(x1 + x2) - 2 relu(x1 + x2 - 1).
def relu(z):
    return np.maximum(z, 0.0)


s = Xx.sum(axis=1)
f = relu(s) - 2 * relu(s - 1)
print("2-unit ReLU network on XOR            :", f)
assert np.array_equal(f, yx)

# A linear map is additive; ReLU is not, which is what breaks the collapse.
u, v = np.array([1.0, -2.0]), np.array([-1.0, 3.0])
print("relu(u + v) vs relu(u) + relu(v)      :", relu(u + v), relu(u) + relu(v))
assert not np.allclose(relu(u + v), relu(u) + relu(v))
