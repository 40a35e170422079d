"""IoU of axis-aligned boxes: formula vs pixel counting, scale effects, GIoU, metric property."""

import numpy as np

rng = np.random.default_rng(0)


def iou(a, b):
    """Pairwise IoU of boxes a (n, 4) and b (m, 4) given as (x1, y1, x2, y2)."""
    a, b = np.atleast_2d(a).astype(float), np.atleast_2d(b).astype(float)
    lt = np.maximum(a[:, None, :2], b[None, :, :2])      # top-left of the intersection
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])      # bottom-right of the intersection
    inter = np.clip(rb - lt, 0, None).prod(-1)           # 0 when the boxes do not overlap
    area_a = (a[:, 2:] - a[:, :2]).prod(-1)
    area_b = (b[:, 2:] - b[:, :2]).prod(-1)
    return inter / (area_a[:, None] + area_b[None, :] - inter)


def area(x):
    return (x[2] - x[0]) * (x[3] - x[1])


def giou(a, b):
    """Generalised IoU: IoU minus the share of the enclosing box C not covered by A or B."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    c = np.r_[np.minimum(a[:2], b[:2]), np.maximum(a[2:], b[2:])]  # smallest enclosing box
    inter = np.clip(np.minimum(a[2:], b[2:]) - np.maximum(a[:2], b[:2]), 0, None).prod()
    union = area(a) + area(b) - inter
    return inter / union - (area(c) - union) / area(c)


# 1. Worked example: two 4x4 boxes overlapping in a 2x2 square.
v = iou([0, 0, 4, 4], [2, 2, 6, 6])[0, 0]
assert np.isclose(v, 4 / 28)
print(f"IoU((0,0,4,4), (2,2,6,6)) = 4/28 = {v:.4f}")

# 2. The formula agrees with counting pixels on a grid, for random integer boxes.
def random_boxes(n):
    xy = rng.integers(0, 30, size=(n, 2, 2))
    lo, hi = xy.min(1), xy.max(1) + 1
    return np.c_[lo, hi]


boxes_a, boxes_b = random_boxes(200), random_boxes(200)
for a, b in zip(boxes_a, boxes_b):
    ma, mb = np.zeros((31, 31), bool), np.zeros((31, 31), bool)
    ma[a[1]:a[3], a[0]:a[2]] = True
    mb[b[1]:b[3], b[0]:b[2]] = True
    assert np.isclose(iou(a, b)[0, 0], (ma & mb).sum() / (ma | mb).sum())
print("formula == pixel counting on 200 random box pairs")

# 3. The same 2-pixel shift costs a small box far more IoU than a large one,
#    while scaling both boxes by the same factor leaves IoU unchanged.
small = iou([0, 0, 10, 10], [2, 0, 12, 10])[0, 0]
large = iou([0, 0, 100, 100], [2, 0, 102, 100])[0, 0]
assert np.isclose(small, 80 / 120) and np.isclose(large, 9800 / 10200)
assert np.allclose(iou(boxes_a * 7, boxes_b * 7).diagonal(), iou(boxes_a, boxes_b).diagonal())
print(f"2-pixel shift: 10x10 box IoU {small:.3f}, 100x100 box IoU {large:.3f}")

# 4. Disjoint boxes all have IoU 0 (no gradient to follow); GIoU still ranks them.
near, far = [11, 0, 21, 10], [110, 0, 120, 10]
ref = [0, 0, 10, 10]
assert iou(ref, near)[0, 0] == iou(ref, far)[0, 0] == 0
assert -1 < giou(ref, far) < giou(ref, near) < 0
print(f"disjoint boxes: IoU 0 and 0, GIoU {giou(ref, near):.3f} (near) "
      f"and {giou(ref, far):.3f} (far)")

# 5. 1 - IoU is a distance: the triangle inequality holds on random box triples.
c = random_boxes(200)
d_ab = 1 - iou(boxes_a, boxes_b).diagonal()
d_bc = 1 - iou(boxes_b, c).diagonal()
d_ac = 1 - iou(boxes_a, c).diagonal()
assert np.all(d_ac <= d_ab + d_bc + 1e-12)
print("1 - IoU satisfies the triangle inequality on 200 random triples")

# Figure: IoU against a horizontal shift in pixels for a 10x10 and a 100x100 box.
import matplotlib.pyplot as plt

shifts = np.linspace(0, 20, 201)
curves = {}
fig, ax = plt.subplots()
for w, style, marker in ((10, "-", "o"), (100, "--", "s")):
    curve = iou([0, 0, w, w], np.c_[shifts, 0 * shifts, shifts + w, w + 0 * shifts])[0]
    ax.plot(shifts, curve, linestyle=style, label=f"{w} x {w} box")
    at2 = curve[shifts == 2][0]
    ax.plot(2, at2, marker=marker, color="black")
    ax.annotate(f"{at2:.3f}", (2, at2), xytext=(3, at2 + 0.03))
    curves[w] = curve
# The small box falls below IoU 0.5 after a third of its width, (w - s) / (w + s) = 1/2,
# 3.3 pixels; the large box needs a 20-pixel shift to drop to the small box's IoU at 2 pixels.
assert np.isclose(np.interp(-0.5, -curves[10], shifts), 10 / 3, atol=1e-3)
assert np.isclose(curves[100][-1], curves[10][shifts == 2][0]) and curves[10][-1] == 0
ax.axhline(0.5, color="grey", linewidth=0.8, linestyle=":")
ax.text(14.5, 0.52, "IoU 0.5 (PASCAL VOC)", color="grey", fontsize=9)
ax.set_xlim(0, 20)
ax.set_ylim(0, 1.02)
ax.set_xlabel("horizontal shift (pixels)")
ax.set_ylabel("IoU with the unshifted box")
ax.legend(loc="lower left")
fig.savefig("iou-shift.svg")
plt.close(fig)
print("figure: iou-shift.svg")
