"""Counts MLP parameters and shows a function that depth represents far more cheaply."""

import itertools

import numpy as np


def mlp_params(sizes):
    """Weights plus biases of a dense net with layer sizes [in, h1, ..., out]."""
    return sum(a * b + b for a, b in itertools.pairwise(sizes))


for sizes in ([784, 256, 128, 10], [784, 1024, 10], [784, 64, 64, 64, 64, 10]):
    print(f"MLP {sizes}: {mlp_params(sizes):,} parameters")
assert mlp_params([784, 256, 128, 10]) == 235_146
assert mlp_params([784, 1024, 10]) == 814_090


def relu(z):
    return np.maximum(z, 0.0)


def tent(x):
    """One layer of 2 ReLU units: 2x on [0, 1/2], 2 - 2x on [1/2, 1]."""
    return 2 * relu(x) - 4 * relu(x - 0.5)


def count_pieces(y, x):
    slopes = np.round(np.diff(y) / np.diff(x), 6)
    return 1 + int(np.count_nonzero(np.diff(slopes)))


x = np.linspace(0, 1, 2**14 + 1)            # grid contains every kink exactly
for depth in (1, 3, 6, 10):
    y = x.copy()
    for _ in range(depth):
        y = tent(y)
    pieces = count_pieces(y, x)
    print(f"depth {depth:2d}, {2 * depth:2d} ReLU units: {pieces:5d} linear pieces")
    assert pieces == 2**depth
# A single hidden layer of n ReLUs on a scalar input has at most n kinks, i.e. n + 1
# pieces, so matching depth 10 (20 units) needs at least 1023 units in one layer.
print("one hidden layer needs >= 2**10 - 1 = 1023 units for the depth-10 function")
