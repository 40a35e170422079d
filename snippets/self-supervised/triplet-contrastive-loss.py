"""Contrastive (pair) loss and triplet loss: worked example, margins, collapse, scale, mining."""

import numpy as np

rng = np.random.default_rng(0)


def triplet(a, p, n, alpha):
    """FaceNet form: max(0, |a-p|^2 - |a-n|^2 + alpha)."""
    return max(0.0, np.sum((a - p) ** 2) - np.sum((a - n) ** 2) + alpha)


def pair_loss(x1, x2, similar, m):
    """Hadsell et al. form: similar pairs 0.5 d^2, dissimilar pairs 0.5 max(0, m - d)^2."""
    d = np.linalg.norm(x1 - x2)
    return 0.5 * d**2 if similar else 0.5 * max(0.0, m - d) ** 2


# 1. Worked example on the unit circle, alpha = 0.2; |a - p|^2 = 0.4.
a, p = np.array([1.0, 0.0]), np.array([0.8, 0.6])
negatives = {"easy": np.array([0.0, 1.0]), "semi-hard": np.array([0.75, -np.sqrt(0.4375)]),
             "hard": np.array([0.96, 0.28])}
for name, n in negatives.items():
    print(f"{name:<9} negative: |a-n|^2 = {np.sum((a - n) ** 2):.2f}, "
          f"loss = {triplet(a, p, n, 0.2):.2f}")
assert [round(triplet(a, p, n, 0.2), 10) for n in negatives.values()] == [0.0, 0.1, 0.52]

# 2. Collapse: every embedding at the same point.
z = np.zeros(2)
print(f"collapsed embeddings: triplet loss {triplet(z, z, z, 0.2):.2f} with alpha = 0.2, "
      f"{triplet(z, z, z, 0.0):.2f} with alpha = 0; dissimilar pair loss "
      f"{pair_loss(z, z, False, 1.0):.2f} with m = 1")
assert triplet(z, z, z, 0.0) == 0.0  # without a margin, collapse is a perfect solution
assert triplet(z, z, z, 0.2) == 0.2 and pair_loss(z, z, False, 1.0) == 0.5

# 3. Dissimilar pairs farther apart than the margin give no loss and no gradient;
#    closer ones are pushed with gradient -(m - d) (x1 - x2) / d, checked numerically.
x1, x2, m = rng.normal(size=4), rng.normal(size=4), 3.0
d = np.linalg.norm(x1 - x2)
g = -(m - d) * (x1 - x2) / d
h = 1e-6
num = np.array([(pair_loss(x1 + h * e, x2, False, m) - pair_loss(x1 - h * e, x2, False, m))
                / (2 * h) for e in np.eye(4)])
assert d < m and np.abs(g - num).max() < 1e-6
assert pair_loss(x1, x2, False, 0.9 * d) == 0.0

# 4. Without normalisation the margin means nothing: scaling all embeddings satisfies it.
a3, p3, n3 = np.array([0.0, 0.0]), np.array([1.0, 0.0]), np.array([0.0, 1.2])
for s in (1.0, 10.0):
    print(f"embeddings scaled by {s:>4}: triplet loss {triplet(s * a3, s * p3, s * n3, 0.5):.2f}")
assert triplet(a3, p3, n3, 0.5) > 0.0 == triplet(10 * a3, 10 * p3, 10 * n3, 0.5)


# 5. Mining: for random unit embeddings, how many triplets are easy (no gradient)?
def unit(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


A, P, N = unit(rng.normal(size=(3, 20000, 16)))
P = unit(A + 1.5 * P)  # positives nearer their anchors than random points
dap, dan = ((A - P) ** 2).sum(1), ((A - N) ** 2).sum(1)
easy = (dan >= dap + 0.2).mean()
semi = ((dan > dap) & (dan < dap + 0.2)).mean()
print(f"random triplets: {easy:.1%} easy (zero loss), {semi:.1%} semi-hard, "
      f"{1 - easy - semi:.1%} hard")
assert easy > 0.9
