"""Compares clipping by value and by norm, and shows clipping taming a divergent run."""

import numpy as np


def clip_by_value(g, c):
    return np.clip(g, -c, c)


def clip_by_global_norm(grads, c):
    total = np.sqrt(sum(np.sum(g ** 2) for g in grads))
    scale = min(1.0, c / (total + 1e-12))
    return [g * scale for g in grads], total


def cosine(a, b):
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


g = np.array([0.5, 30.0, -4.0])
by_value = clip_by_value(g, 1.0)
(by_norm,), total = clip_by_global_norm([g], 1.0)
print(f"gradient {g}, norm {total:.3f}")
print(f"clip by value (1.0): {by_value}, cosine with g = {cosine(g, by_value):.3f}")
print(f"clip by norm  (1.0): {by_norm.round(4)}, cosine with g = "
      f"{cosine(g, by_norm):.3f}, norm = {np.linalg.norm(by_norm):.3f}")
assert np.allclose(by_value, [0.5, 1.0, -1.0])
assert cosine(g, by_value) < 0.9                       # direction changed
assert np.isclose(cosine(g, by_norm), 1.0)             # direction kept
assert np.isclose(np.linalg.norm(by_norm), 1.0)
# A gradient already below the threshold is left alone.
small = np.array([0.3, -0.4])
assert np.array_equal(clip_by_global_norm([small], 1.0)[0][0], small)

# Global norm over several tensors: one scale factor for all of them.
grads = [np.array([3.0, 4.0]), np.array([[12.0]])]     # total norm 13
clipped, total = clip_by_global_norm(grads, 6.5)
assert np.isclose(total, 13.0) and np.allclose(clipped[0], [1.5, 2.0])
print(f"global norm {total:.1f} -> every tensor scaled by {6.5 / total}")

# Minimise f(w) = w^4 / 4 from w = 5 with learning rate 0.1. The gradient w^3 = 125
# makes plain gradient descent jump to -7.5 and diverge; clipping the norm to 1 keeps
# every step at most 0.1 long, and the run converges.
for clip in (None, 1.0):
    w = 5.0
    for step in range(200):
        grad = w ** 3
        if clip is not None:
            grad = clip_by_global_norm([np.array(grad)], clip)[0][0]
        w -= 0.1 * grad
        if abs(w) > 1e6:
            break
    label = "no clipping" if clip is None else f"clip norm {clip}"
    print(f"{label:12s}: w after {step + 1} steps = {w:.3g}")
    if clip is None:
        assert abs(w) > 1e6
    else:
        assert abs(w) < 0.6
