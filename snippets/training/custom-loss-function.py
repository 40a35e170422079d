"""Fits a demand forecaster with an asymmetric (pinball) loss and checks its optimum."""

import numpy as np

rng = np.random.default_rng(0)
C_UNDER, C_OVER = 4.0, 1.0            # cost per unit of missed demand / unsold stock
TAU = C_UNDER / (C_UNDER + C_OVER)    # 0.8: the quantile that minimises expected cost


def pinball(pred, y, tau=TAU):
    """Mean pinball loss: tau * under-prediction + (1 - tau) * over-prediction."""
    r = y - pred
    return np.mean(np.maximum(tau * r, (tau - 1) * r))


def pinball_grad(pred, y, tau=TAU):
    """d loss / d pred (a subgradient at r = 0)."""
    r = y - pred
    return np.where(r > 0, -tau, 1 - tau) / len(y)


def business_cost(pred, y):
    return np.mean(C_UNDER * np.maximum(y - pred, 0) + C_OVER * np.maximum(pred - y, 0))


# Gradient check away from the kink.
p0, y0 = rng.normal(size=50), rng.normal(size=50)
num = np.array([(pinball(p0 + e, y0) - pinball(p0 - e, y0)) / 2e-7
                for e in np.eye(50) * 1e-7])
assert np.allclose(pinball_grad(p0, y0), num, atol=1e-6)

# Demand = 10 + 2 x + noise, noise ~ N(0, 3^2).
x = rng.uniform(0, 5, 5000)
y = 10 + 2 * x + rng.normal(0, 3, 5000)
feats = np.column_stack([np.ones_like(x), x])


def fit(grad_fn, steps=20000, lr=0.05):
    w = np.zeros(2)
    for _ in range(steps):
        w -= lr * feats.T @ grad_fn(feats @ w, y)
    return w


w_q = fit(pinball_grad)
w_mse = fit(lambda p, t: 2 * (p - t) / len(t), steps=5000, lr=0.02)
z80 = 0.8416                           # standard normal 0.8 quantile
print(f"pinball fit: intercept {w_q[0]:.2f} (theory 10 + 3*{z80} = {10 + 3 * z80:.2f}),"
      f" slope {w_q[1]:.2f}")
print(f"MSE fit:     intercept {w_mse[0]:.2f}, slope {w_mse[1]:.2f}")
covered = np.mean(y <= feats @ w_q)
print(f"share of demand covered by the pinball forecast: {covered:.3f} (target {TAU})")
cost_q, cost_mse = business_cost(feats @ w_q, y), business_cost(feats @ w_mse, y)
print(f"average business cost: pinball {cost_q:.3f} vs MSE {cost_mse:.3f}")
assert abs(covered - TAU) < 0.02
assert abs(w_q[0] - (10 + 3 * z80)) < 0.3 and abs(w_q[1] - 2) < 0.1
assert abs(w_mse[0] - 10) < 0.3
assert cost_q < 0.85 * cost_mse
# The pinball loss is the business cost divided by (C_UNDER + C_OVER) = 5.
assert np.isclose(cost_q, (C_UNDER + C_OVER) * pinball(feats @ w_q, y))
