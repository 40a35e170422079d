"""Best SGD step size versus batch size on a quadratic: linear scaling, then saturation."""

from itertools import product

import numpy as np

rng = np.random.default_rng(0)
n, d = 40, 3
X = rng.normal(size=(n, d)) * [1.0, 0.5, 0.2]
y = X @ np.array([1.0, -2.0, 0.5]) + 0.5 * rng.normal(size=n)
w_star = np.linalg.lstsq(X, y, rcond=None)[0]
w = w_star + np.array([0.05, -0.05, 0.1])  # late in training: near the minimum


def loss(v):
    return 0.5 * np.mean((X @ v - y) ** 2)


per_ex = X * (X @ w - y)[:, None]           # gradient of each example's loss
G, H = per_ex.mean(0), X.T @ X / n           # full gradient and Hessian (exact: quadratic)
Sigma = np.cov(per_ex.T, bias=True)          # per-example gradient covariance


def expected_loss(eps, B):
    """E[L(w - eps * g_B)] for a batch of B examples drawn with replacement."""
    return loss(w) - eps * (G @ G) + 0.5 * eps**2 * (G @ H @ G + np.trace(H @ Sigma) / B)


# Check the formula exactly by enumerating every possible batch of size 1 and 2.
for B in (1, 2):
    for eps in (0.1, 0.7, 1.5):
        batches = product(range(n), repeat=B)
        exact = np.mean([loss(w - eps * per_ex[list(idx)].mean(0)) for idx in batches])
        assert np.isclose(exact, expected_loss(eps, B), rtol=1e-12)
print("expected loss after one step matches enumeration over all batches (B = 1, 2)")

eps_max = G @ G / (G @ H @ G)
B_noise = np.trace(H @ Sigma) / (G @ H @ G)
print(f"noise scale B_noise = {B_noise:.1f}; best step with the exact gradient = {eps_max:.3f}")
print("    B  best lr  best lr / eps_max  gain per step / max  lr ratio vs B/4")
prev, bests = None, {}
for B in (1, 4, 16, 64, 256, 1024, 4096):
    grid = np.geomspace(1e-4, 2 * eps_max, 200001)
    best = grid[np.argmin(expected_loss(grid, B))]
    assert np.isclose(best, eps_max / (1 + B_noise / B), rtol=1e-4)
    gain = (loss(w) - expected_loss(best, B)) / (loss(w) - expected_loss(eps_max, np.inf))
    ratio = "" if prev is None else f"{best / prev:.2f}"
    print(f"{B:5d}  {best:7.4f}  {best / eps_max:17.3f}  {gain:19.3f}  {ratio:>15s}")
    prev = bests[B] = best
assert np.isclose(bests[4] / bests[1], 4, rtol=0.05)  # linear regime
assert bests[4096] / bests[1024] < 1.1                 # saturated: 4x batch, < 10% more lr
print("B << B_noise: 4x the batch, about 4x the best lr; B >> B_noise: barely any change")

# Figure: best step size against batch size (log-log) with its two asymptotes.
import matplotlib.pyplot as plt

Bs = np.geomspace(1, 4096, 200)
fig, ax = plt.subplots()
ax.loglog(Bs, eps_max / (1 + B_noise / Bs), "-",
          label=r"$\epsilon_{\mathrm{opt}}(B) = \epsilon_{\max} / (1 + B_{\mathrm{noise}} / B)$")
ax.loglog(list(bests), list(bests.values()), "ko", label="grid search (table above)")
ax.loglog(Bs, eps_max * Bs / B_noise, ":", color="grey", label="linear scaling")
ax.axhline(eps_max, color="grey", linestyle="--", linewidth=1, label=r"$\epsilon_{\max}$")
ax.axvline(B_noise, color="C3", linewidth=1)
ax.text(B_noise * 1.15, bests[1] * 1.5, rf"$B_{{\mathrm{{noise}}}}$ = {B_noise:.1f}", color="C3")
ax.set_ylim(bests[1] / 2, eps_max * 2.5)
ax.set_xlabel("batch size B")
ax.set_ylabel("best learning rate")
ax.legend(loc="upper left", fontsize=9)
fig.savefig("best-lr.svg")
plt.close(fig)
