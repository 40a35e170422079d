"""A Bradley-Terry reward model: loss, gradient, what it identifies, how well it can do."""

import itertools
import math

import numpy as np

rng = np.random.default_rng(0)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def bt_loss(w, f_win, f_lose):
    """Mean of -log sigmoid(r_w - r_l) for a linear reward r(y) = w . features(y)."""
    margin = (f_win - f_lose) @ w
    return np.mean(np.logaddexp(0.0, -margin))


def bt_grad(w, f_win, f_lose):
    d = f_win - f_lose
    return ((sigmoid(d @ w) - 1.0)[:, None] * d).mean(0)


# Worked example: rewards 1.2 (chosen) and 0.4 (rejected).
p = sigmoid(1.2 - 0.4)
print(f"P(chosen > rejected) = sigmoid(0.8) = {p:.3f}, loss = {-math.log(p):.3f}")
assert abs(p - 0.690) < 5e-4
# A labeller who prefers A 70% of the time implies a reward gap of log(0.7/0.3).
print(f"70% preference <=> reward gap {math.log(0.7 / 0.3):.3f}")

# Data: answers described by 4 features; hidden utility w_true; labels from Bradley-Terry.
d, n = 4, 20000
w_true = np.array([1.5, -1.0, 0.5, 0.0])
fa, fb = rng.normal(size=(n, d)), rng.normal(size=(n, d))
a_wins = rng.random(n) < sigmoid((fa - fb) @ w_true)
f_win, f_lose = np.where(a_wins[:, None], fa, fb), np.where(a_wins[:, None], fb, fa)
train, test = slice(0, 16000), slice(16000, None)

# The analytic gradient matches finite differences.
w0 = rng.normal(size=d)
num = np.array([(bt_loss(w0 + h, f_win[:500], f_lose[:500])
                 - bt_loss(w0 - h, f_win[:500], f_lose[:500])) / 2e-6
                for h in 1e-6 * np.eye(d)])
assert np.allclose(num, bt_grad(w0, f_win[:500], f_lose[:500]), atol=1e-7)

# Only differences matter: adding the same constant to both rewards changes nothing.
shifted = sigmoid((f_win[:5] @ w0 + 3.0) - (f_lose[:5] @ w0 + 3.0))
assert np.allclose(shifted, sigmoid((f_win[:5] - f_lose[:5]) @ w0))

# Fit by gradient descent; the maximum-likelihood weights recover w_true.
w = np.zeros(d)
for _ in range(500):
    w -= 1.0 * bt_grad(w, f_win[train], f_lose[train])
assert np.abs(w - w_true).max() < 0.1
print("fitted weights", w.round(2), " true", w_true)

# Held-out accuracy is capped well below 100% by the labels' own noise.
acc = np.mean((f_win[test] - f_lose[test]) @ w > 0)
bayes = np.mean(sigmoid(np.abs((fa[test] - fb[test]) @ w_true)))
assert acc < bayes + 0.02 and acc > bayes - 0.03
print(f"held-out accuracy {acc:.3f}; best possible (true reward) {bayes:.3f}")

# A ranking of K answers yields K(K-1)/2 pairs; each answer sits in K-1 of them.
K = 4
pairs = list(itertools.combinations(range(K), 2))
appearances = np.bincount(np.ravel(pairs), minlength=K)
assert len(pairs) == 6 and np.all(appearances == K - 1)
print(f"ranking of {K} answers -> {len(pairs)} comparison pairs, each answer in {K - 1}")
