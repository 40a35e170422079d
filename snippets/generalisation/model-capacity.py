"""Measure capacity as the ability to memorise random labels; count MLP parameters."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)


def mlp_params(sizes):
    """Weights plus biases of a fully connected network with the given layer sizes."""
    return sum(a * b + b for a, b in pairwise(sizes))


sizes = [784, 256, 128, 10]
count = mlp_params(sizes)
print("MLP", sizes, "parameters:", count)
assert count == 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10 == 235_146

# A two-layer network with a random, frozen hidden layer of width k and a trained
# linear output layer. Labels are coin flips, so there is nothing to learn.
n, d = 200, 20
x = rng.normal(size=(n, d))
y = rng.choice([-1.0, 1.0], size=n)
x_new = rng.normal(size=(2000, d))
y_new = rng.choice([-1.0, 1.0], size=2000)

print("width k  train acc  test acc  (random labels, n = 200)")
train_acc = {}
for k in [10, 50, 100, 150, 200, 400]:
    w1 = rng.normal(size=(d, k)) / np.sqrt(d)
    b1 = rng.normal(size=k)
    h = np.maximum(x @ w1 + b1, 0.0)
    w2 = np.linalg.lstsq(h, y, rcond=None)[0]  # min-norm least squares fit
    train_acc[k] = np.mean(np.sign(h @ w2) == y)
    test = np.mean(np.sign(np.maximum(x_new @ w1 + b1, 0.0) @ w2) == y_new)
    print(f"{k:7d}  {train_acc[k]:9.3f}  {test:8.3f}")
    assert abs(test - 0.5) < 0.05  # random labels cannot be predicted

assert train_acc[10] < 0.75  # too little capacity to memorise
assert train_acc[200] == 1.0 and train_acc[400] == 1.0  # k >= n: memorised
assert all(train_acc[a] <= train_acc[b] for a, b in [(10, 50), (50, 100), (100, 200)])
