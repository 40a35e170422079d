"""Check IoU and non-maximum suppression, the post-processing every face detector uses."""

import numpy as np


def iou(a, b):
    """Intersection over union of boxes given as (x1, y1, x2, y2)."""
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1])
    return inter / (area - inter)


def nms(boxes, scores, threshold=0.4):
    """Keep the best-scoring box, drop boxes overlapping it by more than threshold."""
    order = list(np.argsort(scores)[::-1])
    keep = []
    while order:
        best = order.pop(0)
        keep.append(int(best))
        order = [i for i in order if iou(boxes[best], boxes[i]) <= threshold]
    return keep


a, b = (0, 0, 10, 10), (5, 0, 15, 10)
assert np.isclose(iou(a, b), 50 / 150) and iou(a, a) == 1.0
assert iou(a, (20, 20, 30, 30)) == 0.0
print(f"IoU of two 10x10 boxes overlapping by half: {iou(a, b):.3f}")

# Detector output: two faces, each found several times at nearby positions and scales.
boxes = np.array(
    [
        [100, 100, 160, 170],  # face 1
        [104, 98, 162, 172],  # face 1, shifted
        [96, 104, 158, 166],  # face 1, other scale
        [300, 120, 340, 170],  # face 2
        [302, 118, 344, 172],  # face 2, shifted
        [500, 400, 520, 430],  # low-score false positive
    ],
    dtype=float,
)
scores = np.array([0.97, 0.91, 0.88, 0.95, 0.80, 0.30])

kept = nms(boxes, scores)
faces = [i for i in kept if scores[i] >= 0.5]  # score threshold after NMS
print("boxes kept by NMS:", kept)
print("after score threshold 0.5:", faces, "-> faces found:", len(faces))
assert kept == [0, 3, 5] and faces == [0, 3]
# Dropping low scores before NMS gives the same faces.
high = np.flatnonzero(scores >= 0.5)
assert [int(high[i]) for i in nms(boxes[high], scores[high])] == faces

# Positive / negative anchors as in single-stage detectors: IoU >= 0.5 with a face.
anchors = np.array([[98, 102, 158, 168], [130, 130, 190, 200], [0, 0, 64, 64]], float)
labels = [int(max(iou(an, boxes[0]), iou(an, boxes[3])) >= 0.5) for an in anchors]
print("anchor labels (1 = face):", labels)
assert labels == [1, 0, 0]
