"""Supervised learning uses labels; k-means finds structure that may not match them."""

import numpy as np

rng = np.random.default_rng(0)
n = 400
# Two blobs far apart along x1; spread widely along x2.
centre = np.where(rng.random(n) < 0.5, -3.0, 3.0)
X = np.column_stack([centre + rng.normal(0, 1, n), rng.normal(0, 3, n)])


def logistic_regression(X, y, steps=2000, lr=0.1):
    A = np.column_stack([X, np.ones(len(X))])
    w = np.zeros(A.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-A @ w))
        w -= lr * A.T @ (p - y) / len(y)
    return (A @ w > 0).astype(int)


def kmeans(X, k=2, steps=50):
    c = X[rng.choice(len(X), k, replace=False)]
    for _ in range(steps):
        z = np.argmin(((X[:, None, :] - c[None]) ** 2).sum(-1), axis=1)
        c = np.array([X[z == j].mean(0) for j in range(k)])
    return z


def best_match(z, y):
    # Cluster ids are arbitrary: score the better of the two labelings.
    return max(np.mean(z == y), np.mean(1 - z == y))


z = kmeans(X)  # never sees any label
for name, y in [
    ("label = blob", (centre > 0).astype(int)),
    ("label = sign(x2)", (X[:, 1] > 0).astype(int)),
]:
    sup = np.mean(logistic_regression(X, y) == y)
    uns = best_match(z, y)
    print(f"{name:17s} supervised acc {sup:.3f}  k-means acc {uns:.3f}")
    assert sup > 0.97
    if name == "label = blob":
        assert uns > 0.97  # clusters happen to coincide with the labels
    else:
        assert uns < 0.65  # clusters follow x1, the labels follow x2
print("k-means cluster sizes:", np.bincount(z).tolist())
