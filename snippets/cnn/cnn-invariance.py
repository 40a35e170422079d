"""Translation equivariance and invariance of a CNN, where they break, and rotations."""

import numpy as np

rng = np.random.default_rng(0)


def conv(x, k):
    """Circular 'same' cross-correlation with a centred odd kernel."""
    c = k.shape[0] // 2
    out = np.zeros_like(x)
    for u in range(k.shape[0]):
        for v in range(k.shape[1]):
            out += k[u, v] * np.roll(x, (c - u, c - v), axis=(0, 1))
    return out


def net(x, k, stride=1):
    """conv -> ReLU -> subsample by `stride` -> global average pool."""
    return np.maximum(conv(x, k), 0)[::stride, ::stride].mean()


x = rng.normal(size=(16, 16))
k = rng.normal(size=(3, 3))


def shift(img, d):
    return np.roll(img, d, axis=(0, 1))


# 1. Convolution is translation equivariant: shift then convolve == convolve then shift.
assert np.allclose(conv(shift(x, (3, 5)), k), shift(conv(x, k), (3, 5)))
print("conv(shift(x)) == shift(conv(x)): True")

# 2. Global pooling on top makes the output invariant, exactly, when every stride is 1.
assert np.isclose(net(shift(x, (3, 5)), k), net(x, k))
print(f"stride 1 + global pool: f(x) = {net(x, k):.4f}, f(shift x) = {net(shift(x, (3, 5)), k):.4f}")

# 3. Subsampling by 2 breaks it for odd shifts, not for shifts that are multiples of 2.
f0, f1, f2 = (net(shift(x, (0, d)), k, stride=2) for d in (0, 1, 2))
assert np.isclose(f0, f2) and not np.isclose(f0, f1)
print(f"stride 2 + global pool: shift 0 -> {f0:.4f}, shift 1 -> {f1:.4f}, shift 2 -> {f2:.4f}")
sig = np.array([0, 1, 0, 0, 0, 0, 0, 0])
print("1-D: subsample", sig, "->", sig[::2], "; shifted by 1 ->", np.roll(sig, 1)[::2])

# 4. Zero padding leaks absolute position: a constant image gives a non-constant map.
xz = np.pad(np.ones((8, 8)), 1)
kp = np.ones((3, 3))
zero_padded = np.array([[(xz[i : i + 3, j : j + 3] * kp).sum() for j in range(8)]
                        for i in range(8)])
print("zero-padded 3x3 box filter on a constant 8x8 image, first row:", zero_padded[0])
assert zero_padded[0, 0] != zero_padded[4, 4]

# 5. Rotations: rotating the input does not rotate the output of the same kernel...
rx = np.rot90(x)
assert not np.allclose(conv(rx, k), np.rot90(conv(x, k)))
# ...it rotates the output of the rotated kernel.
assert np.allclose(conv(rx, np.rot90(k)), np.rot90(conv(x, k)))
print("conv(rot x, k) == rot conv(x, k): False;  conv(rot x, rot k) == rot conv(x, k): True")
assert not np.isclose(net(rx, k), net(x, k))
print(f"plain CNN output: f(x) = {net(x, k):.4f}, f(rot x) = {net(rx, k):.4f}")


# 6. Group pooling over the four rotated copies of the kernel gives exact invariance
#    to 90-degree rotations (a p4 group convolution followed by pooling).
def p4_net(img):
    return max(net(img, np.rot90(k, r)) for r in range(4))


outs = [p4_net(np.rot90(x, r)) for r in range(4)]
assert np.allclose(outs, outs[0])
print("p4 group-pooled output for rotations 0, 90, 180, 270:", np.round(outs, 4))
