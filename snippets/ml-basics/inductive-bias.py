"""Built-in assumptions: conv equivariance, weight sharing, GD's minimum-norm bias."""

import numpy as np

rng = np.random.default_rng(0)
n = 64
x = rng.normal(size=n)
k = rng.normal(size=3)


def conv(x, k):  # circular cross-correlation with a 3-tap kernel
    return sum(k[j] * np.roll(x, -(j - 1)) for j in range(3))


W = rng.normal(size=(n, n))  # a dense layer has no such structure
shift = 5
eq_conv = np.allclose(conv(np.roll(x, shift), k), np.roll(conv(x, k), shift))
eq_dense = np.allclose(W @ np.roll(x, shift), np.roll(W @ x, shift))
print(f"shift input then layer == layer then shift: conv {eq_conv}, dense {eq_dense}")
assert eq_conv and not eq_dense
print(f"weights for a {n}->{n} map: conv {k.size}, dense {W.size}")

# Optimiser bias: gradient descent from zero on an underdetermined least-squares
# problem (10 equations, 50 unknowns) converges to the minimum-norm solution.
A = rng.normal(size=(10, 50))
b = rng.normal(size=10)
w = np.zeros(50)
lr = 1 / np.linalg.norm(A, 2) ** 2
for _ in range(20000):
    w -= lr * A.T @ (A @ w - b)
w_min = np.linalg.pinv(A) @ b
other = w_min + (np.eye(50) - np.linalg.pinv(A) @ A) @ rng.normal(size=50)
print(
    f"train residual {np.linalg.norm(A @ w - b):.1e}; "
    f"|w_gd| = {np.linalg.norm(w):.3f}, |w_min-norm| = {np.linalg.norm(w_min):.3f}"
)
print(f"another exact fit has |w| = {np.linalg.norm(other):.3f}")
assert np.allclose(w, w_min, atol=1e-6)
assert np.allclose(A @ other, b) and np.linalg.norm(other) > np.linalg.norm(w_min)
