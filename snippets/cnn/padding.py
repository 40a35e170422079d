"""Check what padding does: output sizes, border coverage and padding modes."""

import numpy as np


def conv2d(x, w):
    """Valid 2-D cross-correlation (no padding, stride 1)."""
    k = w.shape[0]
    n_out = x.shape[0] - k + 1
    out = np.zeros((n_out, x.shape[1] - k + 1))
    for i in range(n_out):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i : i + k, j : j + k] * w)
    return out


def coverage(n, k, p):
    """How many kernel positions use each input pixel (stride 1, padding p)."""
    counts = np.zeros((n + 2 * p, n + 2 * p), dtype=int)
    for i in range(n + 2 * p - k + 1):
        for j in range(n + 2 * p - k + 1):
            counts[i : i + k, j : j + k] += 1
    return counts[p : p + n, p : p + n]  # drop the padded border


n, k = 6, 3
x = np.arange(n * n, dtype=float).reshape(n, n)
w = np.ones((k, k)) / k**2

# Output size for valid (p=0), same (p=(k-1)/2) and full (p=k-1) padding.
for name, p, expected in [("valid", 0, 4), ("same", 1, 6), ("full", 2, 8)]:
    y = conv2d(np.pad(x, p), w)
    assert y.shape == (expected, expected) == (n + 2 * p - k + 1,) * 2
    print(f"{name:5s} p={p}: 6x6 input -> {y.shape}")

# Without padding, a corner pixel is seen once and a centre pixel k*k = 9 times.
c0, c1 = coverage(n, k, 0), coverage(n, k, 1)
assert c0[0, 0] == 1 and c0[2, 2] == 9
assert c1[0, 0] == 4 and c1.min() == 4  # same padding: corners now seen 4 times
print("uses of corner / centre pixel, p=0:", c0[0, 0], "/", c0[2, 2])
print("uses of corner / edge / centre pixel, p=1:", c1[0, 0], "/", c1[0, 2], "/", c1[2, 2])
assert c1[0, 2] == 6 and c1[2, 2] == 9  # same padding does NOT equalise the border
c2 = coverage(n, k, k - 1)
assert c2.min() == c2.max() == k * k  # only full padding covers every pixel k*k times
print("uses of every pixel, full padding p=2: min", c2.min(), "max", c2.max())

# Ten stacked 3x3 valid layers shrink 32x32 to 12x12; same padding keeps 32x32.
y_valid = y_same = np.ones((32, 32))
for _ in range(10):
    y_valid, y_same = conv2d(y_valid, w), conv2d(np.pad(y_same, 1), w)
assert y_valid.shape == (12, 12) == (32 - 10 * (k - 1),) * 2
assert y_same.shape == (32, 32)
print("after 10 3x3 layers, 32x32 ->", y_valid.shape, "valid,", y_same.shape, "same")

# Padding modes on one row [1, 2, 3], padded by 2 on each side.
row = np.array([1, 2, 3])
modes = {
    "constant": [0, 0, 1, 2, 3, 0, 0],
    "reflect": [3, 2, 1, 2, 3, 2, 1],
    "edge": [1, 1, 1, 2, 3, 3, 3],
    "wrap": [2, 3, 1, 2, 3, 1, 2],
}
for mode, expected in modes.items():
    padded = np.pad(row, 2, mode=mode)
    assert padded.tolist() == expected
    print(f"{mode:8s}:", padded.tolist())

# Zero padding makes a flat image look like it has edges at the border.
flat = np.full((n, n), 5.0)
y_zero = conv2d(np.pad(flat, 1), w)
y_refl = conv2d(np.pad(flat, 1, mode="reflect"), w)
assert np.isclose(y_zero[0, 0], 5 * 4 / 9) and np.allclose(y_refl, 5.0)
print(
    f"blur of a flat image at the corner: zero pad {y_zero[0, 0]:.3f},"
    f" reflect pad {y_refl[0, 0]:.3f}"
)
