"""Group norm, and its two special cases layer norm (G = 1) and instance norm (G = C)."""

import numpy as np

EPS = 1e-5
rng = np.random.default_rng(0)


def group_norm(x, groups):
    """x has shape (N, C, H, W); statistics per example over each group of C/G channels."""
    n, c, h, w = x.shape
    g = x.reshape(n, groups, c // groups, h, w)
    mu = g.mean(axis=(2, 3, 4), keepdims=True)
    var = g.var(axis=(2, 3, 4), keepdims=True)
    return ((g - mu) / np.sqrt(var + EPS)).reshape(n, c, h, w)


def layer_norm(x):
    mu, var = x.mean(axis=(1, 2, 3), keepdims=True), x.var(axis=(1, 2, 3), keepdims=True)
    return (x - mu) / np.sqrt(var + EPS)


def instance_norm(x):
    mu, var = x.mean(axis=(2, 3), keepdims=True), x.var(axis=(2, 3), keepdims=True)
    return (x - mu) / np.sqrt(var + EPS)


def batch_norm(x, eps=EPS):
    mu, var = x.mean(axis=(0, 2, 3), keepdims=True), x.var(axis=(0, 2, 3), keepdims=True)
    return (x - mu) / np.sqrt(var + eps)


# 1. Worked example: one image, 4 channels of 2 pixels, G = 2.
ex = np.array([[1, 3], [2, 6], [0, 4], [5, 5]], dtype=float).reshape(1, 4, 1, 2)
print("GN, G=2, channels 1-2:", group_norm(ex, 2)[0, :2, 0].round(3).tolist())
print("IN, channel 1:", instance_norm(ex)[0, 0, 0].round(3).tolist(),
      " IN, channel 4 (constant):", instance_norm(ex)[0, 3, 0].round(3).tolist())

# 2. G = 1 is layer norm, G = C is instance norm.
x = rng.normal(2.0, 3.0, size=(8, 32, 5, 5))
assert np.allclose(group_norm(x, 1), layer_norm(x))
assert np.allclose(group_norm(x, 32), instance_norm(x))
print("group_norm(G=1) == layer norm, group_norm(G=C) == instance norm: True")

# 3. GN does not depend on the batch; BN does.
assert np.allclose(group_norm(x, 8)[:1], group_norm(x[:1], 8))
assert not np.allclose(batch_norm(x)[:1], batch_norm(x[:2])[:1])
print("GN of image 0 alone == GN of image 0 in a batch of 8: True; BN: False")

# 4. BN with 2 examples and one value per channel keeps only the sign of the difference.
two = rng.normal(size=(2, 6, 1, 1))
bn_two = batch_norm(two, eps=0.0)
print("BN (eps=0), batch of 2, 1x1 maps, 3 channels:", bn_two[:, :3, 0, 0].round(3).tolist())
assert np.allclose(bn_two, np.sign(two - two.mean(0)))

# 5. IN removes each channel's contrast and brightness (style statistics) of every image;
#    GN with G < C removes only one scale per group, so channel contrasts survive.
scale = rng.uniform(0.5, 3.0, size=(1, 32, 1, 1))
shift = rng.normal(size=(1, 32, 1, 1))
restyled = scale * x + shift
assert np.allclose(instance_norm(restyled), instance_norm(x), atol=1e-6)
assert not np.allclose(group_norm(restyled, 8), group_norm(x, 8), atol=1e-3)
assert np.allclose(group_norm(3.0 * x + 1.0, 8), group_norm(x, 8), atol=1e-6)
print("IN(a_c x + b_c) == IN(x) per channel: True; GN(G=8): only for one a, b per group")
