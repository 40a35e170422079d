"""Shapes and parameter counts through input, hidden and output layers of a tiny CNN."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.normal(size=(2, 1, 8, 8))  # input layer: batch of 2 one-channel 8x8 images
print(f"{'layer':<22}{'output shape':<18}parameters")
print(f"{'input':<22}{x.shape!s:<18}0")

# Hidden layer with weights 1: 3x3 convolution, 4 filters, no padding, stride 1.
k = rng.normal(size=(4, 1, 3, 3))
kb = np.zeros(4)
windows = np.lib.stride_tricks.sliding_window_view(x, (3, 3), axis=(2, 3))
h = np.einsum("bcijuv,fcuv->bfij", windows, k) + kb[None, :, None, None]
conv_params = k.size + kb.size
print(f"{'conv 3x3, 4 filters':<22}{h.shape!s:<18}{conv_params}")
assert h.shape == (2, 4, 6, 6) and conv_params == 4 * 1 * 3 * 3 + 4
assert np.isclose(h[1, 2, 2, 3], np.sum(x[1, 0, 2:5, 3:6] * k[2, 0]) + kb[2])

h = np.maximum(h, 0.0)  # activation: no parameters
print(f"{'ReLU':<22}{h.shape!s:<18}0")

# Pooling, 2x2 max, stride 2: no weights, so not counted as a layer of the depth.
h = h.reshape(2, 4, 3, 2, 3, 2).max(axis=(3, 5))
print(f"{'max pool 2x2':<22}{h.shape!s:<18}0")
assert h.shape == (2, 4, 3, 3)

h = h.reshape(2, -1)  # flatten: 4 * 3 * 3 = 36 features
print(f"{'flatten':<22}{h.shape!s:<18}0")

# Output layer: dense 36 -> 10 with softmax.
w, b = rng.normal(size=(10, 36)), np.zeros(10)
z = h @ w.T + b
p = np.exp(z - z.max(axis=1, keepdims=True))
p /= p.sum(axis=1, keepdims=True)
print(f"{'dense + softmax':<22}{p.shape!s:<18}{w.size + b.size}")
assert p.shape == (2, 10) and w.size + b.size == 370
assert np.allclose(p.sum(axis=1), 1.0)
total = conv_params + w.size + b.size
print("total parameters:", total)
assert total == 410
