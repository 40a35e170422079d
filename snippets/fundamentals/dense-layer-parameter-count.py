"""Parameter counts of dense layers: formula, an MLP, and VGG-16's classifier."""

import itertools

import numpy as np


def dense_params(n_in, n_out, bias=True):
    return n_in * n_out + (n_out if bias else 0)


# Check the formula against actual arrays.
rng = np.random.default_rng(0)
w, b = rng.normal(size=(256, 784)), np.zeros(256)
assert w.size + b.size == dense_params(784, 256) == 200_960
print("dense 784 -> 256:", dense_params(784, 256), "parameters")
print("same without bias:", dense_params(784, 256, bias=False))

# An MLP 784 -> 512 -> 512 -> 10.
widths = [784, 512, 512, 10]
counts = [dense_params(i, o) for i, o in itertools.pairwise(widths)]
print("MLP 784-512-512-10 per layer:", counts, "total:", sum(counts))
assert sum(counts) == 669_706

# VGG-16: 13 conv layers (3x3) and 3 dense layers on a 224x224x3 input.
conv_channels = [
    (3, 64),
    (64, 64),
    (64, 128),
    (128, 128),
    (128, 256),
    (256, 256),
    (256, 256),
    (256, 512),
    (512, 512),
    (512, 512),
    (512, 512),
    (512, 512),
    (512, 512),
]
conv = sum(3 * 3 * c_in * c_out + c_out for c_in, c_out in conv_channels)
fc = [
    dense_params(7 * 7 * 512, 4096),
    dense_params(4096, 4096),
    dense_params(4096, 1000),
]
total = conv + sum(fc)
print(f"VGG-16: conv {conv:,}, dense {sum(fc):,}, total {total:,}")
print(f"first dense layer alone: {fc[0]:,} ({fc[0] / total:.0%} of all parameters)")
assert total == 138_357_544
assert fc[0] == 102_764_544
