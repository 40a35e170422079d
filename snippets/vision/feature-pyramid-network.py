"""A tiny feature pyramid: shapes, the reach of the top-down path, and RoI level assignment."""

import numpy as np

rng = np.random.default_rng(0)
CH = 4                                              # channels everywhere, to keep it small


def conv3x3(x, w):
    """Same-padded 3x3 convolution; x (C, H, W), w (C_out, C_in, 3, 3)."""
    pad = np.pad(x, ((0, 0), (1, 1), (1, 1)))
    h, wd = x.shape[1:]
    out = np.zeros((w.shape[0], h, wd))
    for dy in range(3):
        for dx in range(3):
            out += np.einsum("oc,chw->ohw", w[:, :, dy, dx], pad[:, dy:dy + h, dx:dx + wd])
    return out


def pool2(x):
    return x.reshape(x.shape[0], x.shape[1] // 2, 2, x.shape[2] // 2, 2).mean((2, 4))


def up2(x):
    return x.repeat(2, 1).repeat(2, 2)              # nearest-neighbour upsampling


conv_w = [rng.normal(0, 0.5, (CH, 1 if i == 0 else CH, 3, 3)) for i in range(5)]
lateral = [rng.normal(0, 0.5, (CH, CH)) for _ in range(4)]        # 1x1 convs for C2..C5
smooth = [rng.normal(0, 0.3, (CH, CH, 3, 3)) for _ in range(4)]   # 3x3 convs after merging


def fpn(image):
    x, c = image[None], []
    for w in conv_w:                                # bottom-up: each stage halves the size
        x = pool2(np.tanh(conv3x3(x, w)))
        c.append(x)
    c2, c3, c4, c5 = c[1:]                          # strides 4, 8, 16, 32
    lat = [np.einsum("oc,chw->ohw", m, f) for m, f in zip(lateral, (c2, c3, c4, c5))]
    p = [lat[3]]                                    # top-down: start from the coarsest map
    for f in reversed(lat[:3]):
        p.insert(0, f + up2(p[0]))
    p = [conv3x3(f, w) for f, w in zip(p, smooth)]
    return (c2, c3, c4, c5), p


img = rng.normal(size=(64, 64))
cs, ps = fpn(img)
print("C2..C5 shapes:", [f.shape for f in cs])
print("P2..P5 shapes:", [f.shape for f in ps])
assert [f.shape[1] for f in ps] == [16, 8, 4, 2] and all(f.shape[0] == CH for f in ps)

# The bottom-up C2 at location (0, 0) sees a 10x10 patch of the input (receptive field 10);
# P2 at the same location also receives C5, which sees the whole 64x64 image.
img2 = img.copy()
img2[60, 60] += 1.0                                 # change one pixel in the far corner
cs2, ps2 = fpn(img2)
assert np.allclose(cs[0][:, 0, 0], cs2[0][:, 0, 0])           # C2 cannot see it
assert not np.allclose(ps[0][:, 0, 0], ps2[0][:, 0, 0])       # P2 can
print("pixel (60, 60) changed: C2[0, 0] unchanged, P2[0, 0] changed by "
      f"{np.abs(ps[0][:, 0, 0] - ps2[0][:, 0, 0]).max():.2e}")


# RoI-to-level rule of the FPN paper: k = floor(4 + log2(sqrt(w h) / 224)), clipped to 2..5.
def level(w, h):
    return int(np.clip(np.floor(4 + np.log2(np.sqrt(w * h) / 224)), 2, 5))


rois = [(32, 32), (64, 64), (112, 112), (224, 224), (300, 150), (600, 600)]
levels = [level(w, h) for w, h in rois]
print("RoI size -> pyramid level:", ", ".join(f"{w}x{h}->P{k}" for (w, h), k in zip(rois, levels)))
assert levels == [2, 2, 3, 4, 3, 5]
