"""LR range test on mini-batch least squares, checked against a log-scale grid."""

import numpy as np

rng = np.random.default_rng(0)
n, d, B = 2000, 10, 32
X = rng.normal(size=(n, d)) * np.linspace(0.3, 2.0, d)
y = X @ rng.normal(size=d) + 0.3 * rng.normal(size=n)
lam_max = np.linalg.eigvalsh(X.T @ X / n)[-1]  # largest curvature of the loss


def loss(w):
    return 0.5 * np.mean((X @ w - y) ** 2)


def batch_grad(w, idx):
    Xb = X[idx]
    return Xb.T @ (Xb @ w - y[idx]) / len(idx)


# LR range test: one short run, learning rate raised geometrically every step
# from 1e-4 to 10, recording a smoothed mini-batch loss until it blows up.
r = np.random.default_rng(1)
lrs = np.geomspace(1e-4, 10, 300)
w, smooth, curve = np.zeros(d), None, []
for lr in lrs:
    idx = r.choice(n, B, replace=False)
    batch_loss = 0.5 * np.mean((X[idx] @ w - y[idx]) ** 2)
    smooth = batch_loss if smooth is None else 0.9 * smooth + 0.1 * batch_loss
    curve.append(smooth)
    if smooth > 4 * min(curve):  # loss is exploding: stop the test
        break
    w -= lr * batch_grad(w, idx)
curve = np.array(curve)
lr_min = lrs[np.argmin(curve)]
lr_blowup = lrs[len(curve) - 1]
lr_pick = lr_min / 10  # rule of thumb: about 10x below the minimum-loss rate
print(f"range test: lowest loss at lr={lr_min:.3f}, blew up at lr={lr_blowup:.3f}")
print(f"theory: full-batch GD diverges above 2/lambda_max = {2 / lam_max:.3f}")
print(f"picked lr = {lr_pick:.4f}")
# The blow-up point lands near the curvature limit 2 / lambda_max.
assert 0.5 < lr_blowup / (2 / lam_max) < 2


def train(lr, epochs=3):
    w, r = np.zeros(d), np.random.default_rng(2)
    for _ in range(epochs):
        perm = r.permutation(n)
        for start in range(0, n, B):
            w -= lr * batch_grad(w, perm[start : start + B])
            if np.abs(w).max() > 1e6:
                return np.inf
    return loss(w)


# Grid search on a log scale (3 epochs per candidate) for comparison.
grid = np.geomspace(1e-3, 1, 7)
results = {lr: train(lr) for lr in grid}
for lr, val in results.items():
    print(f"grid lr={lr:7.4f}: loss after 3 epochs {val:.4f}")
best = min(results.values())
picked = train(lr_pick)
print(f"range-test pick lr={lr_pick:.4f}: loss after 3 epochs {picked:.4f}")
assert picked < 1.1 * best  # one short run finds a rate as good as the grid's best
assert all(np.isinf(v) for lr, v in results.items() if lr > 2 / lam_max)
assert results[grid[0]] > 10 * best  # far too small: still far from converged
