"""Dice and IoU (Jaccard): their relation, soft losses, gradient and foreground imbalance."""

import numpy as np

rng = np.random.default_rng(0)


def dice(p, g, eps=0.0):
    """Soft Dice coefficient 2 sum(p g) / (sum p + sum g); hard when p is 0/1."""
    inter = (p * g).sum()
    return (2 * inter + eps) / (p.sum() + g.sum() + eps)


def jaccard(p, g):
    """Soft IoU: sum(p g) / (sum p + sum g - sum(p g))."""
    inter = (p * g).sum()
    return inter / (p.sum() + g.sum() - inter)


# 1. Worked example: ground truth 4 pixels, prediction 6 pixels, 3 in common.
g = np.zeros(10)
g[:4] = 1
p = np.zeros(10)
p[1:7] = 1
d, j = dice(p, g), jaccard(p, g)
assert np.isclose(d, 0.6) and np.isclose(j, 3 / 7)
print(f"hard masks: Dice {d:.4f}  IoU {j:.4f}  D/(2-D) {d / (2 - d):.4f}")
# J = D / (2 - D) for every pair of binary masks, so the two rank hard masks alike.
for _ in range(1000):
    a, b = rng.random(50) < 0.3, rng.random(50) < 0.3
    if a.any() or b.any():
        dd = dice(a.astype(float), b.astype(float))
        assert np.isclose(jaccard(a.astype(float), b.astype(float)), dd / (2 - dd))
# Averaged over images the ranking can flip: per-image Dice (0.52, 0.52) beats (1.0, 0.0) on mean
# Dice, but loses on mean IoU, since J = D / (2 - D) is not linear.
dice_a, dice_b = np.array([0.52, 0.52]), np.array([1.0, 0.0])
assert dice_a.mean() > dice_b.mean()
assert (dice_a / (2 - dice_a)).mean() < (dice_b / (2 - dice_b)).mean()

# 2. A 4x4 object (16 pixels). Hard Dice ignores true negatives, so padding the image
#    with background changes nothing; a per-pixel mean loss is diluted by the padding.
def bce(p, g):
    return -(g * np.log(p) + (1 - g) * np.log(1 - p)).mean()


gaps = {}
for side in (100, 1000):
    gt = np.zeros((side, side))
    gt[10:14, 10:14] = 1
    miss = np.full(gt.shape, 0.01)                # object missed entirely
    hit = miss.copy()
    hit[10:14, 10:14] = 0.9                       # object found
    hard = gt.copy()
    hard[10, 10] = 0                              # thresholded: 15 of 16 pixels found
    gaps[side] = bce(miss, gt) - bce(hit, gt)
    print(f"{side}x{side}: hard Dice {dice(hard, gt):.4f}  accuracy if all background "
          f"{(gt == 0).mean():.6f}  BCE(missed) - BCE(found) {gaps[side]:.6f}")
    assert np.isclose(dice(hard, gt), 30 / 31)
assert np.isclose(gaps[100], 100 * gaps[1000])
# Soft Dice counts background probability as soft false positives (100x100 image).
gt = np.zeros((100, 100))
gt[10:14, 10:14] = 1
soft_dice = {}
for bg in (0.01, 0.0001):
    soft = np.full(gt.shape, bg)
    soft[10:14, 10:14] = 0.9
    soft_dice[bg] = dice(soft, gt)
    print(f"object at 0.9, background at {bg}: soft Dice {soft_dice[bg]:.3f}")
assert soft_dice[0.01] < 0.25 and soft_dice[0.0001] > 0.9

# 3. Gradient of the soft Dice loss: every background pixel gets the same push,
#    -d/dp_i D = -2(g_i S - I)/S^2, which depends on the whole image through I and S.
p = rng.random(12)
g = (rng.random(12) < 0.4).astype(float)
inter, total = (p * g).sum(), p.sum() + g.sum()
analytic = -2 * (g * total - inter) / total**2
numeric = np.array([(1 - dice(p + 1e-6 * e, g) - (1 - dice(p - 1e-6 * e, g))) / 2e-6
                    for e in np.eye(12)])
assert np.allclose(analytic, numeric, atol=1e-8)
assert np.allclose(analytic[g == 0], analytic[g == 0][0])
print("soft Dice gradient matches finite differences; background pixels share one value")

# 4. Averaging per image weights a small object like a large one.
big_gt = np.zeros(1000)
big_gt[:400] = 1
small_gt = np.zeros(1000)
small_gt[:16] = 1
big_pred, small_pred = big_gt.copy(), np.zeros(1000)   # big found, small missed
pooled = dice(np.r_[big_pred, small_pred], np.r_[big_gt, small_gt])
per_image = (dice(big_pred, big_gt) + dice(small_pred, small_gt)) / 2
assert np.isclose(pooled, 800 / 816) and np.isclose(per_image, 0.5)
print(f"big found, small missed: pooled Dice {pooled:.3f}, per-image mean Dice {per_image:.2f}")

# 5. Empty ground truth and empty prediction: 0/0 without smoothing, 1 with it.
empty = np.zeros(20)
assert dice(empty, empty, eps=1.0) == 1.0
print(f"empty mask, empty prediction, eps=1: Dice {dice(empty, empty, eps=1.0):.1f}")
