"""Compare a linear model with the best depth-2 tree: each wins on some data."""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def leaf_cost(y, kind):
    """Error of one leaf: misclassifications (majority label) or squared error."""
    if len(y) == 0:
        return 0.0
    if kind == "clf":
        return float(min(y.sum(), len(y) - y.sum()))
    return float(((y - y.mean()) ** 2).sum())


def splits(X):
    """All axis-aligned thresholds (midpoints between sorted values) per feature."""
    for j in range(X.shape[1]):
        v = np.unique(X[:, j])
        for t in (v[:-1] + v[1:]) / 2:
            yield j, t


def best_stump_cost(X, y, kind):
    best = leaf_cost(y, kind)  # a leaf that is not split
    for j, t in splits(X):
        m = X[:, j] <= t
        best = min(best, leaf_cost(y[m], kind) + leaf_cost(y[~m], kind))
    return best


def best_depth2_cost(X, y, kind):
    """Exhaustive search: root split, then the best stump in each child (optimal)."""
    best = best_stump_cost(X, y, kind)
    for j, t in splits(X):
        m = X[:, j] <= t
        cost = best_stump_cost(X[m], y[m], kind) + best_stump_cost(X[~m], y[~m], kind)
        best = min(best, cost)
    return best


def linear_fit(X, y):
    A = np.hstack([X, np.ones((len(X), 1))])
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return A @ coef


def perceptron(X, s, epochs=1000):
    """Rosenblatt's rule; converges to zero errors on linearly separable data."""
    A = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(A.shape[1])
    for _ in range(epochs):
        wrong = np.flatnonzero(np.sign(A @ w) != s)
        if len(wrong) == 0:
            break
        w += s[wrong[0]] * A[wrong[0]]
    return A @ w


n = 60
X = rng.uniform(-1, 1, size=(n, 2))

# Data set 1: XOR of the quadrants. The tree is exact, a line cannot be.
y1 = ((X[:, 0] > 0) ^ (X[:, 1] > 0)).astype(float)
tree_acc1 = 1 - best_depth2_cost(X, y1, "clf") / n
lin_acc1 = ((linear_fit(X, 2 * y1 - 1) > 0) == (y1 > 0)).mean()
print(f"XOR quadrants   accuracy: tree {tree_acc1:.3f}, linear {lin_acc1:.3f}")
assert tree_acc1 == 1.0 and lin_acc1 < 0.8

# Data set 2: oblique boundary x1 > x2. The line is exact, three axis splits are not.
y2 = (X[:, 0] > X[:, 1]).astype(float)
tree_acc2 = 1 - best_depth2_cost(X, y2, "clf") / n
lin_acc2 = ((perceptron(X, 2 * y2 - 1) > 0) == (y2 > 0)).mean()
print(f"x1 > x2         accuracy: tree {tree_acc2:.3f}, linear {lin_acc2:.3f}")
assert lin_acc2 == 1.0 and tree_acc2 < 1.0

# Data set 3: regression y = x1 + 2 x2. A depth-2 tree outputs at most 4 values.
y3 = X[:, 0] + 2 * X[:, 1]
sst = ((y3 - y3.mean()) ** 2).sum()
tree_r2 = 1 - best_depth2_cost(X, y3, "reg") / sst
lin_r2 = 1 - ((linear_fit(X, y3) - y3) ** 2).sum() / sst
print(f"y = x1 + 2 x2   R^2     : tree {tree_r2:.3f}, linear {lin_r2:.3f}")
assert abs(lin_r2 - 1) < 1e-12 and tree_r2 < 0.95

# Capacity in d dimensions. Linear classifiers: VC dimension d + 1. A depth-2 tree on
# n points has at most (d (n + 1))^3 choices of its 3 splits and 2^4 leaf labels, so it
# can shatter n points only if 2^n <= 16 (d (n + 1))^3.
for d in (2, 1000):
    n_max = max(m for m in range(1, 200) if 2**m <= 16 * (d * (m + 1)) ** 3)
    print(f"d = {d:<4}: linear VC = {d + 1:<4}, depth-2 tree VC <= {n_max}")
assert max(m for m in range(1, 200) if 2**m <= 16 * (1000 * (m + 1)) ** 3) < 1001

# In 1-D a depth-2 tree shatters 4 points (all 16 labelings); a threshold cannot.
X1 = np.arange(4.0).reshape(-1, 1)
labelings = [
    np.array(bits, dtype=float) for bits in itertools.product([0, 1], repeat=4)
]
tree_ok = sum(best_depth2_cost(X1, y, "clf") == 0 for y in labelings)
stump_ok = sum(best_stump_cost(X1, y, "clf") == 0 for y in labelings)
print(f"1-D, 4 points, labelings fitted: tree {tree_ok}/16, threshold {stump_ok}/16")
assert tree_ok == 16 and stump_ok < 16
