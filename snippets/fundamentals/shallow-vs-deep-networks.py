"""Sawtooth: k ReLU layers of 2 units make 2^k linear pieces; one layer needs ~2^k units."""

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def deep_sawtooth(x, k):
    """k hidden layers, 2 ReLU units each, computing the tent map k times."""
    t = x
    for _ in range(k):
        h1, h2 = relu(t), relu(t - 0.5)  # the layer's two units
        t = 2 * h1 - 4 * h2  # tent map: 2t on [0, 1/2], 2 - 2t on [1/2, 1]
    return t


def shallow_sawtooth(x, k):
    """One hidden layer of 2^k ReLU units, one kink at each j / 2^k."""
    m = 2**k
    knots = np.arange(m) / m  # 0, 1/m, ..., (m-1)/m
    slopes = m * (-1.0) ** np.arange(m)  # +m, -m, +m, ... on consecutive pieces
    out_w = np.diff(slopes, prepend=0.0)  # change of slope at each knot
    return relu(x[:, None] - knots[None, :]) @ out_w


def count_pieces(k):
    """Count the linear pieces of the deep sawtooth on a dyadic grid (exact in float)."""
    x = np.arange(2 ** (k + 2) + 1) / 2 ** (k + 2)
    slope = np.diff(deep_sawtooth(x, k)) / np.diff(x)
    return 1 + int(np.sum(~np.isclose(slope[1:], slope[:-1]))), x


print(" k  pieces  deep units  shallow units used")
for k in [2, 4, 6, 8]:
    pieces, x = count_pieces(k)
    assert pieces == 2**k
    assert np.allclose(deep_sawtooth(x, k), shallow_sawtooth(x, k))
    # A one-hidden-layer ReLU net on a 1-D input with n units has at most n + 1
    # linear pieces, so it needs at least 2^k - 1 units for this function.
    print(f"{k:2d}  {pieces:6d}  {2 * k:10d}  {2**k:18d}")
