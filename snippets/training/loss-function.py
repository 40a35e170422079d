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

# Cross-entropy for a 3-class prediction: with a one-hot target, the sum
# -sum_k y_k log p_k reduces to -log of the probability of the true class.
p, one_hot = np.array([0.7, 0.2, 0.1]), np.array([1.0, 0.0, 0.0])
ce = -np.sum(one_hot * np.log(p))
print(f"cross-entropy of p={p} with true class 0: {ce:.4f}")
assert np.isclose(ce, 0.3567, atol=1e-4)

# Accuracy cannot be trained on: for a logistic model (bias 0.3) it is a step function
# of the weight, so its finite-difference gradient is 0 (a small change flips no
# prediction) although it does change over a wider range; cross-entropy's is not 0.
rng = np.random.default_rng(0)
x = rng.normal(size=50)
labels = (x + 0.5 * rng.normal(size=50) > 0).astype(float)


def accuracy(w):
    return np.mean((w * x + 0.3 > 0) == (labels == 1))


def cross_entropy(w):
    q = 1 / (1 + np.exp(-(w * x + 0.3)))
    return -np.mean(labels * np.log(q) + (1 - labels) * np.log(1 - q))


h = 1e-4
d_acc = (accuracy(0.8 + h) - accuracy(0.8 - h)) / (2 * h)
d_ce = (cross_entropy(0.8 + h) - cross_entropy(0.8 - h)) / (2 * h)
steps = {accuracy(w) for w in np.linspace(0.05, 3, 300)}
assert d_acc == 0.0 and abs(d_ce) > 0.01 and len(steps) > 1
print(f"at w = 0.8: d(accuracy)/dw = {d_acc}, d(cross-entropy)/dw = {d_ce:.3f}")
