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

# Figure: the path of gradient descent on the contours of a 2-weight least-squares loss
# whose two features are correlated, so the bowl is a long, narrow valley.
import matplotlib.pyplot as plt

X2 = np.column_stack([X[:, 0], X[:, 0] + 0.4 * X[:, 1]])
y2 = X2 @ np.array([2.0, -1.0]) + 0.1 * rng.normal(size=n)
H2 = X2.T @ X2 / n  # Hessian of 0.5 * mean squared residual
eig = np.linalg.eigvalsh(H2)
eta2 = 1.6 / eig[-1]  # below the stability limit 2 / M
path = [np.array([-1.0, 3.0])]
for _ in range(40):
    path.append(path[-1] - eta2 * X2.T @ (X2 @ path[-1] - y2) / n)
path = np.array(path)
losses2 = 0.5 * np.mean((path @ X2.T - y2) ** 2, axis=1)
assert np.all(np.diff(losses2) < 0)  # every step lowers the loss
print(f"2-D figure: condition number {eig[-1] / eig[0]:.1f}, eta = 1.6 / M,"
      f" loss {losses2[0]:.3f} -> {losses2[-1]:.4f} in 40 steps")

g1, g2 = np.meshgrid(np.linspace(-2, 5, 80), np.linspace(-4, 4, 80))
grid = np.stack([g1.ravel(), g2.ravel()], axis=1)
L2 = (0.5 * np.mean((grid @ X2.T - y2) ** 2, axis=1)).reshape(g1.shape)
fig, ax = plt.subplots()
ax.contour(g1, g2, L2, levels=np.geomspace(0.01, 40, 10), colors="grey",
           linewidths=0.8)
ax.plot(path[:, 0], path[:, 1], "o-", markersize=3, color="C0", label="gradient descent")
w2_star = np.linalg.lstsq(X2, y2, rcond=None)[0]
ax.plot(*w2_star, "k*", markersize=12, label="minimum")
ax.set_xlabel("$w_1$")
ax.set_ylabel("$w_2$")
ax.legend(loc="upper right")
fig.savefig("gd-path.svg")
plt.close(fig)
