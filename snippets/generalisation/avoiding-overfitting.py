"""Show early stopping and more data both cut overfitting of a random-feature model."""

import numpy as np

rng = np.random.default_rng(0)
sigma = 0.3  # label noise; the best achievable MSE is sigma^2 = 0.09
width = 40  # random ReLU features: h_k(x) = max(a_k x + b_k, 0)
a = 3.0 * rng.normal(size=width)
b = rng.uniform(-3, 3, size=width)


def features(x):
    return np.maximum(np.outer(x, a) + b, 0.0)


def sample(n):
    x = rng.uniform(-1, 1, size=n)
    return features(x), np.sin(np.pi * x) + sigma * rng.normal(size=n)


def gd_weights(phi, y, steps):
    """Gradient descent on the squared error from w = 0, in closed form via the SVD.

    With step size 1/s_max^2, after t steps each singular direction k has moved a
    fraction 1 - (1 - s_k^2 / s_max^2)^t of the way to the least-squares solution.
    """
    u, s, vt = np.linalg.svd(phi, full_matrices=False)
    keep = s > 1e-10 * s[0]
    u, s, vt = u[:, keep], s[keep], vt[keep]
    shrink = 1.0 - (1.0 - (s / s[0]) ** 2) ** steps
    return vt.T @ (shrink / s * (u.T @ y))


phi_val, y_val = sample(4000)
phi_small, y_small = sample(20)
print("20 training points, 40 features")
print("ridge uses lambda = 1/(eta t); gap = ||w_gd - w_ridge|| / ||w_ridge||")
print("GD steps t  train MSE  val MSE  ridge val MSE   gap")
val = []
steps_list = [10**k for k in range(1, 9)]
eta = 1.0 / np.linalg.norm(phi_small, 2) ** 2  # the step size used by gd_weights
for steps in steps_list:
    w = gd_weights(phi_small, y_small, steps)
    tr = np.mean((phi_small @ w - y_small) ** 2)
    val.append(np.mean((phi_val @ w - y_val) ** 2))
    # Early stopping after t steps ~ L2 penalty lambda = 1 / (eta t).
    gram = phi_small.T @ phi_small + np.eye(width) / (eta * steps)
    w_ridge = np.linalg.solve(gram, phi_small.T @ y_small)
    val_ridge = np.mean((phi_val @ w_ridge - y_val) ** 2)
    dist = np.linalg.norm(w - w_ridge) / np.linalg.norm(w_ridge)
    assert dist < 0.3  # the two weight vectors stay close at every t
    print(f"{steps:9.0e}  {tr:9.4f}  {val[-1]:7.3f}  {val_ridge:13.3f}  {dist:4.2f}")
best = int(np.argmin(val))
print("early stopping picks", f"{steps_list[best]:.0e}", "steps")
assert 0 < best < len(val) - 1  # the validation minimum is in the middle
assert val[-1] > 1.5 * val[best]  # training to convergence is clearly worse

# Same model, same training length, 20x more data: the gap nearly closes.
phi_big, y_big = sample(400)
w = gd_weights(phi_big, y_big, steps_list[-1])
tr_big = np.mean((phi_big @ w - y_big) ** 2)
val_big = np.mean((phi_val @ w - y_val) ** 2)
print(f"400 points, 1e+08 steps: train {tr_big:.4f}, val {val_big:.3f}")
assert val_big - tr_big < 0.02 and val_big < val[best]
