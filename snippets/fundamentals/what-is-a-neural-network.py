"""A one-hidden-layer network learns a circular boundary that a linear model cannot."""

import numpy as np

rng = np.random.default_rng(0)

# Two classes: points inside radius 1 (label 0) and on a ring of radius 2 (label 1).
n = 200
angle = rng.uniform(0, 2 * np.pi, size=n)
radius = np.where(np.arange(n) < n // 2, rng.uniform(0, 1, n), rng.uniform(1.5, 2.5, n))
x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)  # (200, 2)
y = (np.arange(n) >= n // 2).astype(float)[:, None]  # (200, 1)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def train(hidden, steps=3000, lr=0.5):
    """Full-batch gradient descent on binary cross-entropy. hidden=0: logistic regression."""
    d_in = x.shape[1] if hidden == 0 else hidden
    w1 = rng.normal(scale=1.0, size=(2, hidden))
    b1 = np.zeros(hidden)
    w2 = rng.normal(scale=0.1, size=(d_in, 1))
    b2 = np.zeros(1)
    for _ in range(steps):
        h = np.tanh(x @ w1 + b1) if hidden else x  # hidden features, (n, hidden)
        p = sigmoid(h @ w2 + b2)  # predicted probability of class 1
        d_out = (p - y) / n  # dLoss/dlogit for sigmoid + cross-entropy
        g_w2, g_b2 = h.T @ d_out, d_out.sum(axis=0)
        if hidden:
            d_h = (d_out @ w2.T) * (1 - h**2)  # tanh' = 1 - tanh^2
            w1 -= lr * x.T @ d_h
            b1 -= lr * d_h.sum(axis=0)
        w2 -= lr * g_w2
        b2 -= lr * g_b2
    h = np.tanh(x @ w1 + b1) if hidden else x
    p = sigmoid(h @ w2 + b2)
    return np.mean((p > 0.5) == (y > 0.5)), 2 * hidden + hidden + d_in + 1


acc_lin, params_lin = train(hidden=0)
acc_net, params_net = train(hidden=8)
print(f"logistic regression ({params_lin} parameters): training accuracy {acc_lin:.2f}")
print(
    f"network with 8 tanh units ({params_net} parameters): training accuracy {acc_net:.2f}"
)
assert acc_lin < 0.7  # no straight line separates a disc from a ring
assert acc_net == 1.0  # every training point classified correctly
