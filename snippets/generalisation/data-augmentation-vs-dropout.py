"""Compare flip augmentation, input-noise augmentation and dropout on a linear model."""

import numpy as np

rng = np.random.default_rng(0)
n, d = 40, 8
x = rng.normal(size=(n, d))
y = x @ rng.normal(size=d) + 0.1 * rng.normal(size=n)


def least_squares(a, b):
    return np.linalg.lstsq(a, b, rcond=None)[0]


# 1. Flip augmentation: add every input reversed, with the same label.
flip = np.eye(d)[::-1]  # permutation matrix that reverses a vector
w_plain = least_squares(x, y)
w_flip = least_squares(np.vstack([x, x @ flip]), np.concatenate([y, y]))
x_new = rng.normal(size=(5, d))
gap_plain = np.abs(x_new @ w_plain - x_new @ flip @ w_plain).max()
gap_flip = np.abs(x_new @ w_flip - x_new @ flip @ w_flip).max()
print("max |f(x) - f(flip x)|, no augmentation  :", f"{gap_plain:.3f}")
print("max |f(x) - f(flip x)|, flip augmentation:", f"{gap_flip:.1e}")
assert np.allclose(w_flip, flip @ w_flip)  # the weights became mirror-symmetric
assert gap_flip < 1e-10 and gap_plain > 0.1

# 2. Gaussian input-noise augmentation (M noisy copies, noise std s) approaches
# ridge regression with lambda = n * s^2 as M grows.
s, copies = 0.5, 4000
x_noisy = np.tile(x, (copies, 1)) + s * rng.normal(size=(copies * n, d))
w_noise = least_squares(x_noisy, np.tile(y, copies))
lam = n * s**2
w_ridge = np.linalg.solve(x.T @ x + lam * np.eye(d), x.T @ y)
rel = np.linalg.norm(w_noise - w_ridge) / np.linalg.norm(w_ridge)
print(
    "||w|| plain / noise-augmented / ridge     :",
    np.round([np.linalg.norm(w) for w in (w_plain, w_noise, w_ridge)], 3),
)
print("relative distance noise-aug vs ridge      :", f"{rel:.4f}")
assert rel < 0.01

# 3. Dropout on the inputs (drop prob p, inverted scaling): its expected loss is
# the plain loss plus (p/(1-p)) * sum_j w_j^2 * sum_i x_ij^2, which is minimised by
# a ridge-like solution with a per-feature penalty. It is not flip-invariant.
p = 0.2
penalty = p / (1 - p) * np.diag((x**2).sum(axis=0))
w_drop = np.linalg.solve(x.T @ x + penalty, x.T @ y)
gap_drop = np.abs(x_new @ w_drop - x_new @ flip @ w_drop).max()
print("||w|| dropout-equivalent                  :", round(np.linalg.norm(w_drop), 3))
print("max |f(x) - f(flip x)|, dropout           :", f"{gap_drop:.3f}")
assert np.linalg.norm(w_drop) < np.linalg.norm(w_plain)
assert gap_drop > 0.1
# Actual dropout: least squares on 4000 randomly masked, rescaled copies of the inputs.
mask = rng.random(size=(copies * n, d)) >= p
x_drop = np.tile(x, (copies, 1)) * mask / (1 - p)
w_mc = least_squares(x_drop, np.tile(y, copies))
rel_drop = np.linalg.norm(w_mc - w_drop) / np.linalg.norm(w_drop)
print("relative distance sampled dropout vs formula:", f"{rel_drop:.4f}")
assert rel_drop < 0.01
