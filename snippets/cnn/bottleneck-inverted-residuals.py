"""Bottleneck and inverted residual blocks: parameters and multiply-adds counted
on the arrays of small NumPy implementations, checked against the formulas; and
why MobileNetV2 drops the ReLU after its narrow projection."""

import numpy as np

rng = np.random.default_rng(0)
macs = 0  # multiply-adds actually performed by the convolutions below


def conv1x1(x, w):
    """x: (H, W, C_in), w: (C_in, C_out)."""
    global macs
    macs += x.shape[0] * x.shape[1] * w.size
    return x @ w


def conv3x3(x, w):
    """Full 3 x 3 convolution, padding 1, stride 1. w: (3, 3, C_in, C_out)."""
    global macs
    h, wd, _ = x.shape
    xp = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    out = np.zeros((h, wd, w.shape[3]))
    for i in range(3):
        for j in range(3):
            out += xp[i:i + h, j:j + wd] @ w[i, j]
            macs += h * wd * w[i, j].size
    return out


def depthwise3x3(x, w):
    """One 3 x 3 filter per channel, padding 1, stride 1. w: (3, 3, C)."""
    global macs
    h, wd, _ = x.shape
    xp = np.pad(x, ((1, 1), (1, 1), (0, 0)))
    out = np.zeros_like(x)
    for i in range(3):
        for j in range(3):
            out += xp[i:i + h, j:j + wd] * w[i, j]
            macs += h * wd * w[i, j].size
    return out


def relu(z):
    return np.maximum(z, 0.0)


def relu6(z):
    return np.clip(z, 0.0, 6.0)


H = W = 14

# 1. ResNet bottleneck: 256 -> 64 (1x1) -> 64 (3x3) -> 256 (1x1), plus identity.
c, m = 256, 64
bott = [rng.normal(0, 0.05, (c, m)), rng.normal(0, 0.05, (3, 3, m, m)),
        rng.normal(0, 0.05, (m, c))]
x = rng.normal(size=(H, W, c))
macs = 0
y = relu(x + conv1x1(relu(conv3x3(relu(conv1x1(x, bott[0])), bott[1])), bott[2]))
p_bott = sum(a.size for a in bott)
assert y.shape == x.shape
assert p_bott == 2 * c * m + 9 * m * m == 69_632
assert macs == H * W * p_bott                      # stride 1: every weight used at every pixel
basic = [rng.normal(size=(3, 3, c, c)) for _ in range(2)]  # two 3x3 convs at 256 channels
p_basic = sum(a.size for a in basic)
assert p_basic == 18 * c * c == 1_179_648
p_basic64 = 18 * m * m                             # basic block at 64 channels (ResNet-34)
print(f"bottleneck 256-64-64-256: {p_bott:,} weights, {macs:,} MACs on 14x14")
print(f"basic block at 256 ch: {p_basic:,} weights ({p_basic / p_bott:.1f}x);"
      f" at 64 ch: {p_basic64:,}")

# 2. MobileNetV2 inverted residual: 32 -> 192 (1x1, ReLU6) -> depthwise 3x3
#    (ReLU6) -> 32 (1x1, linear), plus identity. Expansion factor t = 6.
d, t = 32, 6
inv = [rng.normal(0, 0.1, (d, t * d)), rng.normal(0, 0.1, (3, 3, t * d)),
       rng.normal(0, 0.1, (t * d, d))]
x = rng.normal(size=(H, W, d))
macs = 0
hidden = relu6(depthwise3x3(relu6(conv1x1(x, inv[0])), inv[1]))
y = x + conv1x1(hidden, inv[2])                    # no activation after the add
p_inv = sum(a.size for a in inv)
assert p_inv == t * d * (d + 9 + d) == 14_016      # h*w*t*d*(d + k^2 + d') MACs, Sandler et al.
assert macs == H * W * t * d * (d + 9 + d)
assert hidden.shape == (H, W, t * d) and y.shape == x.shape
full = 9 * (t * d) ** 2                            # a full 3x3 conv at 192 channels
share_1x1 = (inv[0].size + inv[2].size) / p_inv
assert share_1x1 > 0.8 and inv[1].size < full / 100
print(f"inverted residual 32-192-192-32: {p_inv:,} weights, {macs:,} MACs on 14x14;"
      f" 1x1 share {share_1x1:.0%}")
print(f"depthwise 3x3 on 192 ch: {inv[1].size:,} weights; a full 3x3 conv at 192 ch:"
      f" {full:,}")
share_b = (bott[0].size + bott[2].size) / p_bott
assert share_b < 0.5                               # the bottleneck's 3x3 holds most weights
print(f"bottleneck: 1x1 share {share_b:.0%}, 3x3 share {bott[1].size / p_bott:.0%}")
print(f"widest tensor inside: {hidden.shape[2]} channels; shortcut carries {d}")

# 3. Why the projection is linear: a ReLU in a narrow space destroys information.
#    Embed a 2-D spiral into n dims with a random T, apply ReLU, and fit the best
#    linear map back to 2-D (after the idea of Sandler et al., Fig. 1).
theta = np.linspace(0, 4 * np.pi, 400)
pts = np.stack([theta * np.cos(theta), theta * np.sin(theta)], axis=1) / (4 * np.pi)
errs = {}
for n in (2, 3, 5, 15, 30):
    e = []
    for _ in range(20):
        T = rng.normal(size=(2, n))
        feats = relu(pts @ T)
        back = feats @ np.linalg.solve(feats.T @ feats, feats.T @ pts)  # least squares
        e.append(np.mean(np.sum((back - pts) ** 2, 1)) / np.mean(np.sum(pts**2, 1)))
    errs[n] = float(np.mean(e))
print("relative error after ReLU in n dims:",
      ", ".join(f"n={n}: {v:.2g}" for n, v in errs.items()))
assert errs[2] > 0.3 and errs[15] < 1e-3
assert all(errs[a] > errs[b] for a, b in [(2, 5), (5, 15), (15, 30)])
