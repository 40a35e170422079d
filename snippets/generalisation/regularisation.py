"""Sweep an L2 penalty on a degree-11 polynomial fitted to 12 noisy points."""

import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
sigma = 0.3
n, degree = 12, 11
x = np.sort(rng.uniform(-1, 1, n))
y = np.sin(np.pi * x) + sigma * rng.normal(size=n)
x_val = rng.uniform(-1, 1, 5000)
y_val = np.sin(np.pi * x_val) + sigma * rng.normal(size=x_val.size)
phi = legendre.legvander(x, degree)  # 12 x 12 design matrix
phi_val = legendre.legvander(x_val, degree)

lams = [0.0, 1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0]
norms, train, val = [], [], []
print("lambda    ||w||    train MSE  val MSE")
for lam in lams:
    # minimise ||phi w - y||^2 + lam * ||w||^2
    w = np.linalg.solve(phi.T @ phi + lam * np.eye(degree + 1), phi.T @ y)
    norms.append(np.linalg.norm(w))
    train.append(np.mean((phi @ w - y) ** 2))
    val.append(np.mean((phi_val @ w - y_val) ** 2))
    print(f"{lam:6.0e}  {norms[-1]:8.2f}  {train[-1]:9.4f}  {val[-1]:8.3g}")

best = int(np.argmin(val))
print("best lambda on validation:", lams[best])
assert np.all(np.diff(norms) < 0)  # a stronger penalty always gives smaller weights
assert np.all(np.diff(train) > 0)  # ... and a worse fit to the training data
assert 0 < best < len(lams) - 1  # validation error is U-shaped in lambda
assert val[0] > 100 * val[best] and val[-1] > 1.5 * val[best]

# Weight decay versus an L2 term in the loss, over 200 steps from the same start:
# identical under plain SGD, different under Adam (which rescales the L2 gradient).
lr, lam = 0.01, 0.1
w0 = rng.normal(size=degree + 1)


def grad(w):
    return phi.T @ (phi @ w - y) / n


def run(adam, decoupled, steps=200, b1=0.9, b2=0.999, eps=1e-8):
    w, m, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    for t in range(1, steps + 1):
        g = grad(w) if decoupled else grad(w) + lam * w
        if adam:
            m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g**2
            g = (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
        w = w - lr * g - (lr * lam * w if decoupled else 0.0)
    return w


sgd_gap = np.abs(run(False, False) - run(False, True)).max()
adam_gap = np.abs(run(True, False) - run(True, True)).max()
print(
    "max |L2-in-loss - decoupled decay| after 200 steps:",
    f"SGD {sgd_gap:.1e}, Adam {adam_gap:.2f}",
)
assert sgd_gap < 1e-12 and adam_gap > 0.05
