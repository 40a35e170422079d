"""Check that an L1 penalty sets weights exactly to zero while L2 only shrinks them."""

import numpy as np

rng = np.random.default_rng(0)


def soft_threshold(z, t):
    """Proximal operator of t * |w|: move z towards 0 by t, stop at 0."""
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


# 1. One weight: minimise 0.5 * (w - z)^2 + penalty(w), by brute force on a grid.
lam = 1.0
z = np.array([-3.0, -0.6, 0.4, 2.5])
grid = np.linspace(-4, 4, 80_001)
l1_grid = [grid[np.argmin(0.5 * (grid - zi) ** 2 + lam * np.abs(grid))] for zi in z]
l2_grid = [grid[np.argmin(0.5 * (grid - zi) ** 2 + 0.5 * lam * grid**2)] for zi in z]
print("unpenalised optimum z   :", z)
print("L1 optimum (grid)       :", np.round(l1_grid, 3))
print("soft_threshold(z, lam)  :", soft_threshold(z, lam) + 0.0)
print("L2 optimum (grid)       :", np.round(l2_grid, 3))
print("z / (1 + lam)           :", z / (1 + lam))
assert np.allclose(l1_grid, soft_threshold(z, lam), atol=1e-4)
assert np.allclose(l2_grid, z / (1 + lam), atol=1e-4)

# 2. Penalty gradients: lam * sign(w) (constant size) versus lam * w.
w = np.array([-2.0, -0.1, 0.05, 3.0])
eps = 1e-6
fd_l1 = lam * (np.abs(w + eps) - np.abs(w - eps)) / (2 * eps)
fd_l2 = 0.5 * lam * ((w + eps) ** 2 - (w - eps) ** 2) / (2 * eps)
assert np.allclose(fd_l1, lam * np.sign(w)) and np.allclose(fd_l2, lam * w)
print("grad of L1 at", w, ":", fd_l1.round(3))
print("grad of L2 at", w, ":", fd_l2.round(3))

# 3. Regression with 3 useful features out of 20.
n, d = 60, 20
x = rng.normal(size=(n, d))
w_true = np.zeros(d)
w_true[[2, 7, 11]] = [3.0, -2.0, 1.5]
y = x @ w_true + 0.5 * rng.normal(size=n)
lam = 20.0
step = 1.0 / np.linalg.norm(x, 2) ** 2  # 1 / Lipschitz constant of the loss gradient

w_l1 = np.zeros(d)  # proximal gradient (ISTA) for 0.5*||y - Xw||^2 + lam*||w||_1
w_sub = np.zeros(d)  # plain subgradient descent on the same objective
for _ in range(3000):
    w_l1 = soft_threshold(w_l1 - step * x.T @ (x @ w_l1 - y), step * lam)
    w_sub = w_sub - step * (x.T @ (x @ w_sub - y) + lam * np.sign(w_sub))
w_l2 = np.linalg.solve(x.T @ x + lam * np.eye(d), x.T @ y)  # ridge, closed form

# Optimality (KKT) check for the L1 solution: |X^T(y - Xw)|_j <= lam where w_j = 0,
# and X^T(y - Xw)_j = lam * sign(w_j) where w_j != 0.
corr = x.T @ (y - x @ w_l1)
active = w_l1 != 0
assert np.all(np.abs(corr[~active]) <= lam + 1e-6)
assert np.allclose(corr[active], lam * np.sign(w_l1[active]), atol=1e-6)

print("exact zeros, L1 (ISTA)  :", int(np.sum(w_l1 == 0)), "of", d)
print("exact zeros, L2 (ridge) :", int(np.sum(w_l2 == 0)), "of", d)
print("exact zeros, L1 subgrad :", int(np.sum(w_sub == 0)), "of", d)
print("L1 keeps features       :", np.flatnonzero(active))
print("smallest |w|, L2        :", f"{np.abs(w_l2).min():.2e}")
print("smallest |w|, L1 subgrad:", f"{np.abs(w_sub).min():.2e}")
assert set(np.flatnonzero(w_true)) <= set(np.flatnonzero(active))
assert np.sum(w_l1 == 0) >= 12
assert np.sum(w_l2 == 0) == 0 and np.sum(w_sub == 0) == 0

# 4. Figure: the constrained view. Minimise the quadratic loss (w - c)^T A (w - c) over
# the L1 ball |w1| + |w2| <= 1 and the L2 ball w1^2 + w2^2 <= 1, by scanning the boundary
# (c lies outside both balls, so the optimum is on the boundary).
import matplotlib.pyplot as plt

c = np.array([2.0, 0.9])  # unconstrained optimum
a_mat = np.array([[1.0, 0.45], [0.45, 0.6]])
theta = np.linspace(-np.pi, np.pi, 3601)  # contains 0, i.e. the corner (1, 0)
ray = np.stack([np.cos(theta), np.sin(theta)], axis=1)
balls = {"L1: |w1| + |w2| ≤ 1": ray / np.abs(ray).sum(axis=1, keepdims=True),
         "L2: w1² + w2² ≤ 1": ray}


def quad_loss(w):
    diff = w - c
    return np.einsum("...i,ij,...j->...", diff, a_mat, diff)


g1, g2 = np.meshgrid(np.linspace(-1.5, 3.2, 95), np.linspace(-1.5, 2.2, 75))
surface = quad_loss(np.stack([g1, g2], axis=-1))
fig, axes = plt.subplots(1, 2, sharey=True)
best = {}
for ax, (name, edge) in zip(axes, balls.items()):
    losses = quad_loss(edge)
    w_opt = edge[losses.argmin()]
    best[name[:2]] = w_opt
    ax.fill(edge[::20, 0], edge[::20, 1], color="C0", alpha=0.25, linewidth=1.2,
            edgecolor="C0")
    ax.contour(g1, g2, surface, levels=[0.2, 0.7, 1.4], colors="grey", linewidths=0.7)
    ax.contour(g1, g2, surface, levels=[losses.min()], colors="C1", linewidths=1.6,
               linestyles="--")
    ax.plot(*c, marker="x", color="black", linestyle="none")
    ax.plot(*w_opt, marker="o", color="C3", markersize=7, linestyle="none")
    ax.annotate(f"({w_opt[0]:.2f}, {w_opt[1]:.2f})", w_opt, xytext=(w_opt[0] - 0.2, -1.2),
                fontsize=9, arrowprops={"arrowstyle": "->"})
    ax.set_title(name, fontsize=10)
    ax.set_aspect("equal")
    ax.set_xlabel("w1")
axes[0].set_ylabel("w2")
print("constrained optimum, L1 ball:", best["L1"].round(3), " L2 ball:", best["L2"].round(3))
assert best["L1"][1] == 0.0 and best["L1"][0] == 1.0  # a corner: w2 exactly 0
assert np.all(np.abs(best["L2"]) > 0.4)  # on the circle, both weights stay non-zero
fig.savefig("constraints.svg")
plt.close(fig)
print("figure: constraints.svg")
