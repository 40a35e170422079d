"""Measure how the benefit of pretrained features depends on target data and task relatedness."""

import numpy as np

rng = np.random.default_rng(0)
d, k = 100, 5
shared = np.linalg.qr(rng.standard_normal((d, k)))[0]  # structure the target task uses
unrelated = np.linalg.qr(rng.standard_normal((d, k)))[0]  # a different source task's
v = rng.standard_normal(k)


def attributes(x, basis):
    return (x @ basis > 0).astype(float)


def pretrain(basis, n=2_000, steps=150, lr=1.0):
    """Multi-label logistic regression on a source task; returns the learned layer."""
    x = rng.standard_normal((n, d))
    y = attributes(x, basis)
    w = np.zeros((k, d))
    for _ in range(steps):
        w -= lr * (1 / (1 + np.exp(-x @ w.T)) - y).T @ x / n
    return w


def target(n):
    x = rng.standard_normal((n, d))
    return x, (x @ shared @ v > 0).astype(float)


def fit_and_score(x, y, x_test, y_test, l2=1e-2, iters=25):
    """L2-regularised logistic regression fitted by Newton's method; test accuracy."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) / len(x) + l2 * w
        hess = (xb.T * (p * (1 - p))) @ xb / len(x) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    pred = np.hstack([x_test, np.ones((len(x_test), 1))]) @ w > 0
    return np.mean(pred == y_test)


w_related, w_unrelated = pretrain(shared), pretrain(unrelated)
x_test, y_test = target(2_000)
print("target examples | scratch | related features | unrelated features")
results = {}
for n in (10, 30, 100, 300, 1000):
    x, y = target(n)
    accs = (
        fit_and_score(x, y, x_test, y_test),
        fit_and_score(x @ w_related.T, y, x_test @ w_related.T, y_test),
        fit_and_score(x @ w_unrelated.T, y, x_test @ w_unrelated.T, y_test),
    )
    results[n] = accs
    print(f"{n:15d} | {accs[0]:7.3f} | {accs[1]:16.3f} | {accs[2]:18.3f}")

gap_small = results[10][1] - results[10][0]
gap_large = results[1000][1] - results[1000][0]
print(
    f"gain from related pretraining: {gap_small:+.3f} at n=10, {gap_large:+.3f} at n=1000"
)
assert gap_small > 0.2 and gap_large < gap_small / 2  # biggest gain when data is scarce
assert (
    results[1000][2] < results[1000][0] - 0.2
)  # negative transfer: frozen bad features
assert max(r[2] for r in results.values()) < 0.7  # never much better than chance
