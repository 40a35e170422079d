"""Check the binary step: zero gradient almost everywhere, yet perceptrons learn AND."""

import numpy as np


def step(z):
    return (z >= 0).astype(float)  # convention: step(0) = 1


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# Finite-difference derivative is 0 at every point away from the jump.
rng = np.random.default_rng(0)
z = rng.normal(size=1000)
z = z[np.abs(z) > 1e-3]
h = 1e-6
fd = (step(z + h) - step(z - h)) / (2 * h)
print("nonzero numeric derivatives :", int(np.count_nonzero(fd)), "of", len(z))
assert np.count_nonzero(fd) == 0

# Perceptron rule (no gradient needed): w += lr * (y - y_hat) * x, on logical AND.
X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 0, 0, 1], dtype=float)
w, b, epochs = np.zeros(2), 0.0, 0
while (step(X @ w + b) != y).any():
    for xi, yi in zip(X, y):
        err = yi - step(xi @ w + b)
        w, b = w + err * xi, b + err
    epochs += 1
print("perceptron on AND           : w =", w, "b =", b, "epochs =", epochs)
print("outputs                     :", step(X @ w + b))
assert np.array_equal(step(X @ w + b), y)

# On XOR (not linearly separable) the same rule never gets all four right.
y_xor = np.array([0, 1, 1, 0], dtype=float)
w, b = np.zeros(2), 0.0
for _ in range(100):
    for xi, yi in zip(X, y_xor):
        err = yi - step(xi @ w + b)
        w, b = w + err * xi, b + err
wrong = int((step(X @ w + b) != y_xor).sum())
print("perceptron on XOR, 100 passes: still wrong on", wrong, "of 4")
assert wrong > 0

# Two layers of step units do represent XOR: OR and NAND, then AND.
h_or = step(X @ np.array([1.0, 1.0]) - 0.5)
h_nand = step(X @ np.array([-1.0, -1.0]) + 1.5)
xor = step(h_or + h_nand - 1.5)
print("two-layer step net on XOR   :", xor)
assert np.array_equal(xor, y_xor)

# A steep sigmoid approaches the step (away from 0).
grid = np.array([-1.0, -0.1, 0.1, 1.0])
for k in (1, 10, 100):
    print(f"sigmoid({k:>3} z) at {grid}:", np.round(sigmoid(k * grid), 3))
assert np.allclose(sigmoid(100 * grid), step(grid), atol=1e-4)
