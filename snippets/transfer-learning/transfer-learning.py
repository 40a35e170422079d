"""Pretrain features on a large source task and reuse them on a small target task."""

import numpy as np

rng = np.random.default_rng(0)
d, k = 100, 5  # input dimension; size of the structure shared by both tasks
basis = np.linalg.qr(rng.standard_normal((d, k)))[0]  # shared 5-D subspace


def source_task(n):
    """Large task: 5 binary attributes, each the sign of one hidden coordinate."""
    x = rng.standard_normal((n, d))
    return x, (x @ basis > 0).astype(float)


v = rng.standard_normal(k)


def target_task(n):
    """New small task: binary label from a different direction in the same subspace."""
    x = rng.standard_normal((n, d))
    return x, (x @ basis @ v > 0).astype(float)


def train_multilabel(x, y, steps=200, lr=1.0):
    """One sigmoid output per attribute; returns the (5, d) weight matrix."""
    w = np.zeros((y.shape[1], x.shape[1]))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w.T))
        w -= lr * (p - y).T @ x / len(x)
    return w


def train_logistic(x, y, l2=1e-2, iters=25):
    """L2-regularised logistic regression fitted by Newton's method; returns a predictor."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) / len(x) + l2 * w
        hess = (xb.T * (p * (1 - p))) @ xb / len(x) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return lambda x_new: np.hstack([x_new, np.ones((len(x_new), 1))]) @ w > 0


# 1) Pretrain on the source task (2,000 labelled examples).
xs, ys = source_task(2_000)
w_src = train_multilabel(xs, ys)
src_acc = np.mean((xs @ w_src.T > 0) == ys)
print(f"source task: {len(xs):,} examples, training accuracy {src_acc:.3f}")


def features(x):
    return x @ w_src.T  # the pretrained layer, frozen


# How much of the shared subspace the pretrained layer recovered (1 = all of it).
cosines = np.linalg.svd(np.linalg.qr(w_src.T)[0].T @ basis, compute_uv=False)
print(f"overlap with the shared subspace: {cosines.min():.3f} (smallest cosine)")

# 2) Target task with only 40 labelled examples; test on 2,000.
xt, yt = target_task(40)
x_test, y_test = target_task(2_000)
scratch = train_logistic(xt, yt)  # 101 parameters from 40 examples
transfer = train_logistic(features(xt), yt)  # 6 parameters on pretrained features
acc_scratch = np.mean(scratch(x_test) == y_test)
acc_transfer = np.mean(transfer(features(x_test)) == y_test)
print(
    f"target task, {len(xt)} examples: from scratch {acc_scratch:.3f}, "
    f"pretrained features {acc_transfer:.3f}"
)
assert src_acc > 0.9 and cosines.min() > 0.9
assert acc_transfer > 0.85 and acc_transfer - acc_scratch > 0.2
