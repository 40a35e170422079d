"""Show that a convolution is a dense layer with a sparse, weight-tied matrix."""

import numpy as np

rng = np.random.default_rng(0)
n, k = 6, 3
m = n - k + 1  # valid output side


def conv2d(x, w):
    """Valid single-channel 2-D cross-correlation."""
    out = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            out[i, j] = np.sum(x[i : i + k, j : j + k] * w)
    return out


def conv_as_matrix(w):
    """The (m*m, n*n) matrix W such that W @ x.ravel() == conv2d(x, w).ravel()."""
    mat = np.zeros((m * m, n * n))
    for i in range(m):
        for j in range(m):
            for u in range(k):
                for v in range(k):
                    mat[i * m + j, (i + u) * n + (j + v)] = w[u, v]
    return mat


x = rng.standard_normal((n, n))
w = rng.standard_normal((k, k))
mat = conv_as_matrix(w)

assert np.allclose(mat @ x.ravel(), conv2d(x, w).ravel())
print("conv2d(x, w) == W @ x for the unrolled matrix W:", True)
print("W shape:", mat.shape, "(outputs x inputs)")

nonzero = np.count_nonzero(mat)
distinct = np.unique(mat[mat != 0]).size
assert nonzero == m * m * k * k and distinct == k * k
print(
    f"entries of W: {mat.size}, non-zero: {nonzero}, distinct free values: {distinct}"
)
print(
    f"a dense layer of the same shape learns {mat.size} weights, the conv learns {k * k}"
)

# Each row is the same kernel, shifted: rows 0 and 1 differ by a one-column shift.
assert np.array_equal(np.roll(mat[0], 1), mat[1])
print("row 1 of W is row 0 shifted by one input position:", True)
