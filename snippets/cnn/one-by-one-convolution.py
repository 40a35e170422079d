"""Check that a 1x1 convolution is a per-pixel dense layer, and count bottleneck savings."""

import numpy as np

rng = np.random.default_rng(0)
c_in, c_out, h, w = 64, 16, 8, 8
x = rng.standard_normal((c_in, h, w))
weight = rng.standard_normal((c_out, c_in, 1, 1))
bias = rng.standard_normal(c_out)

# Direct convolution with a 1x1 kernel: at each pixel, sum over input channels.
conv = np.zeros((c_out, h, w))
for i in range(h):
    for j in range(w):
        conv[:, i, j] = weight[:, :, 0, 0] @ x[:, i, j] + bias

# The same thing as one matrix product on the (pixels, channels) matrix.
pixels = x.reshape(c_in, h * w).T  # (64 pixels, 64 channels)
dense = (pixels @ weight[:, :, 0, 0].T + bias).T.reshape(c_out, h, w)
assert np.allclose(conv, dense)
print("1x1 conv == dense layer applied to every pixel:", True)
print(f"shape {x.shape} -> {conv.shape}; params {weight.size + bias.size}")
assert weight.size + bias.size == c_in * c_out + c_out == 1_040

# Inception (3a) 5x5 branch on 28x28x192 -> 32 maps, with and without a 1x1 reduce to 16.
direct = 5 * 5 * 192 * 32
reduced = 1 * 1 * 192 * 16 + 5 * 5 * 16 * 32
assert (direct, reduced) == (153_600, 15_872)
print(f"5x5 branch weights: direct {direct:,} | 1x1 reduce first {reduced:,}")
print(
    f"multiply-adds at 28x28: {direct * 784 / 1e6:.1f}M vs {reduced * 784 / 1e6:.1f}M"
)

# ResNet bottleneck on 256 channels: 1x1 (256->64), 3x3 (64->64), 1x1 (64->256).
plain = 3 * 3 * 256 * 256
bottleneck = 256 * 64 + 9 * 64 * 64 + 64 * 256
assert (plain, bottleneck) == (589_824, 69_632)
print(f"one 3x3 256->256: {plain:,} weights | bottleneck block: {bottleneck:,}")

# Without a non-linearity between them, two 1x1 convs collapse into one.
w1, w2 = rng.standard_normal((16, 64)), rng.standard_normal((32, 16))
assert np.allclose(w2 @ (w1 @ pixels.T), (w2 @ w1) @ pixels.T)
print("two 1x1 convs with no activation == one 1x1 conv with W2 @ W1:", True)
