"""Check that a shared kernel's gradient is the sum of per-position gradients."""

import numpy as np

rng = np.random.default_rng(0)
n, k = 7, 3
m = n - k + 1


def conv2d(x, w):
    out = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            out[i, j] = np.sum(x[i : i + k, j : j + k] * w)
    return out


x = rng.standard_normal((n, n))
w = rng.standard_normal((k, k))
target = rng.standard_normal((m, m))


def loss(w):
    return 0.5 * np.sum((conv2d(x, w) - target) ** 2)


# Backprop: dL/dy at each position, then each position contributes g * patch to dL/dw.
g = conv2d(x, w) - target
per_position = [g[i, j] * x[i : i + k, j : j + k] for i in range(m) for j in range(m)]
grad = np.sum(per_position, axis=0)

# Finite-difference check of the summed gradient.
eps = 1e-6
numeric = np.zeros_like(w)
for u in range(k):
    for v in range(k):
        e = np.zeros_like(w)
        e[u, v] = eps
        numeric[u, v] = (loss(w + e) - loss(w - e)) / (2 * eps)
assert np.allclose(grad, numeric, atol=1e-6)
print(f"{len(per_position)} positions share one 3x3 kernel")
print("sum of per-position gradients == finite differences:", True)
print(f"max abs difference: {np.abs(grad - numeric).max():.1e}")

# Parameter counts for 32x32x3 -> 16 maps with 3x3 filters (valid, 30x30 outputs).
shared = 3 * 3 * 3 * 16 + 16
locally_connected = 30 * 30 * shared  # a separate filter at every output position
dense = (32 * 32 * 3) * (30 * 30 * 16) + 30 * 30 * 16
assert (shared, locally_connected, dense) == (448, 403_200, 44_251_200)
print(f"conv (shared): {shared:,}")
print(f"locally connected (no sharing): {locally_connected:,}")
print(f"fully connected: {dense:,}")
