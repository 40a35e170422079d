"""Reproduce a constant validation accuracy (dead ReLUs) and check the diagnosis and fix."""

import numpy as np

rng = np.random.default_rng(0)


def make_data(n):
    """Two classes (70% / 30%) of 'pixel' vectors with values in 0..255."""
    y = (rng.random(n) < 0.3).astype(int)
    x = rng.normal(120, 40, (n, 20)) + 25 * y[:, None] * np.linspace(-1, 1, 20)
    return np.clip(x, 0, 255), y


def train(x, y, x_val, y_val, lr, epochs=15, hidden=16):
    w1 = rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], hidden))
    b1, w2, b2 = np.zeros(hidden), rng.normal(0, 0.3, hidden), 0.0
    history = []
    for _ in range(epochs):
        for i in range(0, len(x), 32):
            xb, yb = x[i : i + 32], y[i : i + 32]
            h = np.maximum(xb @ w1 + b1, 0)
            p = 1 / (1 + np.exp(-np.clip(h @ w2 + b2, -30, 30)))
            g = (p - yb) / len(xb)  # d(cross-entropy)/d(logit)
            gh = np.outer(g, w2) * (h > 0)
            w2, b2 = w2 - lr * h.T @ g, b2 - lr * g.sum()
            w1, b1 = w1 - lr * xb.T @ gh, b1 - lr * gh.sum(axis=0)
        h_val = np.maximum(x_val @ w1 + b1, 0)
        pred = (h_val @ w2 + b2 > 0).astype(int)
        history.append(np.mean(pred == y_val))
    return history, h_val, pred


x, y = make_data(2000)
x_val, y_val = make_data(500)
majority = max(np.mean(y_val), 1 - np.mean(y_val))

# Broken: raw 0..255 inputs and a large learning rate.
hist, h_val, pred = train(x, y, x_val, y_val, lr=0.1)
alive = np.mean(np.any(h_val > 0, axis=0))
assert len(set(hist)) == 1 and np.isclose(hist[0], majority) and alive == 0
print("raw inputs, lr=0.1   val acc by epoch:", [f"{a:.3f}" for a in hist[:5]], "...")
print(
    f"  distinct predictions: {np.unique(pred).tolist()}, live hidden units: {alive:.0%}"
)
print(f"  accuracy == fraction of the majority class ({majority:.3f}):", True)

# Fixed: standardise with training statistics and use a smaller learning rate.
mu, sd = x.mean(axis=0), x.std(axis=0)
hist, _, pred = train((x - mu) / sd, y, (x_val - mu) / sd, y_val, lr=0.05)
print("standardised, lr=0.05 val acc by epoch:", [f"{a:.3f}" for a in hist[:5]], "...")
print(f"  final val acc {hist[-1]:.3f} vs majority baseline {majority:.3f}")
assert hist[-1] > majority + 0.1 and len(np.unique(pred)) == 2
