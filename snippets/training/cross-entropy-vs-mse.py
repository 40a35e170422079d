"""Compares cross-entropy and squared-error gradients for sigmoid and softmax."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def mse(z, y):
    return 0.5 * (sigmoid(z) - y) ** 2


def bce(z, y):
    p = sigmoid(z)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def num_grad(f, z, h=1e-6):
    return (f(z + h) - f(z - h)) / (2 * h)


# Binary case: target y = 1, logit z. Analytic gradients with respect to z:
#   MSE: (p - y) * p * (1 - p)      cross-entropy: p - y
y = 1.0
print("   z      p    dMSE/dz   dCE/dz")
for z in (-8.0, -5.0, -2.0, 0.0, 2.0):
    p = sigmoid(z)
    g_mse, g_ce = (p - y) * p * (1 - p), p - y
    assert np.isclose(g_mse, num_grad(lambda t: mse(t, y), z), atol=1e-8)
    assert np.isclose(g_ce, num_grad(lambda t: bce(t, y), z), atol=1e-8)
    print(f"{z:5.1f} {p:7.4f} {g_mse:9.5f} {g_ce:8.4f}")

p = sigmoid(-5.0)
ratio = (1 - p) / ((1 - p) * p * (1 - p))
print(f"at z=-5 (confidently wrong) CE's gradient is {ratio:.0f}x larger than MSE's")
assert ratio > 100
# MSE's gradient magnitude p(1-p)^2 peaks at p = 1/3, i.e. z = ln(1/2); below that,
# the more wrong the prediction, the *smaller* the gradient.
zs = np.linspace(-10, 10, 200001)
mag = sigmoid(zs) * (1 - sigmoid(zs)) ** 2
assert np.isclose(zs[mag.argmax()], np.log(0.5), atol=1e-3)
print(f"MSE gradient is largest at z = {zs[mag.argmax()]:.3f} "
      f"(ln 1/2 = {np.log(0.5):.3f})")

# CE's logit gradient is larger everywhere, by 1 / (p(1-p)) >= 4, so size alone is not the
# point (a 4x larger learning rate would match it at z = 0). The point is the shape: as the
# prediction becomes confidently wrong, CE's gradient tends to 1 and MSE's to 0.
p_all = sigmoid(zs)
ratio_all = np.abs(p_all - 1) / np.abs((p_all - 1) * p_all * (1 - p_all))
assert ratio_all.min() >= 4 - 1e-9
print(f"|dCE/dz| / |dMSE/dz| over z in [-10, 10]: min {ratio_all.min():.2f} (at z = 0)")
g_mse_lr4 = 4 * (p_all - 1) * p_all * (1 - p_all)  # MSE with a 4x learning rate
assert np.all(np.abs(g_mse_lr4) <= np.abs(p_all - 1) + 1e-12)
assert abs(g_mse_lr4[0]) < 1e-3 and abs(p_all[0] - 1) > 0.99  # z = -10: vanishes vs ~1

# Softmax case: CE gradient is p - onehot; MSE gradient is J^T (p - onehot).
logits = np.array([6.0, 0.0, 0.0])          # very confident in class 0 ...
target = np.array([0.0, 1.0, 0.0])          # ... but the answer is class 1
p = np.exp(logits - logits.max())
p /= p.sum()
jac = np.diag(p) - np.outer(p, p)           # d softmax / d logits
g_ce, g_mse = p - target, jac.T @ (p - target)
print("softmax p =", p.round(4))
print(f"||grad CE|| = {np.linalg.norm(g_ce):.4f}  ||grad MSE|| = "
      f"{np.linalg.norm(g_mse):.4f}")
assert np.linalg.norm(g_ce) > 20 * np.linalg.norm(g_mse)

# For softmax, the Jacobian's eigenvalues are at most 1/2, so ||CE grad|| >= 2 ||MSE grad||.
rng = np.random.default_rng(0)
zk = rng.normal(size=(20000, 4)) * rng.uniform(0.1, 6, size=(20000, 1))
pk = np.exp(zk - zk.max(axis=1, keepdims=True))
pk /= pk.sum(axis=1, keepdims=True)
rk = pk - np.eye(4)[rng.integers(4, size=20000)]  # p - y
jr = pk * rk - pk * (pk * rk).sum(axis=1, keepdims=True)  # J (p - y), J = diag(p) - pp^T
worst = (np.linalg.norm(rk, axis=1) / np.linalg.norm(jr, axis=1)).min()
assert worst >= 2 - 1e-9
print(f"softmax, 20,000 random cases: min ||grad CE|| / ||grad MSE|| = {worst:.2f}")

# Convexity in the weight of a one-input logistic model (x = 1, y = 1):
# cross-entropy's second derivative p(1-p) >= 0 everywhere, MSE's turns negative.
w = np.linspace(-6, 6, 1201)
h = 1e-3
d2_mse = (mse(w + h, 1) - 2 * mse(w, 1) + mse(w - h, 1)) / h**2
d2_ce = (bce(w + h, 1) - 2 * bce(w, 1) + bce(w - h, 1)) / h**2
assert d2_ce.min() > 0 and d2_mse.min() < 0
print(f"min second derivative: CE {d2_ce.min():.2e}, MSE {d2_mse.min():.3f}"
      " (MSE+sigmoid is not convex)")
