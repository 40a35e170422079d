"""Shows that equal initial weights keep hidden units identical; zeros stop learning."""

import numpy as np

rng = np.random.default_rng(0)
X = rng.uniform(-1, 1, size=(200, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float)[:, None]   # XOR-like: needs >1 hidden unit
H, LR, STEPS = 8, 0.5, 3000


def forward(params, x):
    w1, b1, w2, b2 = params
    h = np.tanh(x @ w1 + b1)
    p = 1.0 / (1.0 + np.exp(-(h @ w2 + b2)))
    return h, p


def train(params):
    w1, b1, w2, b2 = (a.copy() for a in params)
    n = len(X)
    for _ in range(STEPS):
        h, p = forward((w1, b1, w2, b2), X)
        d_out = (p - y) / n                     # dL/dlogit for sigmoid + cross-entropy
        d_h = (d_out @ w2.T) * (1.0 - h ** 2)   # back through tanh
        w2 -= LR * h.T @ d_out
        b2 -= LR * d_out.sum(0)
        w1 -= LR * X.T @ d_h
        b1 -= LR * d_h.sum(0)
    return w1, b1, w2, b2


def accuracy(params):
    return float(((forward(params, X)[1] > 0.5) == y).mean())


inits = {
    "random": (rng.normal(0, 1, (2, H)), np.zeros(H), rng.normal(0, 1, (H, 1)),
               np.zeros(1)),
    "all 0.5": (np.full((2, H), 0.5), np.zeros(H), np.full((H, 1), 0.5), np.zeros(1)),
    "all 0": (np.zeros((2, H)), np.zeros(H), np.zeros((H, 1)), np.zeros(1)),
}
trained = {name: train(p) for name, p in inits.items()}
for name, p in trained.items():
    w1, _, w2, _ = p
    spread = np.ptp(w1, axis=1).max()       # largest gap between two hidden units
    print(f"{name:8s} accuracy={accuracy(p):.3f}  "
          f"max difference between hidden units' weights={spread:.2e}")

# Random init breaks symmetry and learns the XOR pattern.
assert accuracy(trained["random"]) > 0.95
assert np.ptp(trained["random"][0], axis=1).max() > 0.1

# Equal init: after 3000 updates every hidden unit still has identical weights ...
w1, b1, w2, b2 = trained["all 0.5"]
assert np.ptp(w1, axis=1).max() == 0 and np.ptp(w2) == 0 and np.ptp(b1) == 0
# ... so the 8-unit network computes exactly what a 1-unit network computes.
one_unit = (w1[:, :1], b1[:1], w2[:1] * H, b2)
assert np.allclose(forward(trained["all 0.5"], X)[1], forward(one_unit, X)[1])
assert accuracy(trained["all 0.5"]) < 0.8
print(f"all 0.5: equals a 1-hidden-unit net; accuracy "
      f"{accuracy(trained['all 0.5']):.3f}")

# All-zero init with tanh: h = tanh(0) = 0, so every weight gradient is exactly 0.
w1, b1, w2, b2 = trained["all 0"]
assert not w1.any() and not w2.any() and not b1.any()
majority = max(y.mean(), 1 - y.mean())
assert np.isclose(accuracy(trained["all 0"]), majority)
print(f"all 0:   weights still exactly 0; only the output bias moved (b2={b2[0]:.3f})")
