"""Online vs batch learning: exact online least squares; tracking a drifting stream."""

import numpy as np

rng = np.random.default_rng(0)
d, lam = 3, 1e-3

# 1. Recursive least squares sees each example once and stores no past data, yet
#    ends at the same weights as the batch (ridge) solution on all the data.
n = 500
X = rng.normal(size=(n, d))
y = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=n)

w = np.zeros(d)
P = np.eye(d) / lam  # inverse of (lam * I + sum of x x^T seen so far)
for x_t, y_t in zip(X, y):
    k = P @ x_t / (1.0 + x_t @ P @ x_t)
    w = w + k * (y_t - x_t @ w)
    P = P - np.outer(k, x_t @ P)
w_batch = np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y)
assert np.allclose(w, w_batch, atol=1e-8)
print(f"online RLS weights:  {np.round(w, 4)}")
print(f"batch ridge weights: {np.round(w_batch, 4)}")

# 2. A stream whose true weights change half-way (concept drift).
T = 4000
w_old, w_new = np.array([1.0, -2.0, 0.5]), np.array([-1.0, 1.0, 2.0])
Xs = rng.normal(size=(T, d))
W_true = np.where(np.arange(T)[:, None] < T // 2, w_old, w_new)
ys = np.sum(Xs * W_true, axis=1) + 0.1 * rng.normal(size=T)

# Batch model: fitted once on the first half, then deployed unchanged.
half = slice(0, T // 2)
w_static = np.linalg.lstsq(Xs[half], ys[half], rcond=None)[0]

# Online model: one SGD step per arriving example, constant learning rate.
w_online, eta = np.zeros(d), 0.02
for x_t, y_t in zip(Xs, ys):
    w_online -= eta * (x_t @ w_online - y_t) * x_t

err_static = np.linalg.norm(w_static - w_new)
err_online = np.linalg.norm(w_online - w_new)
assert err_online < 0.1 < err_static
print(f"after drift, |w - w_new| static batch model: {err_static:.3f}")
print(f"after drift, |w - w_new| online SGD model:   {err_online:.3f}")
