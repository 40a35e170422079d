"""XOR: no single-layer perceptron solves it; a two-layer perceptron does."""

import numpy as np

x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y = np.array([0, 1, 1, 0])  # XOR


def step(z):
    return (z > 0).astype(int)


# 1. The perceptron rule on XOR never has an error-free pass.
w, b = np.zeros(2), 0.0
for epoch in range(1000):
    errors = 0
    for xi, yi in zip(x, y):
        err = yi - step(w @ xi + b)  # +1, 0 or -1
        if err:
            w, b, errors = w + err * xi, b + err, errors + 1
    if errors == 0:
        break
print(f"single-layer perceptron after 1000 epochs: {errors} errors in the last pass")
assert errors > 0

# 2. Brute force over a grid of weights: no line gets all four points right.
grid = np.linspace(-3, 3, 61)
w1, w2, b0 = np.meshgrid(grid, grid, grid, indexing="ij")
params = np.stack([w1.ravel(), w2.ravel(), b0.ravel()], axis=1)  # (226981, 3)
z = params[:, :2] @ x.T + params[:, 2:]  # (226981, 4): every unit on every input
best = int(np.max(np.sum(step(z) == y, axis=1)))
print(f"best single threshold unit on a 61^3 weight grid: {best}/4 correct")
assert best == 3

# 3. Two-layer perceptron with hand-set weights: hidden OR and AND, output OR-and-not-AND.
w_hidden = np.array([[1.0, 1.0], [1.0, 1.0]])
b_hidden = np.array([-0.5, -1.5])  # unit 1: OR, unit 2: AND
w_out, b_out = np.array([1.0, -1.0]), -0.5
h = step(x @ w_hidden.T + b_hidden)
out = step(h @ w_out + b_out)
print("hidden layer (OR, AND) per input:", h.tolist())
print("multi-layer perceptron output:   ", out.tolist(), " target:", y.tolist())
assert np.array_equal(out, y)
