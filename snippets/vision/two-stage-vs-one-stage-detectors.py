"""How lopsided the training targets of a dense one-stage head are, versus two-stage sampling."""

import numpy as np

rng = np.random.default_rng(0)
H, W = 800, 1333                                   # a typical COCO training image size


def anchors_for_level(stride, base):
    """RetinaNet-style anchors: 3 scales x 3 aspect ratios at every feature-map cell."""
    ys, xs = np.meshgrid((np.arange(-(-H // stride)) + 0.5) * stride,
                         (np.arange(-(-W // stride)) + 0.5) * stride, indexing="ij")
    shapes = []
    for scale in (2**0, 2 ** (1 / 3), 2 ** (2 / 3)):
        for ratio in (0.5, 1.0, 2.0):             # ratio = height / width
            area = (base * scale) ** 2
            w = np.sqrt(area / ratio)
            shapes.append((w, w * ratio))
    cx, cy = xs.reshape(-1, 1), ys.reshape(-1, 1)
    w, h = np.array(shapes).T
    return np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], -1).reshape(-1, 4)


anchors = np.concatenate([anchors_for_level(s, b) for s, b in
                          zip((8, 16, 32, 64, 128), (32, 64, 128, 256, 512))])
assert len(anchors) == 9 * (100 * 167 + 50 * 84 + 25 * 42 + 13 * 21 + 7 * 11)
print(f"one-stage head, P3-P7, 9 anchors per cell: {len(anchors):,} anchors per image")

# Seven objects of assorted sizes.
sizes = np.array([[30, 60], [50, 50], [90, 140], [120, 80], [200, 260], [300, 180], [500, 400]])
corner = rng.uniform([0, 0], [W - 500, H - 400], size=(7, 2))
objects = np.c_[corner, corner + sizes]



def best_iou(boxes, objects):
    lt = np.maximum(boxes[:, None, :2], objects[None, :, :2])
    rb = np.minimum(boxes[:, None, 2:], objects[None, :, 2:])
    inter = np.clip(rb - lt, 0, None).prod(-1)
    area_b = (boxes[:, 2:] - boxes[:, :2]).prod(-1)
    area_o = (objects[:, 2:] - objects[:, :2]).prod(-1)
    return (inter / (area_b[:, None] + area_o[None] - inter)).max(1)


best = best_iou(anchors, objects)
pos, neg = (best >= 0.5).sum(), (best < 0.4).sum()
print(f"RetinaNet labels (IoU >= 0.5 positive, < 0.4 negative): {pos} positive, "
      f"{neg:,} negative, {len(anchors) - pos - neg:,} ignored")
print(f"  positives are {100 * pos / (pos + neg):.3f}% of the labelled anchors")
assert pos / (pos + neg) < 0.002                   # about 1 positive per 1000 negatives


def sample(is_pos, is_neg, size, max_pos_fraction):
    """Two-stage training: a fixed-size batch with a capped share of positives."""
    p = rng.permutation(np.flatnonzero(is_pos))[:int(size * max_pos_fraction)]
    n = rng.permutation(np.flatnonzero(is_neg))[:size - len(p)]
    return len(p), len(p) + len(n)


# Stage 1 (RPN, Faster R-CNN): 256 anchors, up to 1:1; its labels use IoU 0.7 and 0.3.
rpn_pos, rpn_n = sample(best >= 0.7, best < 0.3, 256, 0.5)
# Stage 2: 2000 proposals; the RPN's boxes cluster on objects, modelled here as jittered
# copies of the objects plus random boxes. Sample 512 with at most 25% foreground.
jitter = objects[rng.integers(0, 7, 600)] + rng.normal(0, 15, size=(600, 4))
xy = rng.uniform([0, 0], [W - 100, H - 100], size=(1400, 2))
rand = np.c_[xy, xy + rng.uniform(20, 300, size=(1400, 2))]
props = np.concatenate([jitter, rand])
iou_p = best_iou(props, objects)
head_pos, head_n = sample(iou_p >= 0.5, iou_p < 0.5, 512, 0.25)
print(f"two-stage: RPN batch {rpn_pos}/{rpn_n} positive ({100 * rpn_pos / rpn_n:.1f}%), "
      f"RoI-head batch {head_pos}/{head_n} positive ({100 * head_pos / head_n:.1f}%)")
assert rpn_n == 256 and head_n == 512 and head_pos == 128
assert min(rpn_pos / rpn_n, head_pos / head_n) > 50 * pos / (pos + neg)
