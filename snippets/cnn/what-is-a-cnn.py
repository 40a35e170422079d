"""Run one convolution + ReLU + max-pool stage on a toy image and check what it finds."""

import numpy as np


def conv2d(x, w):
    """Multi-channel valid cross-correlation: x (C_in, H, W), w (C_out, C_in, k, k)."""
    c_out, _, k, _ = w.shape
    h, wd = x.shape[1] - k + 1, x.shape[2] - k + 1
    y = np.zeros((c_out, h, wd))
    for i in range(h):
        for j in range(wd):
            patch = x[:, i : i + k, j : j + k]
            y[:, i, j] = np.tensordot(w, patch, axes=([1, 2, 3], [0, 1, 2]))
    return y


def max_pool(x, size=2):
    c, h, w = x.shape
    x = x[:, : h - h % size, : w - w % size]
    return x.reshape(c, h // size, size, w // size, size).max(axis=(2, 4))


# Toy 1-channel 8x8 image: dark left half, bright right half (a vertical edge).
img = np.zeros((1, 8, 8))
img[:, :, 4:] = 1.0

# Two hand-set 3x3 filters: vertical-edge detector and horizontal-edge detector.
vertical = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float)
filters = np.stack([vertical, vertical.T])[:, None]  # shape (2, 1, 3, 3)

maps = np.maximum(conv2d(img, filters), 0)  # convolution, then ReLU
pooled = max_pool(maps)
print("input", img.shape, "-> conv", maps.shape, "-> pool", pooled.shape)
print("vertical-edge map, first row:", maps[0, 0].tolist())
print("horizontal-edge map is all zero:", bool(np.all(maps[1] == 0)))
assert maps.shape == (2, 6, 6) and pooled.shape == (2, 3, 3)
assert np.all(maps[0][:, [2, 3]] == 4) and np.all(maps[0][:, [0, 1, 4, 5]] == 0)
assert np.all(maps[1] == 0)

# The same filter responds wherever the edge is: move it and the response moves.
img2 = np.zeros((1, 8, 8))
img2[:, :, 2:] = 1.0
maps2 = np.maximum(conv2d(img2, filters), 0)
assert np.array_equal(maps2[0][:, :4], maps[0][:, 2:])
print("edge moved 2 px left -> response moved 2 px left: True")

# A learned layer on a 32x32 RGB image with 16 filters of size 3x3.
rng = np.random.default_rng(0)
w = rng.standard_normal((16, 3, 3, 3)) * 0.1
y = conv2d(rng.standard_normal((3, 32, 32)), w)
n_params = w.size + 16  # weights + one bias per filter
assert y.shape == (16, 30, 30) and n_params == 448
print("32x32x3 input, 16 filters 3x3 ->", y.shape, "with", n_params, "parameters")
