"""Greedy NMS on a hand-checkable example, Soft-NMS, per-class NMS and the offset trick."""

import numpy as np


def area(b):
    return (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])


def iou_one_to_many(box, others):
    lt = np.maximum(box[:2], others[:, :2])
    rb = np.minimum(box[2:], others[:, 2:])
    inter = np.clip(rb - lt, 0, None).prod(1)
    return inter / (area(box) + area(others) - inter)


def nms(boxes, scores, thr):
    """Greedy NMS: keep the best box, drop boxes with IoU > thr with it, repeat."""
    order = list(np.argsort(-scores, kind="stable"))
    keep = []
    while order:
        best, order = order[0], order[1:]
        keep.append(int(best))
        if order:
            ious = iou_one_to_many(boxes[best], boxes[order])
            order = [i for i, v in zip(order, ious) if v <= thr]
    return keep


def soft_nms(boxes, scores, sigma=0.5):
    """Gaussian Soft-NMS (Bodla et al., 2017): decay scores by exp(-IoU^2 / sigma)."""
    scores = scores.astype(float).copy()
    left, out = list(range(len(boxes))), {}
    while left:
        best = max(left, key=lambda i: scores[i])
        out[best] = scores[best]
        left.remove(best)
        if left:
            ious = iou_one_to_many(boxes[best], boxes[left])
            scores[left] *= np.exp(-ious**2 / sigma)
    return out


names = "ABCDE"
boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [0, 5, 10, 15],
                  [20, 20, 30, 30], [21, 20, 31, 30]], float)
scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])

# 1. The IoUs that decide the example.
pairs = {"AB": (0, 1), "AC": (0, 2), "BC": (1, 2), "DE": (3, 4)}
ious = {k: iou_one_to_many(boxes[i], boxes[[j]])[0] for k, (i, j) in pairs.items()}
assert np.isclose(ious["AB"], 81 / 119) and np.isclose(ious["AC"], 50 / 150)
assert np.isclose(ious["DE"], 90 / 110)
print("IoUs:", "  ".join(f"{k} {v:.3f}" for k, v in ious.items()))

# 2. Greedy NMS at two thresholds: a lower threshold suppresses more.
for thr, expected in ((0.5, "ACD"), (0.3, "AD")):
    kept = "".join(names[i] for i in nms(boxes, scores, thr))
    assert kept == expected
    print(f"NMS, IoU threshold {thr}: keep {kept}")

# 3. Removing low scores before or after NMS keeps the same boxes above the cut,
#    because a box can only be suppressed by a higher-scoring one.
rng = np.random.default_rng(0)
for _ in range(200):
    xy = rng.uniform(0, 50, size=(30, 2))
    b = np.c_[xy, xy + rng.uniform(5, 20, size=(30, 2))]
    s = rng.random(30)
    after = [i for i in nms(b, s, 0.5) if s[i] >= 0.4]
    sel = np.flatnonzero(s >= 0.4)
    before = [int(sel[i]) for i in nms(b[sel], s[sel], 0.5)]
    assert after == before
print("score threshold before or after NMS: same kept boxes (200 random cases)")

# 4. Soft-NMS keeps every box but lowers the scores of overlapping ones.
soft = soft_nms(boxes, scores)
print("Soft-NMS scores:", "  ".join(f"{names[i]} {v:.3f}" for i, v in soft.items()))
assert list(soft) == [0, 3, 2, 1, 4]                 # order of selection: A, D, C, B, E
assert np.isclose(soft[2], 0.7 * np.exp(-(1 / 3) ** 2 / 0.5))
assert sorted(names[i] for i, v in soft.items() if v >= 0.3) == ["A", "C", "D"]

# 5. Per-class NMS: if E is a different class from D, it survives. Offsetting each
#    class's boxes so that classes cannot overlap gives the same result in one call.
labels = np.array([0, 0, 0, 0, 1])
per_class = sorted(int(np.flatnonzero(labels == c)[i])
                   for c in np.unique(labels)
                   for i in nms(boxes[labels == c], scores[labels == c], 0.5))
offset = boxes + (labels * (boxes.max() + 1))[:, None]
assert per_class == sorted(nms(offset, scores, 0.5)) == [0, 2, 3, 4]
print("per-class NMS (E is another class): keep", "".join(names[i] for i in per_class))

# Figure: the five boxes before NMS and the three that greedy NMS keeps at threshold 0.5.
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

kept = nms(boxes, scores, 0.5)
fig, axes = plt.subplots(1, 2, sharex=True, sharey=True)
styles = ["-", "--", ":", "-", "--"]
label_at = [(0.5, 0.7), (11.5, 2), (0.5, 15.7), (20.5, 30.7), (21.5, 17.8)]  # beside each box
for ax, show, title in ((axes[0], range(len(boxes)), "before NMS"),
                        (axes[1], kept, "after NMS (IoU > 0.5 removed)")):
    for i in show:
        x0, y0, x1, y1 = boxes[i]
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, linewidth=1.5,
                               linestyle=styles[i], edgecolor=f"C{i}"))
        ax.text(*label_at[i], f"{names[i]} {scores[i]:.1f}", color=f"C{i}", fontsize=9)
    ax.set_title(title, fontsize=11)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
axes[0].set_xlim(-2, 33)
axes[0].set_ylim(-2, 34)
axes[0].set_ylabel("y")
assert "".join(names[i] for i in kept) == "ACD"
fig.savefig("nms.svg")
plt.close(fig)
print("figure: nms.svg")
