"""RMSNorm versus LayerNorm, and the skip path of post-norm versus pre-norm stacks."""

import numpy as np

rng = np.random.default_rng(0)
d, depth, EPS = 16, 24, 1e-6


def layer_norm(x, g):
    mu = x.mean(-1, keepdims=True)
    return g * (x - mu) / np.sqrt(((x - mu) ** 2).mean(-1, keepdims=True) + EPS)


def rms_norm(x, g):
    return g * x / np.sqrt((x**2).mean(-1, keepdims=True) + EPS)


# 1. Worked example: x = (1, 2, 3, 6).
x4, g4 = np.array([1.0, 2.0, 3.0, 6.0]), np.ones(4)
print("x = (1, 2, 3, 6): RMSNorm", rms_norm(x4, g4).round(3),
      " LayerNorm", layer_norm(x4, g4).round(3))
assert np.allclose(rms_norm(x4, g4), x4 / np.sqrt(12.5))

# 2. LayerNorm is RMSNorm applied to the centred vector; RMSNorm is invariant to
#    rescaling the input but, unlike LayerNorm, not to shifting it.
x, g = rng.normal(size=(5, d)), rng.normal(size=d)
assert np.allclose(layer_norm(x, g), rms_norm(x - x.mean(-1, keepdims=True), g))
assert np.allclose(rms_norm(3.7 * x, g), rms_norm(x, g))
assert np.allclose(layer_norm(x + 2.0, g), layer_norm(x, g))
assert not np.allclose(rms_norm(x + 2.0, g), rms_norm(x, g))
print("LN(x) == RMSNorm(x - mean); RMSNorm(3.7x) == RMSNorm(x); "
      "only LN ignores a shift x + 2")

# 3. Stacks of residual blocks with random sublayers f_l.
W1 = rng.normal(0, 1 / np.sqrt(d), size=(depth, d, d))
W2 = rng.normal(0, 1 / np.sqrt(d), size=(depth, d, d))
ones = np.ones(d)


def f(layer, z):
    return np.tanh(z @ W1[layer]) @ W2[layer]


x0 = rng.normal(size=d)
# Post-norm: x <- Norm(x + f(x)). The skip path is divided by the norm's scale at every
# layer, so the part of the gradient that flows straight along it is multiplied by
# the product of 1 / rms(x + f(x)).
x, post_gain = x0.copy(), 1.0
for layer in range(depth):
    s = x + f(layer, x)
    post_gain /= np.sqrt((s**2).mean() + EPS)
    x = rms_norm(s, ones)
# Pre-norm: x <- x + f(Norm(x)). The skip path is untouched (gain exactly 1); the
# residual stream's size grows with depth instead.
x, stream_rms = x0.copy(), [np.sqrt((x0**2).mean())]
for layer in range(depth):
    x = x + f(layer, rms_norm(x, ones))
    stream_rms.append(np.sqrt((x**2).mean()))

assert post_gain < 0.1
assert stream_rms[-1] > 2 * stream_rms[0]
print(f"post-norm, {depth} layers: gain along the skip path {post_gain:.1e}")
print(f"pre-norm, {depth} layers: skip-path gain 1; residual-stream RMS "
      f"{stream_rms[0]:.2f} -> {stream_rms[-1]:.2f}")

# With every sublayer switched off (output weights 0), the pre-norm stack is exactly the
# identity map.
W2[:] = 0.0
x = x0.copy()
for layer in range(depth):
    x = x + f(layer, rms_norm(x, ones))
assert np.array_equal(x, x0)
print("sublayers off: pre-norm stack returns its input exactly")
