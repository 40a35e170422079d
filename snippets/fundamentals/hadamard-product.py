"""Element-wise (Hadamard) product versus matrix product, and where backprop uses it."""

import numpy as np

a = np.array([[1.0, 2.0], [3.0, 4.0]])
b = np.array([[5.0, 6.0], [7.0, 8.0]])
print("A * B (Hadamard):", (a * b).tolist())
print("A @ B (matrix):  ", (a @ b).tolist())
assert np.array_equal(a * b, [[5, 12], [21, 32]])
assert np.array_equal(a @ b, [[19, 22], [43, 50]])
assert np.array_equal(a * b, b * a) and not np.array_equal(a @ b, b @ a)
assert np.array_equal(a * np.ones_like(a), a)  # identity element: all ones

# x * y equals diag(x) @ y, and sum(A * B) equals trace(A^T B).
rng = np.random.default_rng(0)
x, y = rng.normal(size=4), rng.normal(size=4)
assert np.allclose(x * y, np.diag(x) @ y)
assert np.isclose(np.sum(a * b), np.trace(a.T @ b))
print("sum(A * B) = trace(A^T B) =", np.sum(a * b))

# Backprop through an element-wise activation: the Jacobian is diagonal, so the
# vector-Jacobian product is a Hadamard product with the derivative.
z = rng.normal(size=5)
g = rng.normal(size=5)  # gradient arriving from the layer above
h = 1e-6
jac = np.column_stack(
    [(np.tanh(z + h * e) - np.tanh(z - h * e)) / (2 * h) for e in np.eye(5)]
)  # full 5 x 5 Jacobian of tanh, by central finite differences
off_diag = np.abs(jac - np.diag(np.diag(jac))).max()
assert off_diag == 0.0  # element-wise activation: diagonal Jacobian
assert np.allclose(g @ jac, g * (1 - np.tanh(z) ** 2), atol=1e-8)
print("tanh backward: largest off-diagonal Jacobian entry", off_diag)
print("tanh backward: g @ Jacobian equals g * tanh'(z)")

# A mask: zeroing padded positions.
values = np.array([[0.3, 0.5, 0.9], [0.2, 0.4, 0.6]])
mask = np.array([[1, 1, 0], [1, 0, 0]])
print("masked values:", (values * mask).tolist())
assert np.array_equal(values * mask, [[0.3, 0.5, 0.0], [0.2, 0.0, 0.0]])
