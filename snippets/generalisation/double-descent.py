"""Show model-wise double descent in min-norm least squares and its removal by ridge."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
n, big_d, sigma, trials = 40, 500, 0.5, 30
beta = rng.normal(size=big_d) / np.sqrt(big_d)  # signal spread over 500 features
ps = [5, 20, 30, 38, 40, 42, 50, 80, 200, 500]

# For x ~ N(0, I) the expected test MSE of weights w (padded with zeros for the
# features the model does not see) is ||w - beta||^2 + sigma^2.
plain = np.empty((trials, len(ps)))
ridge = np.empty((trials, len(ps)))
norms = np.empty((trials, len(ps)))
for t in range(trials):
    x = rng.normal(size=(n, big_d))
    y = x @ beta + sigma * rng.normal(size=n)
    for i, p in enumerate(ps):
        xp = x[:, :p]
        rest = np.sum(beta[p:] ** 2)
        w = np.linalg.pinv(xp) @ y  # least squares; the minimum-norm fit if p > n
        plain[t, i] = np.sum((w - beta[:p]) ** 2) + rest + sigma**2
        norms[t, i] = np.linalg.norm(w)
        # Ridge with the Bayes-optimal strength for this model
        lam = p * (sigma**2 + rest) / np.sum(beta[:p] ** 2)
        w = xp.T @ np.linalg.solve(xp @ xp.T + lam * np.eye(n), y)
        ridge[t, i] = np.sum((w - beta[:p]) ** 2) + rest + sigma**2
plain, ridge = np.median(plain, axis=0), np.median(ridge, axis=0)

null = np.sum(beta**2) + sigma**2  # test MSE of always predicting 0
print(f"n = {n} training points; always predicting 0 gives MSE {null:.3f}")
print("features p   min-norm LS   tuned ridge   (median test MSE)")
for p, a, b in zip(ps, plain, ridge):
    print(f"{p:10d}  {a:12.3f}  {b:12.3f}")

# Past p = n, the minimum-norm interpolant gets smaller as features are added.
assert np.all(np.diff(norms[:, 4:], axis=1) <= 1e-9)
assert ps[int(np.argmax(plain))] == n  # the interpolation threshold is the worst
assert all(a < b for a, b in pairwise(plain[:5]))  # weak signal: no first descent here
assert all(a > b for a, b in pairwise(plain[4:]))  # second descent after p = n
assert plain[-1] < plain[:4].min()  # the widest model beats every p < n model
assert plain[-1] < null  # ... and the trivial predictor
assert np.all(ridge <= plain + 1e-9) and ridge.max() < null + 0.05  # ridge: no peak

# Figure: median test MSE against the number of features, on log-log axes.
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot(ps, plain, marker="o", label="minimum-norm least squares")
ax.plot(ps, ridge, marker="s", linestyle="--", label="ridge, tuned strength")
ax.axhline(null, color="grey", linestyle=":", label=f"always predict 0 ({null:.2f})")
ax.axvline(n, color="black", linewidth=0.8)
ax.text(n / 1.08, 60, f"p = n = {n}:\ninterpolation\nthreshold", fontsize=9, va="top", ha="right")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("number of features p")
ax.set_ylabel("median test MSE (log scale)")
ax.legend(fontsize=9, loc="upper right")
fig.savefig("double-descent.svg")
plt.close(fig)
print("figure: double-descent.svg")
