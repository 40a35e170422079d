"""Average precision of a detector under the VOC 11-point, VOC all-point and COCO conventions."""

import numpy as np


def area(x):
    return (x[2] - x[0]) * (x[3] - x[1])


def iou(a, b):
    lt, rb = np.maximum(a[:2], b[:2]), np.minimum(a[2:], b[2:])
    inter = np.clip(rb - lt, 0, None).prod()
    return inter / (area(a) + area(b) - inter)


def match(dets, gts, thr):
    """Mark detections TP/FP: in score order, each takes the best unmatched GT with IoU >= thr."""
    taken, tp = set(), []
    for img, score, box in sorted(dets, key=lambda d: -d[1]):
        cands = [(iou(np.array(box), np.array(g)), k) for k, (gi, g) in enumerate(gts)
                 if gi == img and k not in taken]
        best = max(cands, default=(0.0, None))
        ok = best[0] >= thr
        if ok:
            taken.add(best[1])
        tp.append(ok)
    return np.array(tp)


def pr_curve(tp, n_gt):
    ctp = np.cumsum(tp)
    return ctp / n_gt, ctp / np.arange(1, len(tp) + 1)   # recall, precision


def envelope(prec):
    """Interpolated precision: the best precision at this recall or any higher one."""
    return np.maximum.accumulate(prec[::-1])[::-1]


def ap_voc11(rec, prec):
    return np.mean([prec[rec >= t].max() if (rec >= t).any() else 0.0
                    for t in np.linspace(0, 1, 11)])


def ap_all_points(rec, prec):
    r = np.r_[0.0, rec]
    return np.sum((r[1:] - r[:-1]) * envelope(prec))


def ap_coco101(rec, prec):
    env = envelope(prec)
    idx = np.searchsorted(rec, np.linspace(0, 1, 101), side="left")
    return np.mean([env[i] if i < len(env) else 0.0 for i in idx])


# Ground truth: two "person" boxes in image 1, one in image 2.
gts = [(1, (0, 0, 10, 10)), (1, (20, 0, 30, 10)), (2, (0, 0, 20, 20))]
dets = [(1, 0.95, (0, 0, 10, 10)),      # exact hit on the first person
        (1, 0.90, (1, 0, 11, 10)),      # duplicate of the same person
        (2, 0.80, (0, 0, 20, 15.5)),    # IoU 0.775 with the image-2 person
        (1, 0.70, (40, 40, 50, 50)),    # background
        (1, 0.60, (22, 0, 32, 10))]     # IoU 0.667 with the second person

tp = match(dets, gts, 0.5)
rec, prec = pr_curve(tp, len(gts))
print("TP/FP at IoU 0.5:", " ".join("TP" if t else "FP" for t in tp))
print("recall   ", np.round(rec, 3))
print("precision", np.round(prec, 3))
print("envelope ", np.round(envelope(prec), 3))
ap = {"VOC2007 11-point": ap_voc11(rec, prec), "VOC2010+ all-point": ap_all_points(rec, prec),
      "COCO 101-point": ap_coco101(rec, prec)}
for name, v in ap.items():
    print(f"AP@0.5 {name:18s} {v:.4f}")
assert np.isclose(ap["VOC2007 11-point"], (4 * 1 + 3 * 2 / 3 + 4 * 0.6) / 11)
assert np.isclose(ap["VOC2010+ all-point"], (1 + 2 / 3 + 0.6) / 3)
assert np.isclose(ap["COCO 101-point"], (34 * 1 + 33 * 2 / 3 + 34 * 0.6) / 101)

# A false positive ranked below every true positive cannot lower AP.
extra = dets + [(2, 0.01, (50, 50, 60, 60))]
rec2, prec2 = pr_curve(match(extra, gts, 0.5), len(gts))
assert np.isclose(ap_all_points(rec2, prec2), ap["VOC2010+ all-point"])
assert np.isclose(ap_coco101(rec2, prec2), ap["COCO 101-point"])
print("adding a false positive below every true positive: AP unchanged")

# COCO's AP: the 101-point AP averaged over IoU thresholds 0.50, 0.55, ..., 0.95.
per_thr = []
for thr in np.linspace(0.5, 0.95, 10):
    r, p = pr_curve(match(dets, gts, thr), len(gts))
    per_thr.append(ap_coco101(r, p))
print("AP per IoU threshold:", " ".join(f"{v:.3f}" for v in per_thr))
print(f"AP@[.50:.95] = {np.mean(per_thr):.4f}")
assert np.isclose(per_thr[3], ap["COCO 101-point"])            # at 0.65 all three TPs hold
assert np.allclose(per_thr[4:6], (34 * 1 + 33 * 2 / 3) / 101)  # from 0.70 the 0.667 box is a FP
assert np.allclose(per_thr[6:], 34 / 101)                      # from 0.80 the 0.775 box too
assert np.mean(per_thr) < ap["COCO 101-point"]

# Figure: the example's precision-recall points and the interpolated envelope, whose area is
# the all-point AP.
import matplotlib.pyplot as plt

env = envelope(prec)
step_r, step_p = np.r_[0.0, rec], np.r_[env[0], env]   # env[i] holds on (rec[i-1], rec[i]]
fig, ax = plt.subplots()
ax.fill_between(step_r, step_p, step="pre", color="C0", alpha=0.15)
ax.step(step_r, step_p, where="pre", label="interpolated envelope", color="C0")
ax.plot(rec, prec, linestyle=":", marker="o", color="C1", label="precision at each rank")
for k, (r, p) in enumerate(zip(rec, prec), start=1):
    ax.annotate(str(k), (r, p), xytext=(6, -4), textcoords="offset points", fontsize=9)
ax.text(0.35, 0.25, f"area = all-point AP = {ap['VOC2010+ all-point']:.4f}", fontsize=10)
assert np.isclose(np.sum(np.diff(step_r) * step_p[1:]), ap["VOC2010+ all-point"])
ax.set_xlim(0, 1.05)
ax.set_ylim(0, 1.05)
ax.set_xlabel("recall")
ax.set_ylabel("precision")
ax.legend(loc="lower left")
fig.savefig("pr-curve.svg")
plt.close(fig)
print("figure: pr-curve.svg")
