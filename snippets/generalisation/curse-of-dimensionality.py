"""Check four faces of the curse of dimensionality on the unit hypercube [0, 1]^d."""

import math
from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
dims = [1, 2, 10, 100, 1000]

# 1. Edge of the sub-cube that holds 1 % of uniform data: 0.01 ** (1 / d).
edges = [0.01 ** (1 / d) for d in dims]
print("edge for 1% of data  :", [round(e, 3) for e in edges])
assert math.isclose(edges[2], 0.631, abs_tol=1e-3)

# 2. Volume of the inscribed ball (radius 1/2) as a fraction of the cube.
ball = [math.pi ** (d / 2) * 0.5**d / math.gamma(d / 2 + 1) for d in (2, 3, 10, 20)]
print("ball/cube, d=2,3,10,20:", [f"{v:.3g}" for v in ball])
pts = rng.uniform(size=(200_000, 10))
mc = np.mean(np.sum((pts - 0.5) ** 2, axis=1) <= 0.25)
print("Monte Carlo, d=10    :", f"{mc:.3g}")
assert math.isclose(ball[0], math.pi / 4) and abs(mc - ball[2]) < 5e-4

# 3. Share of the cube within 0.05 of its surface: 1 - 0.9 ** d.
shell = [1 - 0.9**d for d in dims]
print("near the surface     :", [round(s, 3) for s in shell])
assert shell[3] > 0.9999

# 4. Distances concentrate: E||x - y||^2 = d / 6, and the nearest and farthest of
# 500 random points end up almost equally far from a query point.
contrast = []
for d in dims:
    x = rng.uniform(size=(500, d))
    q = rng.uniform(size=d)
    dist = np.linalg.norm(x - q, axis=1)
    contrast.append((dist.max() - dist.min()) / dist.min())
    pair_sq = np.sum((x[:250] - x[250:]) ** 2, axis=1).mean()
    assert abs(pair_sq - d / 6) < 0.05 * d / 6 + 0.02
print("(max - min) / min    :", [f"{c:.3g}" for c in contrast])
assert all(a > b for a, b in pairwise(contrast[1:]))  # falls from d = 2 on
assert contrast[-1] < 0.15

# Figure: farthest / nearest distance from a query to 500 uniform points, against d
# (median over 20 queries; fresh samples, so the numbers differ a little from those above).
import matplotlib.pyplot as plt

fig_dims = np.unique(np.round(np.logspace(0, 3, 16)).astype(int))
ratio = []
for d in fig_dims:
    x = rng.uniform(size=(500, d))
    dist = np.linalg.norm(x[None, :, :] - rng.uniform(size=(20, 1, d)), axis=2)
    ratio.append(np.median(dist.max(axis=1) / dist.min(axis=1)))
ratio = np.array(ratio)
print("farthest/nearest, d = 1, 10, 100, 1000:",
      [f"{ratio[list(fig_dims).index(d)]:.3g}" for d in (1, 10, 100, 1000)])
assert ratio[-1] < 1.15 and ratio[0] > 10

fig, ax = plt.subplots()
ax.loglog(fig_dims, ratio, "o-", label="median over 20 query points")
ax.axhline(1.0, color="grey", linestyle="--", linewidth=1, label="ratio 1 (all equally far)")
ax.set_xlabel("dimension d")
ax.set_ylabel("farthest / nearest distance")
ax.legend()
fig.savefig("distance-ratio.svg")
plt.close(fig)
