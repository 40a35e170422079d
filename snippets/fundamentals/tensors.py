"""Tensor basics: order vs matrix rank, shape, strides, views, broadcasting, contraction."""

import numpy as np

scalar = np.array(3.0)
vector = np.arange(4.0)
matrix = np.ones((3, 4))
images = np.zeros((32, 3, 224, 224), dtype=np.float32)  # batch, channels, height, width
for name, t in [
    ("scalar", scalar),
    ("vector", vector),
    ("matrix", matrix),
    ("image batch", images),
]:
    print(f"{name:<12} order (ndim) {t.ndim}, shape {t.shape}, elements {t.size}")
print(f"image batch in float32: {images.nbytes / 2**20:.1f} MiB")
assert images.nbytes == 4_816_896 * 4  # 4 bytes per float32 element

# "Rank" in deep learning usually means the number of axes, not the matrix rank.
print(
    "order of the 3x4 all-ones matrix:",
    matrix.ndim,
    "| its matrix rank:",
    np.linalg.matrix_rank(matrix),
)
assert matrix.ndim == 2 and np.linalg.matrix_rank(matrix) == 1

# Memory layout: strides are the bytes to step along each axis (row-major here).
a = np.arange(12, dtype=np.float64).reshape(3, 4)
print("strides of 3x4 float64:", a.strides, "| of its transpose:", a.T.strides)
assert a.strides == (32, 8) and a.T.strides == (8, 32)
assert np.shares_memory(a, a.T)  # transpose is a view, no data copied
assert not a.T.flags["C_CONTIGUOUS"]

# Reshape regroups elements in memory order; transpose reorders axes. Not the same.
t = np.arange(24).reshape(2, 3, 4)  # (batch, channels, pixels)
assert t.reshape(2, 4, 3).shape == t.transpose(0, 2, 1).shape
assert not np.array_equal(t.reshape(2, 4, 3), t.transpose(0, 2, 1))

# Broadcasting: a bias of shape (4,) is added to every row of a (3, 4) batch.
b = np.array([10.0, 20.0, 30.0, 40.0])
assert np.array_equal(a + b, a + np.tile(b, (3, 1)))  # same as copying b into every row

# Contraction: a batched matrix product sums over one shared axis.
rng = np.random.default_rng(0)
x = rng.normal(size=(5, 7, 16))  # batch, sequence, features
w = rng.normal(size=(16, 8))
y = np.einsum("bsf,fo->bso", x, w)
print("(5, 7, 16) contracted with (16, 8) over the feature axis ->", y.shape)
y_loop = sum(x[:, :, f, None] * w[f] for f in range(16))  # explicit sum over f
assert y.shape == (5, 7, 8) and np.allclose(y, y_loop)
