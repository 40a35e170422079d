"""Shows that the loss sets the optimum: squared error -> mean, absolute -> median."""

import numpy as np

y = np.array([1.0, 2.0, 2.0, 3.0, 12.0])      # targets with one outlier


def cost(c, per_example):
    """Cost = average of the per-example losses for the constant prediction c."""
    return np.mean(per_example(c, y))


def squared(c, t):
    return (c - t) ** 2


def absolute(c, t):
    return np.abs(c - t)


grid = np.linspace(0, 13, 130001)
best_sq = grid[np.argmin([cost(c, squared) for c in grid])]
best_abs = grid[np.argmin([cost(c, absolute) for c in grid])]
print(f"targets {y}")
print(f"minimiser of mean squared error  = {best_sq:.3f} (mean   = {y.mean():.3f})")
print(f"minimiser of mean absolute error = {best_abs:.3f} "
      f"(median = {np.median(y):.3f})")
assert np.isclose(best_sq, y.mean(), atol=1e-3)
assert np.isclose(best_abs, np.median(y), atol=1e-3)

# Gradient descent on the cost: the gradient of MSE is 2 * mean(c - y).
c = 0.0
for _ in range(200):
    c -= 0.1 * 2 * np.mean(c - y)
print(f"gradient descent on MSE from c=0 reaches {c:.4f}")
assert np.isclose(c, y.mean())

# Cross-entropy for a 3-class prediction: -log of the probability of the true class.
p, true_class = np.array([0.7, 0.2, 0.1]), 0
ce = -np.log(p[true_class])
print(f"cross-entropy of p={p} with true class 0: {ce:.4f}")
assert np.isclose(ce, 0.3567, atol=1e-4)
