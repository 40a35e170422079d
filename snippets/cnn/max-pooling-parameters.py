"""Count parameters with and without max pooling in four small networks."""

import numpy as np


def conv_params(c_in, c_out, k):
    return k * k * c_in * c_out + c_out


def dense_params(n_in, n_out):
    return n_in * n_out + n_out


def pool_out(n, k, s, p=0):
    return (n + 2 * p - k) // s + 1


def max_pool(x, k, s, p=0):
    """Max pooling on (C, H, W); padded cells are -inf so they never win."""
    x = np.pad(x, ((0, 0), (p, p), (p, p)), constant_values=-np.inf)
    n = pool_out(x.shape[1], k, s)
    out = np.empty((x.shape[0], n, n))
    for i in range(n):
        for j in range(n):
            out[:, i, j] = x[:, i * s : i * s + k, j * s : j * s + k].max(axis=(1, 2))
    return out


rng = np.random.default_rng(0)
maps = rng.standard_normal((32, 16, 16))  # 32 feature maps of 16x16 after a conv layer
conv1 = conv_params(3, 32, 3)  # 896, the same in every variant below

# (a) conv -> [pool] -> flatten -> dense(10): pooling shrinks the dense layer 4x.
no_pool = conv1 + dense_params(32 * 16 * 16, 10)
pooled = max_pool(maps, 2, 2)
with_pool = conv1 + dense_params(pooled.size, 10)
assert pooled.shape == (32, 8, 8) and (no_pool, with_pool) == (82_826, 21_386)
print(f"(a) flatten + dense head : {no_pool:,} -> {with_pool:,} with a 2x2 pool")

# (b) conv -> [pool] -> conv: a conv layer's count does not depend on H, W.
b_no, b_with = conv1 + conv_params(32, 64, 3), conv1 + conv_params(32, 64, 3)
assert b_no == b_with == 19_392
print(f"(b) followed by a conv   : {b_no:,} -> {b_with:,} (no change)")

# (c) conv -> [pool] -> global average pool -> dense: head sees 32 numbers either way.
gap_no, gap_with = maps.mean(axis=(1, 2)), pooled.mean(axis=(1, 2))
c_no = conv1 + dense_params(gap_no.size, 10)
c_with = conv1 + dense_params(gap_with.size, 10)
assert c_no == c_with == 1_226
print(f"(c) global-average head  : {c_no:,} -> {c_with:,} (no change)")

# (d) 3x3 max pool, stride 1, padding 1 keeps 16x16, so the dense head is unchanged.
same = max_pool(maps, 3, 1, p=1)
d_with = conv1 + dense_params(same.size, 10)
assert same.shape == maps.shape and d_with == no_pool
print(f"(d) 3x3 pool, stride 1   : {no_pool:,} -> {d_with:,} (no change)")

# The pooling layer itself: no weights, but it does cut activations (memory, FLOPs).
print(f"pooling layer parameters: 0; activations {maps.size:,} -> {pooled.size:,}")
assert pooled.size * 4 == maps.size
