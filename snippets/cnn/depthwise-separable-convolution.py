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
# The real arrays hold the counts the formula below gives for (8, 16).
assert (w_equiv.size, d.size + p.size) == (1_152, 200)


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


# MobileNetV1 (Howard et al., 2017, Table 1): one 3x3 conv, 13 depthwise + pointwise
# pairs, global pooling and a 1000-way dense layer. Count its weights and multiply-adds
# per 224x224 image and see where they sit; alpha thins every layer, res scales the input.
def mobilenet_v1(alpha=1.0, res=224):
    def ch(n):
        return int(n * alpha)

    pairs = [(32, 64, 1), (64, 128, 2), (128, 128, 1), (128, 256, 2), (256, 256, 1)]
    pairs += [(256, 512, 2)] + [(512, 512, 1)] * 5 + [(512, 1024, 2), (1024, 1024, 1)]
    layers = [
        ("conv 3x3", 3 * 9, ch(32), 2)
    ]  # (kind, weights per output ch, outputs, stride)
    for ci, co, stride in pairs:
        layers += [
            ("depthwise 3x3", 9, ch(ci), stride),
            ("pointwise 1x1", ch(ci), ch(co), 1),
        ]
    size, macs, params = res, {}, {}
    for kind, fan_in, n_out, stride in layers:
        size = -(-size // stride)  # "same" padding
        params[kind] = params.get(kind, 0) + fan_in * n_out
        macs[kind] = macs.get(kind, 0) + fan_in * n_out * size * size
    params["dense"] = macs["dense"] = ch(1024) * 1000
    return macs, params


macs, params = mobilenet_v1()
total_macs, total_params = sum(macs.values()), sum(params.values())
print(
    f"MobileNetV1-224: {total_macs / 1e6:.0f}M multiply-adds, {total_params / 1e6:.1f}M weights"
)
for kind in macs:
    print(
        f"  {kind:14s} {100 * macs[kind] / total_macs:5.2f}% of multiply-adds,"
        f" {100 * params[kind] / total_params:5.2f}% of weights"
    )
assert round(total_macs / 1e6) == 569 and round(total_params / 1e5) == 42  # published
assert macs["pointwise 1x1"] / total_macs > 0.94  # the 1x1 convolutions dominate
# Width multiplier alpha (cost about alpha^2) and resolution multiplier (cost rho^2),
# against the published 325M (alpha 0.75), 418M (192 px) and 76M (alpha 0.5, 160 px).
for alpha, res, published in [(0.75, 224, 325), (1.0, 192, 418), (0.5, 160, 76)]:
    m = sum(mobilenet_v1(alpha, res)[0].values()) / 1e6
    rho = res / 224
    print(
        f"alpha={alpha}, {res}px: {m:.0f}M multiply-adds; alpha^2 rho^2 x 569M = "
        f"{alpha**2 * rho**2 * 569:.0f}M"
    )
    assert abs(m - published) < 1
