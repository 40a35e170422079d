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

# Weight decay: one SGD step on loss + (lam/2)||w||^2 equals shrinking w by
# (1 - lr * lam) and then taking the plain gradient step.
lr, lam = 0.01, 0.1
w = rng.normal(size=degree + 1)
grad = phi.T @ (phi @ w - y)
step_penalty = w - lr * (grad + lam * w)
step_decay = (1 - lr * lam) * w - lr * grad
assert np.allclose(step_penalty, step_decay)
print("L2 gradient step == weight decay step (plain SGD): True")
