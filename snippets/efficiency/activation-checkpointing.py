"""Activation checkpointing: same gradients, peak memory n/k + k - 1 instead of n, more forwards."""

import numpy as np

rng = np.random.default_rng(0)
n, d, batch = 64, 16, 4
Ws = [rng.normal(0, 1 / np.sqrt(d), size=(d, d)) for _ in range(n)]
x0 = rng.normal(size=(batch, d))
stats = {"live": 0, "peak": 0, "forwards": 0}


def keep(store, i, a):
    """Store an activation and track how many are alive at once."""
    store[i] = a
    stats["live"] += 1
    stats["peak"] = max(stats["peak"], stats["live"])


def drop(store, i):
    del store[i]
    stats["live"] -= 1


def layer(i, x, dropout_rng):
    stats["forwards"] += 1
    mask = dropout_rng(i).random(x.shape) > 0.1  # dropout, p = 0.1
    return np.tanh(x @ Ws[i]) * mask / 0.9


def layer_backward(i, x, mask, g):
    """Gradient of layer i from its saved input x and its dropout mask."""
    g = g * mask / 0.9 * (1 - np.tanh(x @ Ws[i]) ** 2)
    return g @ Ws[i].T, x.T @ g


def seeded(i):  # each layer's dropout stream depends only on (step, layer): reproducible
    return np.random.default_rng([12345, i])


def train_step(k, dropout_rng=seeded):
    """Backprop through n layers storing the input of every k-th layer only (k = 1: all)."""
    stats.update(live=0, peak=0, forwards=0)
    store, x = {}, x0
    for i in range(n):
        if i % k == 0:
            keep(store, i, x)
        x = layer(i, x, dropout_rng)
    g, grads = x, [None] * n  # loss = 0.5 * sum(output ** 2)
    for start in reversed(range(0, n, k)):
        seg, a = {start: store[start]}, store[start]
        for i in range(start, start + k - 1):  # recompute the segment's other inputs
            a = layer(i, a, dropout_rng)
            keep(seg, i + 1, a)
        for i in reversed(range(start, start + k)):
            mask = dropout_rng(i).random((batch, d)) > 0.1  # replay layer i's mask
            g, grads[i] = layer_backward(i, seg[i], mask, g)
            if i > start:
                drop(seg, i)
        drop(store, start)
    return grads, 0.5 * (x**2).sum()


full, loss = train_step(1)
assert stats["peak"] == n and stats["forwards"] == n

# Finite-difference check of one weight's gradient.
w_saved, e = Ws[10][2, 3], 1e-6
Ws[10][2, 3] = w_saved + e
lp = train_step(1)[1]
Ws[10][2, 3] = w_saved - e
lm = train_step(1)[1]
Ws[10][2, 3] = w_saved
assert np.isclose((lp - lm) / (2 * e), full[10][2, 3], rtol=1e-5)

print(f"{n} tanh + dropout layers, checkpoint every k-th layer input")
print(" k  peak stored  layer forwards")
results = {}
for k in (1, 2, 4, 8, 16, 32, 64):
    grads, _ = train_step(k)
    assert all(np.array_equal(a, b) for a, b in zip(grads, full, strict=True))
    assert stats["peak"] == n // k + k - 1
    assert stats["forwards"] == n + n - n // k
    results[k] = stats["peak"]
    print(f"{k:2d}  {stats['peak']:11d}  {stats['forwards']:14d}")
assert min(results, key=results.get) == int(np.sqrt(n))
print(f"gradients identical for every k; least memory at k = sqrt(n) = {int(np.sqrt(n))}")

# Recomputation must replay the same dropout masks: a fresh random draw changes the gradient.
stream = np.random.default_rng(7)
wrong, _ = train_step(8, dropout_rng=lambda i: stream)
assert not np.allclose(wrong[0], full[0])
print("recompute with fresh dropout masks: gradients differ from the true ones")
