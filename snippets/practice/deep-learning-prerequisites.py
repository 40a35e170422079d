"""The core maths in one check: a hand-derived gradient versus finite differences."""

import numpy as np

rng = np.random.default_rng(0)
n, d = 50, 3
X = rng.normal(size=(n, d))  # linear algebra: data as a matrix
y = (rng.random(n) < 0.5).astype(float)
w = rng.normal(size=d)


def loss(w):  # probability: mean negative log-likelihood of a Bernoulli model
    p = 1 / (1 + np.exp(-X @ w))
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def grad(w):  # calculus: chain rule gives X^T (sigmoid(Xw) - y) / n
    return X.T @ (1 / (1 + np.exp(-X @ w)) - y) / n


eps = 1e-6
numeric = np.array(
    [(loss(w + eps * e) - loss(w - eps * e)) / (2 * eps) for e in np.eye(d)]
)
print("analytic gradient :", grad(w).round(6))
print("numerical gradient:", numeric.round(6))
print(f"max difference    : {np.max(np.abs(grad(w) - numeric)):.1e}")
assert np.allclose(grad(w), numeric, atol=1e-8)

# Optimisation: a few gradient-descent steps lower the loss.
w_gd = w.copy()
for _ in range(100):
    w_gd -= 0.5 * grad(w_gd)
print(f"loss before {loss(w):.4f}, after 100 steps {loss(w_gd):.4f}")
assert loss(w_gd) < loss(w)
