"""Trains a small tanh network with zero biases, zero weights, and mixtures."""

import numpy as np

rng = np.random.default_rng(0)
X = rng.uniform(-1, 1, size=(200, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float)[:, None]   # XOR-like labels
H, LR, STEPS = 8, 0.5, 3000


def forward(params, x):
    w1, b1, w2, b2 = params
    h = np.tanh(x @ w1 + b1)
    return h, 1.0 / (1.0 + np.exp(-(h @ w2 + b2)))


def train(params):
    w1, b1, w2, b2 = (a.copy() for a in params)
    for _ in range(STEPS):
        h, p = forward((w1, b1, w2, b2), X)
        d_out = (p - y) / len(X)                 # sigmoid + cross-entropy
        d_h = (d_out @ w2.T) * (1.0 - h ** 2)
        w2 -= LR * h.T @ d_out
        b2 -= LR * d_out.sum(0)
        w1 -= LR * X.T @ d_h
        b1 -= LR * d_h.sum(0)
    return w1, b1, w2, b2


def acc(params):
    return float(((forward(params, X)[1] > 0.5) == y).mean())


def rand_w1():
    return rng.normal(0, 1, (2, H))


def rand_w2():
    return rng.normal(0, 1, (H, 1))


zb, zw1, zw2, z1 = np.zeros(H), np.zeros((2, H)), np.zeros((H, 1)), np.zeros(1)
runs = {
    "random weights, zero biases": (rand_w1(), zb, rand_w2(), z1),
    "zero weights, zero biases": (zw1, zb, zw2, z1),
    "zero output layer only": (rand_w1(), zb, zw2, z1),
    "zero weights, random biases": (zw1, rng.normal(0, 1, H), zw2, z1),
}
out = {}
for name, params in runs.items():
    out[name] = train(params)
    print(f"{name:28s} training accuracy {acc(out[name]):.3f}")

majority = max(y.mean(), 1 - y.mean())
assert acc(out["random weights, zero biases"]) > 0.95
assert np.abs(out["random weights, zero biases"][1]).max() > 0.1   # biases did learn
assert np.isclose(acc(out["zero weights, zero biases"]), majority)
w1, b1, w2, _ = out["zero weights, zero biases"]
assert not (w1.any() or b1.any() or w2.any())       # gradients were exactly zero
assert acc(out["zero output layer only"]) > 0.95
assert acc(out["zero weights, random biases"]) > 0.95  # distinct biases break symmetry
print(f"zero weights and biases: weights never moved; "
      f"majority-class rate = {majority:.3f}")
