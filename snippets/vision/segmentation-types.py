"""Semantic, instance and panoptic labels of one image, and panoptic quality (PQ) by hand."""

import numpy as np

SKY, ROAD, CAR = 0, 1, 2                       # sky and road are "stuff", car is a "thing"
NAMES = {SKY: "sky", ROAD: "road", CAR: "car"}


def scene(sky_extra, cars):
    """A 10x10 panoptic map: (class, instance id) per pixel; instance 0 for stuff."""
    cls = np.full((10, 10), ROAD)
    cls[:4] = SKY
    for r, c in sky_extra:
        cls[r, c] = SKY
    inst = np.zeros((10, 10), int)
    for k, (rows, cols) in enumerate(cars, start=1):
        cls[rows, cols] = CAR
        inst[rows, cols] = k
    return cls, inst


gt_cls, gt_inst = scene([], [(slice(5, 8), slice(1, 4)), (slice(5, 8), slice(6, 9))])
pr_cls, pr_inst = scene([(4, c) for c in range(5)],          # sky spills into row 4
                        [(slice(5, 8), slice(1, 5)),         # first car, one column too wide
                         (slice(8, 10), slice(8, 10))])      # a car that is not there
# (the second real car is predicted as road)

# The three views of the ground truth.
print("semantic map (class per pixel):\n", gt_cls)
print("instance masks of things:", {k: int((gt_inst == k).sum()) for k in (1, 2)}, "pixels")
assert len(np.unique(gt_cls[gt_cls == CAR])) == 1          # semantic: the two cars merge
assert len(np.unique(gt_inst[gt_inst > 0])) == 2           # instance: they stay apart


def segments(cls, inst):
    """Panoptic segments: one per (class, instance) pair present in the map."""
    keys = sorted(set(zip(cls.ravel(), inst.ravel())))
    return {k: (cls == k[0]) & (inst == k[1]) for k in keys}


def panoptic_quality(gt, pr):
    """PQ per class: sum of matched IoUs / (TP + FP/2 + FN/2); match when IoU > 0.5."""
    out = {}
    for c in NAMES:
        g = {k: m for k, m in gt.items() if k[0] == c}
        p = {k: m for k, m in pr.items() if k[0] == c}
        ious = []
        for gm in g.values():
            cand = [(gm & pm).sum() / (gm | pm).sum() for pm in p.values()]
            hits = [v for v in cand if v > 0.5]
            assert len(hits) <= 1                  # non-overlapping segments: unique match
            ious += hits
        tp = len(ious)
        fp, fn = len(p) - tp, len(g) - tp
        out[c] = (sum(ious) / (tp + fp / 2 + fn / 2), tp, fp, fn)
    return out


pq = panoptic_quality(segments(gt_cls, gt_inst), segments(pr_cls, pr_inst))
for c, (v, tp, fp, fn) in pq.items():
    print(f"{NAMES[c]:5s} PQ {v:.3f}  (TP {tp}, FP {fp}, FN {fn})")
total = np.mean([v[0] for v in pq.values()])
print(f"PQ = mean over classes = {total:.3f}")
assert np.isclose(pq[SKY][0], 40 / 45) and np.isclose(pq[ROAD][0], 30 / 51)
assert np.isclose(pq[CAR][0], 0.75 / 2)

# Semantic mean IoU of the same prediction ignores which car is which.
sem = {c: ((gt_cls == c) & (pr_cls == c)).sum() / ((gt_cls == c) | (pr_cls == c)).sum()
       for c in NAMES}
assert np.isclose(sem[CAR], 9 / 25)              # 9 shared car pixels of 25
print(f"semantic mIoU = {np.mean(list(sem.values())):.3f} "
      f"(car IoU {sem[CAR]:.2f}: counts pixels, not objects)")

# Why matching is unique: IoU > 0.5 needs more than half of the ground-truth segment,
# and two non-overlapping predictions cannot both have that. Random check:
rng = np.random.default_rng(0)
for _ in range(2000):
    labels = rng.integers(0, 3, size=40)         # a random partition into 3 predicted segments
    g = rng.random(40) < 0.5
    n_hits = sum((g & (labels == k)).sum() / (g | (labels == k)).sum() > 0.5 for k in range(3))
    assert n_hits <= 1
print("2000 random partitions: never two predictions with IoU > 0.5 on one segment")
