"""Perceptron vs logistic regression: same boundary form, different loss and behaviour."""

import numpy as np

rng = np.random.default_rng(0)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def blobs(n, shift):
    """Two Gaussian classes in 2-D; a constant 1 is appended for the bias."""
    x = np.vstack([rng.normal(-shift, 1, (n, 2)), rng.normal(shift, 1, (n, 2))])
    y = np.repeat([0.0, 1.0], n)
    return np.hstack([x, np.ones((2 * n, 1))]), y


def logistic_regression(x, y, steps, lr=0.5):
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        w -= lr * x.T @ (sigmoid(x @ w) - y) / len(y)  # gradient of mean log-loss
    return w


# 1. Overlapping classes: the perceptron never settles, logistic regression converges.
x, y = blobs(100, shift=1.0)
w = np.zeros(3)
changed = []
for epoch in range(50):
    w_before = w.copy()
    for xi, yi in zip(x, y):
        w += (yi - (xi @ w > 0)) * xi  # perceptron: update only on mistakes
    changed.append(not np.allclose(w, w_before))
print(f"overlapping data: perceptron weights changed in {sum(changed)}/50 epochs")
assert all(changed)

w_lr = logistic_regression(x, y, steps=5000)
grad = x.T @ (sigmoid(x @ w_lr) - y) / len(y)
p = sigmoid(x[:3] @ w_lr)
print(f"logistic regression: gradient norm {np.linalg.norm(grad):.1e}")
print("logistic regression probabilities for 3 points:", p.round(3))
assert np.linalg.norm(grad) < 1e-6
assert np.all((p > 0) & (p < 1))

# 2. Separable classes: the perceptron stops, logistic regression weights keep growing.
x, y = blobs(50, shift=4.0)
w = np.zeros(3)
for epoch in range(1, 101):
    mistakes = 0
    for xi, yi in zip(x, y):
        err = yi - (xi @ w > 0)
        w += err * xi
        mistakes += abs(err)
    if mistakes == 0:
        break
print(f"separable data: perceptron had an error-free pass at epoch {epoch}")
assert mistakes == 0


def log_loss(x, y, w):
    z = x @ w
    return np.mean(np.logaddexp(0, z) - y * z)


def norm_path(x, y, checkpoints, lr=0.5):
    """|w| and the final w of gradient descent on the mean log-loss."""
    w, out = np.zeros(x.shape[1]), []
    for step in range(1, checkpoints[-1] + 1):
        w -= lr * x.T @ (sigmoid(x @ w) - y) / len(y)
        if step in checkpoints:
            out.append(np.linalg.norm(w))
    return np.array(out), w


steps = (100, 1000, 10000)
sep, w_sep = norm_path(x, y, steps)
print("separable data, logistic regression |w| after 1e2, 1e3, 1e4 steps:", sep.round(2))
# Still growing after 10,000 steps, and the loss has no minimiser: doubling w lowers it.
assert np.diff(sep).min() > 0.3
assert log_loss(x, y, 2 * w_sep) < log_loss(x, y, w_sep)
# Contrast: on overlapping data the norm converges to the finite optimum, where doubling
# w raises the loss.
x_o, y_o = blobs(100, shift=1.0)
ovl, w_ovl = norm_path(x_o, y_o, steps)
print("overlapping data, |w| after 1e2, 1e3, 1e4 steps:", ovl.round(2))
assert ovl[2] - ovl[1] < 0.01  # converged (separable: +0.5 in the same decade)
assert log_loss(x_o, y_o, 2 * w_ovl) > log_loss(x_o, y_o, w_ovl)
