"""Pooling: no parameters, no noise, fewer weights downstream, limited shift tolerance."""

import numpy as np

rng = np.random.default_rng(0)


def max_pool_2x2(fmap):
    """2 x 2 max pooling with stride 2 on an (H, W, C) feature map."""
    h, w, c = fmap.shape
    return fmap.reshape(h // 2, 2, w // 2, 2, c).max(axis=(1, 3))


# 1. Weights of a 256-unit fully connected layer on the flattened map.
fmap = rng.normal(size=(16, 16, 64))
pooled = max_pool_2x2(fmap)
fc_before = fmap.size * 256
fc_after = pooled.size * 256
print("pooled shape          :", pooled.shape)
print(f"FC weights, no pooling: {fc_before:,}")
print(f"FC weights, 2x2 pool  : {fc_after:,}")
assert pooled.shape == (8, 8, 64)
assert fc_before == 4_194_304 and fc_after == 1_048_576


# 2. Nothing random: pooling the same input twice gives the same output, while two
# training-mode dropout passes (p = 0.5) over the same input disagree on about half the values.
def dropout(a, p=0.5):
    return a * (rng.random(a.shape) >= p) / (1 - p)


drop_diff = np.mean(dropout(fmap) != dropout(fmap))
print(
    f"values that differ between two passes: pooling {np.mean(max_pool_2x2(fmap) != pooled):.2f}"
    f", dropout {drop_diff:.2f}"
)
assert np.array_equal(max_pool_2x2(fmap), pooled) and 0.4 < drop_diff < 0.6

# 3. A shift by the stride (2 pixels) shifts the pooled map by one cell, but a
# one-pixel shift changes most pooled values: tolerance, not invariance.
shift2 = max_pool_2x2(np.roll(fmap, 2, axis=1))
shift1 = max_pool_2x2(np.roll(fmap, 1, axis=1))
changed = np.mean(shift1 != pooled)
print(f"pooled values changed by a 1-pixel shift: {changed:.2f}")
assert np.array_equal(shift2, np.roll(pooled, 1, axis=1))
assert changed > 0.3
