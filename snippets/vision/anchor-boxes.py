"""Anchors: the 9 shapes, box encoding round trip, IoU matching, and FCOS-style anchor-free targets."""

import numpy as np


def iou(a, b):
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.clip(rb - lt, 0, None).prod(-1)
    area_a = (a[:, 2:] - a[:, :2]).prod(-1)
    area_b = (b[:, 2:] - b[:, :2]).prod(-1)
    return inter / (area_a[:, None] + area_b[None] - inter)


# 1. Faster R-CNN's anchors at one position: areas 128^2, 256^2, 512^2 x ratios 1:2, 1:1, 2:1.
shapes = np.array([(np.sqrt(s * s / r), np.sqrt(s * s / r) * r)          # (w, h), r = h/w
                   for s in (128, 256, 512) for r in (0.5, 1.0, 2.0)])
assert np.allclose((shapes[:, 0] * shapes[:, 1]).reshape(3, 3),
                   np.array([[128**2] * 3, [256**2] * 3, [512**2] * 3]))
print("9 anchor shapes (w x h):", ", ".join(f"{w:.0f}x{h:.0f}" for w, h in shapes))


# 2. The regression target is an offset relative to the anchor, and decoding inverts it.
def encode(box, ref):
    (x, y, w, h), (xa, ya, wa, ha) = box, ref                # centre x, centre y, width, height
    return np.array([(x - xa) / wa, (y - ya) / ha, np.log(w / wa), np.log(h / ha)])


def decode(t, ref):
    xa, ya, wa, ha = ref
    return np.array([xa + t[0] * wa, ya + t[1] * ha, wa * np.exp(t[2]), ha * np.exp(t[3])])


box, ref = np.array([210.0, 140.0, 150.0, 90.0]), np.array([200.0, 128.0, 181.0, 91.0])
t = encode(box, ref)
assert np.allclose(decode(t, ref), box)
print("encoded offsets", np.round(t, 3), "-> decoded back exactly")

# 3. IoU matching with RetinaNet's smallest anchors (32x32 and relatives, stride 8):
#    a 16x16 object never reaches IoU 0.4 with any anchor, so only the rule
#    "each object also takes its best anchor" gives it a positive.
grid = (np.arange(0, 128, 8) + 4.0)
cx, cy = np.meshgrid(grid, grid)
sizes = [(32 * s / np.sqrt(r), 32 * s * np.sqrt(r)) for s in (1, 2 ** (1 / 3), 2 ** (2 / 3))
         for r in (0.5, 1.0, 2.0)]
anchors = np.array([[x - w / 2, y - h / 2, x + w / 2, y + h / 2]
                    for x, y in zip(cx.ravel(), cy.ravel()) for w, h in sizes])
obj_small = np.array([[50.0, 50.0, 66.0, 66.0]])
obj_large = np.array([[20.0, 30.0, 60.0, 70.0]])
for name, obj in (("16x16", obj_small), ("40x40", obj_large)):
    ious = iou(anchors, obj)[:, 0]
    print(f"{name} object: best anchor IoU {ious.max():.3f}, anchors with IoU >= 0.5: "
          f"{(ious >= 0.5).sum()}")
assert iou(anchors, obj_small).max() < 0.4 and (iou(anchors, obj_large) >= 0.5).sum() > 0

# 4. Anchor-free (FCOS): every feature-map location inside the box is a candidate and
#    regresses its distances (l, t, r, b) to the four sides; no anchor shapes, no IoU.
inside = ((cx > obj_small[0, 0]) & (cx < obj_small[0, 2])
          & (cy > obj_small[0, 1]) & (cy < obj_small[0, 3]))
px, py = cx[inside], cy[inside]
ltrb = np.stack([px - obj_small[0, 0], py - obj_small[0, 1],
                 obj_small[0, 2] - px, obj_small[0, 3] - py], 1)
recovered = np.stack([px - ltrb[:, 0], py - ltrb[:, 1], px + ltrb[:, 2], py + ltrb[:, 3]], 1)
assert inside.sum() == 4 and np.allclose(recovered, obj_small)
centerness = np.sqrt(np.minimum(ltrb[:, 0], ltrb[:, 2]) / np.maximum(ltrb[:, 0], ltrb[:, 2])
                     * np.minimum(ltrb[:, 1], ltrb[:, 3]) / np.maximum(ltrb[:, 1], ltrb[:, 3]))
print(f"FCOS: 16x16 object covers {inside.sum()} stride-8 locations; "
      f"(l, t, r, b) of the first: {ltrb[0]}; centerness {np.round(centerness, 3)}")
