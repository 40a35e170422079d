"""L2 penalty vs decoupled weight decay: same under SGD, different under Adam."""

import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(100, 3))
y = X @ np.array([1.0, -2.0, 3.0])


def loss_grad(w):
    return X.T @ (X @ w - y) / len(y)


# 1. SGD: an L2 term lam/2 |w|^2 in the loss is exactly weight decay by eta * lam.
eta, lam = 0.05, 0.1
w_l2 = w_wd = np.ones(3)
for _ in range(100):
    w_l2 = w_l2 - eta * (loss_grad(w_l2) + lam * w_l2)
    w_wd = (1 - eta * lam) * w_wd - eta * loss_grad(w_wd)
assert np.allclose(w_l2, w_wd)
print(f"SGD, max |L2 - weight decay| after 100 steps: {np.abs(w_l2 - w_wd).max():.1e}")


def adam(mode, lam, sigma, steps, lr=1e-3, seed=0):
    """Adam on a loss whose gradient is pure noise of std sigma, with decay."""
    r = np.random.default_rng(seed)
    w, m, v = np.ones_like(sigma), np.zeros_like(sigma), np.zeros_like(sigma)
    for t in range(1, steps + 1):
        g = sigma * r.normal(size=sigma.shape)
        if mode == "l2":
            g = g + lam * w  # penalty gradient goes through m and v
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        step = (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        if mode == "adamw":
            w = w - lr * lam * w  # decay applied directly, not normalised
        w = w - lr * step
    return w


# 2. No loss gradient at all: Adam + L2 normalises lam * w away, so the strength
#    lam hardly matters; AdamW shrinks by exactly (1 - lr * lam) per step.
zero = np.zeros(1)
l2_strong, l2_weak = adam("l2", 1e-2, zero, 500), adam("l2", 1e-4, zero, 500)
w_strong, w_weak = adam("adamw", 1e-2, zero, 500), adam("adamw", 1e-4, zero, 500)
assert abs(l2_strong[0] - l2_weak[0]) < 1e-3
assert np.isclose(w_strong[0], (1 - 1e-3 * 1e-2) ** 500)
assert np.isclose(w_weak[0], (1 - 1e-3 * 1e-4) ** 500)
print(f"500 steps, lam=1e-2 vs 1e-4: Adam+L2 {l2_strong[0]:.4f} vs {l2_weak[0]:.4f}")
print(f"                             AdamW   {w_strong[0]:.4f} vs {w_weak[0]:.4f}")

# 3. Two weights whose loss gradients are noisy at very different scales.
sigma, lam, T = np.array([10.0, 0.001]), 0.1, 3000
w_l2, w_adamw = adam("l2", lam, sigma, T), adam("adamw", lam, sigma, T)
target = (1 - 1e-3 * lam) ** T  # 0.741: decay factor of AdamW
print(f"gradient noise std {sigma}:")
print(f"  Adam + L2: w = {np.round(w_l2, 4)}  (large-gradient weight barely decayed)")
print(f"  AdamW:     w = {np.round(w_adamw, 4)}  (both near {target:.3f})")
assert w_l2[0] > 0.9 and w_l2[1] < 0.01
assert np.all(np.abs(w_adamw - target) < 0.15)
