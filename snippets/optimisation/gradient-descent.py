"""Gradient descent on least squares: gradient check, update rule, convergence."""

import numpy as np

rng = np.random.default_rng(0)
n, d = 200, 3
X = rng.normal(size=(n, d))
w_true = np.array([2.0, -1.0, 0.5])
y = X @ w_true + 0.1 * rng.normal(size=n)


def loss(w):
    r = X @ w - y
    return 0.5 * np.mean(r**2)


def grad(w):
    return X.T @ (X @ w - y) / n


# 1. The analytic gradient agrees with central finite differences.
w0 = np.zeros(d)
h = 1e-6
fd = np.array([(loss(w0 + h * e) - loss(w0 - h * e)) / (2 * h) for e in np.eye(d)])
assert np.allclose(fd, grad(w0), atol=1e-6)

# 2. One step w <- w - eta * grad lowers the loss for a small enough eta.
eta = 0.1
w1 = w0 - eta * grad(w0)
assert loss(w1) < loss(w0)

# 3. Iterating the rule reaches the closed-form least-squares solution.
w = w0.copy()
for _ in range(500):
    w = w - eta * grad(w)
w_star = np.linalg.lstsq(X, y, rcond=None)[0]
assert np.allclose(w, w_star, atol=1e-8)
assert np.linalg.norm(grad(w)) < 1e-8

print(f"max |analytic - finite-diff| grad: {np.max(np.abs(fd - grad(w0))):.1e}")
print(f"loss at w0:          {loss(w0):.4f}")
print(f"loss after 1 step:   {loss(w1):.4f}")
print(f"loss after 500 steps: {loss(w):.6f}")
print(f"GD solution:         {np.round(w, 4)}")
print(f"closed form (lstsq): {np.round(w_star, 4)}")
print(f"gradient norm at end: {np.linalg.norm(grad(w)):.1e}")


# 4. The learning rate is not bounded by 1: what limits it is the curvature. On
# f(w) = 0.05 (w - 3)^2 (second derivative M = 0.1) any eta < 2 / M = 20 converges.
def run(eta, c=0.05, steps=200):
    w = 0.0
    for _ in range(steps):
        w -= eta * 2 * c * (w - 3)
    return w


assert abs(run(eta=5.0) - 3) < 1e-12  # eta = 5 converges (here in one step: eta = 1/M)
assert abs(run(eta=15.0) - 3) < 1e-12  # eta = 15 still converges, oscillating
assert abs(run(eta=21.0) - 3) > 1e3  # past 2 / M it diverges
print("f = 0.05 (w-3)^2: eta=5 and eta=15 converge to 3, eta=21 diverges")
