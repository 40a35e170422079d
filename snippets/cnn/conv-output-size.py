"""Check the convolution output-size formula against a NumPy convolution."""

import numpy as np


def out_size(n, k, s=1, p=0, d=1):
    """Output length along one axis: floor((n + 2p - d(k - 1) - 1) / s) + 1."""
    span = d * (k - 1) + 1  # extent of the (possibly dilated) kernel
    if n + 2 * p < span:
        return 0  # the kernel does not fit anywhere: no valid output
    return (n + 2 * p - span) // s + 1


def conv2d(x, w, s=1, p=0, d=1):
    """Single-channel 2-D cross-correlation with zero padding, stride and dilation."""
    x = np.pad(x, p)
    span = d * (w.shape[0] - 1) + 1
    rows = range(0, x.shape[0] - span + 1, s)
    cols = range(0, x.shape[1] - span + 1, s)
    out = np.zeros((len(rows), len(cols)))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            patch = x[r : r + span : d, c : c + span : d]
            out[i, j] = np.sum(patch * w)
    return out


rng = np.random.default_rng(0)

# MCQ ib-m02: 28 x 28 input, 7 x 7 kernel, stride 1, no padding.
y = conv2d(rng.standard_normal((28, 28)), rng.standard_normal((7, 7)))
assert y.shape == (22, 22) == (out_size(28, 7),) * 2
print("28x28, k=7, s=1, p=0      ->", y.shape)

# av-13: 5 x 5 input, 7 x 7 filter.
x5, w7 = rng.standard_normal((5, 5)), rng.standard_normal((7, 7))
assert conv2d(x5, w7).size == 0 and out_size(5, 7) == 0
print("5x5,   k=7, s=1, p=0      -> no valid position (formula gives 5-7+1 = -1)")
# np.convolve's "valid" mode swaps the arguments when the kernel is longer: 7-5+1 = 3.
assert np.convolve(np.ones(5), np.ones(7), mode="valid").size == 3
print("np.convolve(len 5, len 7, 'valid') -> 3 values (roles swapped; not a CNN layer)")
for p, expected in [(1, 1), (3, 5), (6, 11)]:
    y = conv2d(x5, w7, p=p)
    assert y.shape == (expected, expected) == (out_size(5, 7, p=p),) * 2
    print(f"5x5,   k=7, s=1, p={p}      ->", y.shape)

# Stride: the floor matters when (n + 2p - k) is not divisible by s.
y = conv2d(rng.standard_normal((28, 28)), rng.standard_normal((7, 7)), s=2)
assert y.shape == (11, 11) == (out_size(28, 7, s=2),) * 2  # floor(21/2) + 1
print("28x28, k=7, s=2, p=0      ->", y.shape)
y = conv2d(rng.standard_normal((224, 224)), rng.standard_normal((7, 7)), s=2, p=3)
assert y.shape == (112, 112) == (out_size(224, 7, s=2, p=3),) * 2  # ResNet stem
print("224x224, k=7, s=2, p=3    ->", y.shape)

# Dilation d: a 3x3 kernel with d=2 covers 5x5 pixels.
y = conv2d(rng.standard_normal((28, 28)), rng.standard_normal((3, 3)), d=2)
assert y.shape == (24, 24) == (out_size(28, 3, d=2),) * 2
print("28x28, k=3, d=2, p=0      ->", y.shape)

# Brute-force check of the formula over many settings.
checked = 0
for n in range(1, 12):
    for k in range(1, 8):
        for s in (1, 2, 3):
            for p in range(4):
                got = conv2d(np.ones((n, n)), np.ones((k, k)), s=s, p=p).shape[0]
                assert got == out_size(n, k, s=s, p=p)
                checked += 1
print("formula matches the NumPy convolution in", checked, "settings")
