"""Check leaky ReLU: a unit that is dead under ReLU recovers under leaky ReLU."""

import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(256, 2))
y = np.maximum(X[:, 0] + X[:, 1], 0.0)  # target the unit could represent


def act(z, alpha):
    return np.where(z > 0, z, alpha * z)


def act_grad(z, alpha):
    return np.where(z > 0, 1.0, alpha)


def train(alpha, steps=3000, lr=0.5):
    """Fit y ~ act(X w + b) by gradient descent on mean squared error."""
    w, b = np.array([0.5, 0.5]), -5.0  # large negative bias: unit starts 'dead'
    for _ in range(steps):
        z = X @ w + b
        g = (act(z, alpha) - y) * act_grad(z, alpha) / len(y)
        w, b = w - lr * (X.T @ g), b - lr * g.sum()
    z = X @ w + b
    return (z > 0).mean(), np.mean((act(z, alpha) - y) ** 2), b


z0 = X @ np.array([0.5, 0.5]) - 5.0
g_relu = (act(z0, 0.0) - y) * act_grad(z0, 0.0)
g_leaky = (act(z0, 0.01) - y) * act_grad(z0, 0.01)
print("inputs with z > 0 at start    :", (z0 > 0).mean())
print(
    "|grad| at start, ReLU / leaky :",
    np.abs(g_relu).sum(),
    round(np.abs(g_leaky).sum(), 3),
)
assert (z0 <= 0).all() and np.abs(g_relu).sum() == 0.0 and np.abs(g_leaky).sum() > 0

for name, alpha in (("ReLU      ", 0.0), ("leaky 0.01", 0.01)):
    active, mse, b = train(alpha)
    print(f"{name} after training: active {active:.2f}, MSE {mse:.3f}, b {b:.2f}")
    if alpha == 0.0:
        assert active == 0.0 and b == -5.0  # nothing moved: the unit is dead for good
    else:
        assert active > 0.3 and mse < 0.05  # it came back to life and fits the target

# For He-style initialisation: E[f(z)^2] = (1 + alpha^2) / 2 when z ~ N(0, 1).
z = rng.normal(size=400_000)
m2 = (act(z, 0.2) ** 2).mean()
print("E[f(z)^2], alpha = 0.2        :", f"{m2:.3f} (theory {(1 + 0.2**2) / 2})")
assert abs(m2 - 0.52) < 0.005
