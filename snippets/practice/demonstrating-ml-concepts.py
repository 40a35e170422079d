"""Three small demos: under/overfitting by degree, ridge, and distance concentration."""

import numpy as np

rng = np.random.default_rng(0)


def make(n):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + rng.normal(0, 0.3, n)


x_tr, y_tr = make(20)
x_te, y_te = make(2000)


def design(x, deg):  # Legendre features keep the fit well conditioned
    return np.polynomial.legendre.legvander(x, deg)


def fit(deg, lam=0.0):
    A = design(x_tr, deg)
    return np.linalg.solve(A.T @ A + lam * np.eye(deg + 1), A.T @ y_tr)


def mse(w, x, y):
    return np.mean((design(x, len(w) - 1) @ w - y) ** 2)


degs = [1, 3, 5, 9, 15]
tr = [mse(fit(d), x_tr, y_tr) for d in degs]
te = [mse(fit(d), x_te, y_te) for d in degs]
for d, a, b in zip(degs, tr, te, strict=True):
    print(f"degree {d:2d}: train MSE {a:.3f}  test MSE {b:8.3f}")
assert all(np.diff(tr) <= 1e-12)  # train error never rises
best = degs[int(np.argmin(te))]
assert 1 < best < 15 and te[-1] > 3 * min(te)  # test error is U-shaped

ridge = mse(fit(15, lam=1e-2), x_te, y_te)
print(f"degree 15 with ridge (lambda=0.01): test MSE {ridge:.3f}")
assert ridge < te[-1] / 3

# Curse of dimensionality: nearest and farthest neighbours become almost equally far.
ratio = {}
for dim in (2, 1000):
    pts = rng.random((500, dim))
    dist = np.linalg.norm(pts[1:] - pts[0], axis=1)
    ratio[dim] = dist.max() / dist.min()
    print(f"dim {dim:4d}: farthest / nearest distance = {ratio[dim]:.2f}")
assert ratio[2] > 10 and ratio[1000] < 1.5
