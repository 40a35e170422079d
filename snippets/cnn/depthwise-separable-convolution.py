"""Count parameters of depthwise-separable vs standard convolution and check equivalence."""

import numpy as np

rng = np.random.default_rng(0)


def conv2d(x, w):
    """Standard valid conv: x (C_in, H, W), w (C_out, C_in, k, k)."""
    k = w.shape[2]
    h, wd = x.shape[1] - k + 1, x.shape[2] - k + 1
    y = np.empty((w.shape[0], h, wd))
    for i in range(h):
        for j in range(wd):
            y[:, i, j] = np.tensordot(w, x[:, i : i + k, j : j + k], axes=3)
    return y


def depthwise(x, d):
    """One k x k filter per input channel: d (C_in, k, k)."""
    k = d.shape[1]
    h, wd = x.shape[1] - k + 1, x.shape[2] - k + 1
    y = np.empty((x.shape[0], h, wd))
    for i in range(h):
        for j in range(wd):
            y[:, i, j] = np.sum(d * x[:, i : i + k, j : j + k], axis=(1, 2))
    return y


c_in, c_out, k = 8, 16, 3
x = rng.standard_normal((c_in, 12, 12))
d = rng.standard_normal((c_in, k, k))  # depthwise filters
p = rng.standard_normal((c_out, c_in))  # pointwise (1x1) weights

separable = np.einsum("oc,chw->ohw", p, depthwise(x, d))
# The equivalent standard kernel is rank-1 per (o, c): W[o, c] = P[o, c] * D[c].
w_equiv = p[:, :, None, None] * d[None, :, :, :]
assert np.allclose(separable, conv2d(x, w_equiv))
print("depthwise + pointwise == standard conv with W[o,c] = P[o,c] * D[c]:", True)


def counts(c_in, c_out, k):
    return k * k * c_in * c_out, k * k * c_in + c_in * c_out


for ci, co in [(8, 16), (256, 256), (512, 1024)]:
    std, sep = counts(ci, co, k)
    ratio = sep / std
    assert np.isclose(ratio, 1 / co + 1 / k**2)
    print(
        f"C_in={ci:3d} C_out={co:4d}: standard {std:>9,}  separable {sep:>9,}"
        f"  ratio {ratio:.3f} = 1/C_out + 1/k^2"
    )

std, sep = counts(256, 256, 3)
assert (std, sep) == (589_824, 67_840)
# Multiply-adds scale the same way (both are per output pixel); 14x14 output map:
print(f"multiply-adds at 14x14: {std * 196 / 1e6:.1f}M vs {sep * 196 / 1e6:.1f}M")
