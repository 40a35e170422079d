"""Gradient accumulation: equal to a large batch when scaled right; where it is not."""

import math

import numpy as np

rng = np.random.default_rng(0)
X = rng.normal(size=(256, 4))
y = X @ rng.normal(size=4) + 0.1 * rng.normal(size=256)
w = rng.normal(size=4)


def mean_grad(idx):
    """Gradient of the mean squared error 0.5 * mean (x.w - y)^2 over rows idx."""
    r = X[idx] @ w - y[idx]
    return X[idx].T @ r / len(idx)


# 1. k = 4 micro-batches of 64, each gradient divided by k, equal one batch of 256.
k, micro = 4, 64
full = mean_grad(np.arange(256))
acc = np.zeros(4)
for j in range(k):
    acc += mean_grad(np.arange(j * micro, (j + 1) * micro)) / k
assert np.allclose(acc, full)
print(f"accumulated (4 x 64) vs batch 256: max diff {np.abs(acc - full).max():.1e}")

# 2. Forgetting the 1/k makes the gradient, and so the step, k times larger.
no_scale = sum(mean_grad(np.arange(j * micro, (j + 1) * micro)) for j in range(k))
assert np.allclose(no_scale, k * full)
ratio = np.linalg.norm(no_scale) / np.linalg.norm(full)
print(f"without dividing by k: gradient norm x{ratio:.1f}")

# 3. Unequal micro-batches (100 + 100 + 56): averaging their means over-weights
#    the small one; weighting by size (or summing and dividing by 256) is exact.
parts = [np.arange(0, 100), np.arange(100, 200), np.arange(200, 256)]
naive = sum(mean_grad(p) for p in parts) / len(parts)
weighted = sum(len(p) * mean_grad(p) for p in parts) / 256
assert np.allclose(weighted, full) and not np.allclose(naive, full)
err_naive, err_weighted = np.abs(naive - full).max(), np.abs(weighted - full).max()
print(f"unequal parts: error naive {err_naive:.3f}, size-weighted {err_weighted:.0e}")

# 4. Batch statistics are not accumulated: batch norm on 4 micro-batches of 64
#    normalises with different means and variances than one batch of 256.
h = rng.normal(loc=1.0, size=(256, 3)) * np.array([1.0, 5.0, 0.2])


def batch_norm(a):
    return (a - a.mean(0)) / np.sqrt(a.var(0) + 1e-5)


bn_full = batch_norm(h)
bn_micro = np.concatenate(
    [batch_norm(h[j * micro : (j + 1) * micro]) for j in range(k)]
)
assert not np.allclose(bn_full, bn_micro, atol=1e-2)
print(
    f"batch norm, 4 x 64 vs 256: max output diff {np.abs(bn_full - bn_micro).max():.3f}"
)

# 5. Optimiser steps per epoch: 50,000 samples, micro-batch 128, k = 4, counted by
#    running the accumulation loop (step after every k-th micro-batch and at the end).
n_samples, passes, steps, sizes, pending = 50_000, 0, 0, [], 0
for start in range(0, n_samples, 128):
    passes += 1
    pending += 1
    if pending == k or start + 128 >= n_samples:
        steps += 1
        sizes.append(pending)
        pending = 0
assert (passes, steps) == (math.ceil(n_samples / 128), math.ceil(passes / k))
assert (passes, steps, sizes[-1]) == (391, 98, 3)
print(
    f"50,000 samples, micro-batch 128, k=4: {passes} passes, {steps} optimiser steps "
    f"(last from {sizes[-1]} micro-batches)"
)
