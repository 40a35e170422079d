"""Cliffs in an RNN loss surface and gradient clipping by global norm."""

import numpy as np

# Scalar linear RNN h_t = w * h_{t-1}, h_0 = 1:
# h_T = w**T and dh_T/dw = T * w**(T-1).
T = 50


def run_rnn(w):
    h = 1.0
    for _ in range(T):
        h = w * h
    return h


slope = {}
for w in (0.9, 1.0, 1.1):
    analytic = T * w ** (T - 1)
    eps = 1e-7
    slope[w] = (run_rnn(w + eps) - run_rnn(w - eps)) / (2 * eps)  # unrolled loop
    assert np.isclose(analytic, slope[w], rtol=1e-5)
    print(f"w = {w}: h_T = {run_rnn(w):10.4g}, dh_T/dw = {slope[w]:10.4g}")
ratio = slope[1.1] / slope[0.9]
assert 18_000 < ratio < 19_000  # the gradient at w=1.1 over the one at w=0.9
print(f"gradient ratio between w=1.1 and w=0.9: {ratio:.0f}")


def clip_by_global_norm(grads, max_norm):
    """Rescale all gradients together so their joint L2 norm is at most max_norm."""
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    scale = min(1.0, max_norm / total)
    return [g * scale for g in grads], total


rng = np.random.default_rng(0)
grads = [rng.normal(size=(4, 4)) * 1e4, rng.normal(size=4) * 1e4]  # an exploded step
clipped, before = clip_by_global_norm(grads, max_norm=1.0)
after = np.sqrt(sum(np.sum(g**2) for g in clipped))
flat_before = np.concatenate([g.ravel() for g in grads])
flat_after = np.concatenate([g.ravel() for g in clipped])
cosine = flat_before @ flat_after / (before * after)
assert np.isclose(after, 1.0) and np.isclose(cosine, 1.0)
print(f"global norm before clipping: {before:.3g}, after: {after:.3g}")
print(f"cosine between clipped and original direction: {cosine:.6f}")

# Clipping each element to [-1, 1] instead changes the direction.
elementwise = np.clip(flat_before, -1.0, 1.0)
cos_elem = flat_before @ elementwise / (before * np.linalg.norm(elementwise))
assert cos_elem < 0.95
print(f"cosine after element-wise clipping to [-1, 1]: {cos_elem:.3f}")

small = [np.full(3, 0.1)]
unchanged, _ = clip_by_global_norm(small, max_norm=1.0)
assert np.array_equal(unchanged[0], small[0])
print("a gradient already below the threshold is left unchanged")
