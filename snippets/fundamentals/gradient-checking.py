"""Gradient checking: central vs forward differences, step size, and catching a bug."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(50, 5))
y = (rng.uniform(size=50) < 0.5).astype(float)
w0 = rng.normal(size=5)


def loss(w):
    """Mean logistic (binary cross-entropy) loss, computed stably."""
    z = x @ w
    return np.mean(np.logaddexp(0.0, z) - y * z)


def grad(w):
    return x.T @ (1 / (1 + np.exp(-(x @ w))) - y) / len(y)


def grad_buggy(w):
    return x.T @ (1 / (1 + np.exp(-(x @ w))) - y)  # forgot to divide by n


def numeric(f, w, h, central=True):
    g = np.zeros_like(w)
    for i in range(len(w)):
        e = np.zeros_like(w)
        e[i] = h
        g[i] = (f(w + e) - f(w - e)) / (2 * h) if central else (f(w + e) - f(w)) / h
    return g


def rel_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


exact = grad(w0)
print("    h      forward diff   central diff   (relative error)")
errs = {}
for h in [1e-1, 1e-3, 1e-5, 1e-8, 1e-11]:
    fwd = rel_error(numeric(loss, w0, h, central=False), exact)
    cen = rel_error(numeric(loss, w0, h), exact)
    errs[h] = (fwd, cen)
    print(f"{h:7.0e}   {fwd:11.1e}   {cen:11.1e}")
# Truncation error: forward is O(h), central O(h^2); tiny h is ruined by round-off.
assert errs[1e-3][0] / errs[1e-1][0] < 0.03  # about 100x smaller for 100x smaller h
assert errs[1e-3][1] / errs[1e-1][1] < 3e-4  # about 10,000x smaller
assert errs[1e-5][1] < 1e-9
assert 1e-7 < errs[1e-5][0] < 1e-5  # forward difference stalls near 1e-6 at h = 1e-5
assert errs[1e-11][1] > 100 * errs[1e-5][1]

bug = rel_error(grad_buggy(w0), numeric(loss, w0, 1e-5))
print(f"buggy gradient (missing 1/n): relative error {bug:.2f}")
assert abs(bug - 49 / 51) < 1e-6  # 50 g vs g: |49 g| / |51 g|
