"""Fit a stagewise additive model (boosted stumps) and check its loss and structure."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
n = 400
x = rng.uniform(-1, 1, size=(n, 2))
y = np.sin(np.pi * x[:, 0]) + x[:, 1] ** 2 + 0.1 * rng.normal(size=n)


def fit_stump(x, r):
    """Least-squares stump on residuals r: (feature, threshold, left, right)."""
    best = (np.inf, 0, 0.0, 0.0, 0.0)
    for j in range(x.shape[1]):
        order = np.argsort(x[:, j])
        xs, rs = x[order, j], r[order]
        csum = np.cumsum(rs)
        k = np.arange(1, len(rs))  # left part holds the first k points
        left_mean = csum[:-1] / k
        right_mean = (csum[-1] - csum[:-1]) / (len(rs) - k)
        # SSE = sum r^2 - k * left_mean^2 - (n - k) * right_mean^2
        sse = (rs**2).sum() - k * left_mean**2 - (len(rs) - k) * right_mean**2
        i = int(np.argmin(sse))
        if sse[i] < best[0]:
            thr = 0.5 * (xs[i] + xs[i + 1])
            best = (sse[i], j, thr, left_mean[i], right_mean[i])
    return best[1:]


def stump_predict(x, j, thr, left, right):
    return np.where(x[:, j] <= thr, left, right)


nu, rounds = 0.1, 300  # shrinkage (learning rate) and number of stages
f = np.full(n, y.mean())  # F_0: a constant
stages = []
losses = [np.mean((y - f) ** 2)]
for m in range(rounds):
    residual = y - f  # = negative gradient of 0.5 * (y - F)^2 with respect to F
    params = fit_stump(x, residual)
    f = f + nu * stump_predict(x, *params)  # F_m = F_{m-1} + nu * b(x; gamma_m)
    stages.append(params)
    losses.append(np.mean((y - f) ** 2))
    if m + 1 in (1, 10, 50, 300):
        print(f"stage {m + 1:3d}: training MSE {losses[-1]:.4f}")

assert all(b <= a + 1e-12 for a, b in pairwise(losses))  # never increases
assert losses[-1] < 0.02


def model(points):
    out = np.full(len(points), y.mean())
    for params in stages:
        out += nu * stump_predict(points, *params)
    return out


# Each stump uses one feature, so F(x1, x2) = g1(x1) + g2(x2): no interactions.
a, b, c, d = -0.7, 0.4, -0.2, 0.9
pts = np.array([[a, c], [a, d], [b, c], [b, d]])
fa_c, fa_d, fb_c, fb_d = model(pts)
contrast = fa_c - fa_d - fb_c + fb_d
print(f"interaction contrast F(a,c) - F(a,d) - F(b,c) + F(b,d) = {contrast:.2e}")
assert abs(contrast) < 1e-10
