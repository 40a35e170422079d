"""Run 5-fold cross-validation to pick an L2 strength; size a single validation set."""

import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
sigma, n, degree, k = 0.3, 25, 12, 5
x = rng.uniform(-1, 1, n)
y = np.sin(np.pi * x) + sigma * rng.normal(size=n)
x_test = rng.uniform(-1, 1, 20_000)
y_test = np.sin(np.pi * x_test) + sigma * rng.normal(size=x_test.size)


def fit(xs, ys, lam):
    phi = legendre.legvander(xs, degree)
    return np.linalg.solve(phi.T @ phi + lam * np.eye(degree + 1), phi.T @ ys)


def mse(w, xs, ys):
    return np.mean((legendre.legvander(xs, degree) @ w - ys) ** 2)


folds = np.array_split(rng.permutation(n), k)
# Every example is in exactly one validation fold.
assert np.array_equal(np.sort(np.concatenate(folds)), np.arange(n))

lams = [1e-6, 1e-4, 1e-2, 1e-1, 1.0, 10.0]
print("lambda   5-fold CV MSE   test MSE (refit on all 25)")
cv, test = [], []
for lam in lams:
    scores = []
    for i in range(k):
        val = folds[i]
        train = np.concatenate([folds[j] for j in range(k) if j != i])
        scores.append(mse(fit(x[train], y[train], lam), x[val], y[val]))
    cv.append(np.mean(scores))
    test.append(mse(fit(x, y, lam), x_test, y_test))
    print(f"{lam:6.0e}  {cv[-1]:13.3f}  {test[-1]:9.3f}")
best = int(np.argmin(cv))
print("CV picks lambda =", lams[best], "| models trained:", k * len(lams) + 1)
assert test[best] <= 1.1 * min(test)  # CV's choice is close to the best on test data
assert test[best] < 0.5 * test[0]  # and far better than no regularisation

# With large data, one held-out set is already precise: the standard error of an
# accuracy p measured on m examples is sqrt(p (1 - p) / m).
# Simulate 20 000 validation sets of m examples on which a model is right with p = 0.9.
for m in (100, 10_000):
    formula = np.sqrt(0.9 * 0.1 / m)
    simulated = (rng.binomial(m, 0.9, size=20_000) / m).std()
    print(
        f"std error of a 90% accuracy on {m:6d} examples: {formula:.4f}"
        f" (simulated {simulated:.4f})"
    )
    assert abs(simulated - formula) < 0.03 * formula
