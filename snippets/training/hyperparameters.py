"""Shows that a ridge penalty must be chosen on validation, not training, loss."""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def make(n):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + rng.normal(0, 0.2, n)


def features(x, degree=12):
    return np.vander(x, degree + 1, increasing=True)


x_tr, y_tr = make(20)
x_va, y_va = make(200)
lams = [0.0, 1e-4, 1e-2, 1.0, 100.0]
train_mse, val_mse = [], []
for lam in lams:
    a = features(x_tr)
    # Parameters (weights) are fitted on the training set for a fixed hyperparameter.
    w = np.linalg.solve(a.T @ a + lam * np.eye(a.shape[1]), a.T @ y_tr)
    train_mse.append(np.mean((a @ w - y_tr) ** 2))
    val_mse.append(np.mean((features(x_va) @ w - y_va) ** 2))
    print(f"lambda={lam:<7g} train MSE {train_mse[-1]:.4f}  validation MSE "
          f"{val_mse[-1]:.4f}")

best_train, best_val = lams[int(np.argmin(train_mse))], lams[int(np.argmin(val_mse))]
print(f"best lambda by training loss: {best_train}; by validation loss: {best_val}")
# Training loss rises with lambda.
assert all(a <= b + 1e-12 for a, b in itertools.pairwise(train_mse))
assert best_train == 0.0                  # training loss always prefers no penalty
assert best_val not in (0.0, 100.0)       # validation prefers a moderate penalty
