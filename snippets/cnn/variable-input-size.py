"""Check that a fully convolutional net with global or pyramid pooling accepts any size."""

import math

import numpy as np

rng = np.random.default_rng(0)
c_in, c_mid, n_classes = 3, 8, 5
w_conv = rng.standard_normal((c_mid, c_in, 3, 3)) * 0.3
w_head = rng.standard_normal((n_classes, c_mid)) * 0.3


def conv_relu(x, w, stride=2):
    k = w.shape[2]
    h = (x.shape[1] - k) // stride + 1
    wd = (x.shape[2] - k) // stride + 1
    y = np.empty((w.shape[0], h, wd))
    for i in range(h):
        for j in range(wd):
            patch = x[:, i * stride : i * stride + k, j * stride : j * stride + k]
            y[:, i, j] = np.tensordot(w, patch, axes=3)
    return np.maximum(y, 0)


def adaptive_max_pool(x, bins):
    """Split H and W into `bins` nearly equal cells (as adaptive pooling does)."""
    h, w = x.shape[1:]
    out = np.empty((x.shape[0], bins, bins))
    for i in range(bins):
        r0, r1 = (i * h) // bins, math.ceil((i + 1) * h / bins)
        for j in range(bins):
            c0, c1 = (j * w) // bins, math.ceil((j + 1) * w / bins)
            out[:, i, j] = x[:, r0:r1, c0:c1].max(axis=(1, 2))
    return out


flat_sizes = []
for h, w in [(32, 32), (45, 70), (96, 64)]:
    feats = conv_relu(rng.standard_normal((c_in, h, w)), w_conv)
    logits = w_head @ feats.mean(axis=(1, 2))  # global average pooling -> dense
    spp = np.concatenate([adaptive_max_pool(feats, b).ravel() for b in (1, 2, 4)])
    flat = feats.size  # what a flatten + dense head would need as its input size
    flat_sizes.append(flat)
    assert logits.shape == (n_classes,) and spp.shape == (c_mid * 21,)
    print(
        f"input {h:2d}x{w:2d}: feature map {feats.shape[1]:2d}x{feats.shape[2]:2d},"
        f" GAP logits {logits.shape}, SPP vector {spp.shape}, flatten {flat}"
    )

# A flatten + dense head would need a different weight matrix for every size.
assert len(set(flat_sizes)) == 3 and flat_sizes[:2] == [1800, 5984]
print("parameters used for every size:", w_conv.size + w_head.size)

# Batching different sizes: pad to the largest and mask the padding in the average.
a = conv_relu(rng.standard_normal((c_in, 32, 32)), w_conv)
b = conv_relu(rng.standard_normal((c_in, 45, 70)), w_conv)
batch = np.zeros((2, c_mid, 22, 34))
mask = np.zeros((2, 1, 22, 34))
for n, f in enumerate([a, b]):
    batch[n, :, : f.shape[1], : f.shape[2]] = f
    mask[n, :, : f.shape[1], : f.shape[2]] = 1
masked_mean = (batch * mask).sum(axis=(2, 3)) / mask.sum(axis=(2, 3))
assert np.allclose(masked_mean[0], a.mean(axis=(1, 2)))
print("padded batch with masked average == per-image average:", True)
