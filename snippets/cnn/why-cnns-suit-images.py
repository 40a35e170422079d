"""Check translation equivariance and parameter savings of a convolution vs a dense layer."""

import numpy as np

rng = np.random.default_rng(0)
n, k = 16, 3


def circ_conv(x, w):
    """Same-size 2-D cross-correlation with circular padding (exactly shift-equivariant)."""
    r = w.shape[0] // 2
    y = np.zeros_like(x)
    for u in range(w.shape[0]):
        for v in range(w.shape[1]):
            y += w[u, v] * np.roll(x, (r - u, r - v), axis=(0, 1))
    return y


def shift(x, dy, dx):
    return np.roll(x, (dy, dx), axis=(0, 1))


x = rng.standard_normal((n, n))
w = rng.standard_normal((k, k))

# Equivariance: conv(shift(x)) == shift(conv(x)).
lhs, rhs = circ_conv(shift(x, 3, 5), w), shift(circ_conv(x, w), 3, 5)
assert np.allclose(lhs, rhs)
print("conv: shift then filter == filter then shift:", np.allclose(lhs, rhs))

# A dense layer with the same input and output size has no such property.
dense = rng.standard_normal((n * n, n * n)) / n
d_lhs = dense @ shift(x, 3, 5).ravel()
d_rhs = shift((dense @ x.ravel()).reshape(n, n), 3, 5).ravel()
assert not np.allclose(d_lhs, d_rhs)
print("dense: shift then layer == layer then shift:", np.allclose(d_lhs, d_rhs))

# Locality: one output of the conv depends on k*k inputs, of the dense layer on all n*n.
grad_conv = np.array([circ_conv(e.reshape(n, n), w)[8, 8] for e in np.eye(n * n)])
assert np.count_nonzero(grad_conv) == k * k
assert np.count_nonzero(dense[0]) == n * n
print("inputs seen by one output: conv", k * k, "| dense", n * n)

# Parameter counts, 224x224x3 image -> 64 maps of the same size.
conv_params = 3 * 3 * 3 * 64 + 64
dense_params = (224 * 224 * 3) * (224 * 224 * 64) + 224 * 224 * 64
assert conv_params == 1_792
assert dense_params == 483_385_147_392 + 3_211_264
print(f"parameters: conv 3x3 {conv_params:,} | dense {dense_params:,}")


# Max pooling after the conv: a 1-pixel shift often leaves the pooled output unchanged.
def pool(y):
    return y.reshape(n // 4, 4, n // 4, 4).max(axis=(1, 3))


same = np.mean(
    [
        np.mean(pool(circ_conv(shift(z, 0, 1), w)) == pool(circ_conv(z, w)))
        for z in rng.standard_normal((200, n, n))
    ]
)
print(f"4x4 max-pool outputs unchanged by a 1-pixel shift: {same:.0%}")
assert 0.5 < same < 1.0  # approximate, not exact, invariance
