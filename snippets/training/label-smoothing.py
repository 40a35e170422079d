"""Checks label smoothing: targets, loss split, gradient and the finite optimum."""

import numpy as np

K, EPS = 10, 0.1


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def ce(z, q):
    """Cross-entropy between target distribution q and softmax(z)."""
    return -np.sum(q * (z - z.max() - np.log(np.sum(np.exp(z - z.max())))))


hard = np.eye(K)[3]
smooth = (1 - EPS) * hard + EPS / K
print(f"smoothed target: true class {smooth[3]:.2f}, others {smooth[0]:.2f}")
assert np.isclose(smooth[3], 0.91) and np.isclose(smooth[0], 0.01)
assert np.isclose(smooth.sum(), 1.0)

# The smallest possible smoothed loss is the entropy of q, not 0.
entropy = -np.sum(smooth * np.log(smooth))
assert np.isclose(ce(np.log(smooth), smooth), entropy) and abs(entropy - 0.500) < 1e-3
print(f"minimum smoothed loss = entropy of q = {entropy:.4f} nats")

# Smoothed loss = (1 - eps) * CE(hard) + eps * CE(uniform).
z = np.random.default_rng(0).normal(size=K)
assert np.isclose(ce(z, smooth), (1 - EPS) * ce(z, hard) + EPS * ce(z, np.ones(K) / K))

# Gradient with respect to the logits is softmax(z) - q (finite-difference check).
num = np.array([(ce(z + e, smooth) - ce(z - e, smooth)) / 2e-6
                for e in np.eye(K) * 1e-6])
assert np.allclose(softmax(z) - smooth, num, atol=1e-6)

# Gradient descent on the logits of one example.
gaps = {}
for name, q in (("hard", hard), ("smoothed", smooth)):
    z = np.zeros(K)
    for step in range(1, 20_001):
        z -= 1.0 * (softmax(z) - q)
        if step in (1000, 20_000):
            gaps[name, step] = z[3] - np.delete(z, 3).max()
            print(f"{name:8s} targets, step {step:5d}: logit gap "
                  f"{gaps[name, step]:6.3f}")
# Hard targets: the gap keeps growing, by about ln(20) between steps 1000 and 20000.
assert np.isclose(gaps["hard", 20_000] - gaps["hard", 1000], np.log(20), atol=0.05)
# Smoothed targets: the gap settles at ln(0.91 / 0.01) = ln 91.
assert np.isclose(gaps["smoothed", 20_000], np.log(91), atol=1e-6)
print(f"optimal gap = ln((1 - eps + eps/K) / (eps/K)) = {np.log(91):.3f}")
