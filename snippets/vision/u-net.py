"""The original U-Net: size arithmetic with crops, layer and parameter count, and why skips matter."""

import numpy as np


def unet_sizes(n):
    """Follow a tile of side n through the unpadded U-Net; None if a pooling step is uneven."""
    skips = []
    for _ in range(4):                       # encoder: two 3x3 valid convs, then 2x2 max pool
        n -= 4
        skips.append(n)
        if n % 2:
            return None
        n //= 2
    n -= 4                                   # bottleneck convs
    crops = []
    for s in reversed(skips):                # decoder: 2x2 up-conv, crop the skip, two convs
        n *= 2
        crops.append((s, n))
        n -= 4
    return n, crops


out, crops = unet_sizes(572)
assert out == 388
print("572 x 572 tile -> 388 x 388 output")
print("skip crops (encoder size -> decoder size):", ", ".join(f"{s}->{d}" for s, d in crops))
valid = [n for n in range(400, 700) if unet_sizes(n) and unet_sizes(n)[0] > 0]
assert np.all(np.diff(valid) == 16) and 572 in valid
assert all(unet_sizes(n)[0] == n - 184 for n in valid)
print(f"valid tile sizes in [400, 700): {valid[0]}, {valid[1]}, ..., {valid[-1]} "
      "(every 16 pixels; output = input - 184)")

# Layers and parameters: 3x3 convs with biases, 2x2 up-convs, final 1x1 conv to 2 classes.
enc = [(1, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 256),
       (256, 512), (512, 512), (512, 1024), (1024, 1024)]
dec, up = [], []
for c in (512, 256, 128, 64):
    up.append((2 * c, c))                    # up-conv halves the channels
    dec += [(2 * c, c), (c, c)]              # concat(up, skip) has 2c channels
params = (sum(9 * i * o + o for i, o in enc + dec) + sum(4 * i * o + o for i, o in up)
          + 64 * 2 + 2)
n_layers = len(enc) + len(dec) + len(up) + 1
assert n_layers == 23
# Cross-check with a per-level formula: level with c channels (c = 64 ... 1024) holds two 3x3
# convs in the encoder; each decoder level two 3x3 convs (2c -> c, c -> c) and a 2c -> c up-conv.
levels = [64, 128, 256, 512, 1024]
by_level = (9 * 1 * 64 + 64 + 9 * 64 * 64 + 64
            + sum(9 * (c // 2) * c + c + 9 * c * c + c for c in levels[1:])
            + sum(9 * 2 * c * c + c + 9 * c * c + c + 4 * 2 * c * c + c for c in levels[:-1])
            + 64 * 2 + 2)
assert params == by_level == 31_030_658
print(f"{n_layers} convolutional layers, {params:,} parameters")

# The bottleneck is not small: 28 x 28 x 1024 numbers against a 572 x 572 x 1 input.
assert 28 * 28 * 1024 > 572 * 572
print(f"bottleneck values {28 * 28 * 1024:,} vs input values {572 * 572:,}")

# What pooling loses: two images whose edge sits one pixel apart inside the same 16-pixel
# window give identical 4-times max-pooled maps, so a decoder that sees only the pooled map
# must output the same mask for both; a skip from full resolution tells them apart.
def maxpool16(x):
    return x.reshape(x.shape[0], -1, 16).max(-1)


a = np.zeros((4, 64))
a[:, 37:] = 1.0                              # edge at column 37
b = np.zeros((4, 64))
b[:, 38:] = 1.0                              # edge at column 38
assert np.array_equal(maxpool16(a), maxpool16(b)) and not np.array_equal(a, b)
print("edge at column 37 vs 38: pooled maps identical; full-resolution skips differ in",
      int((a != b).sum()), "pixels")
