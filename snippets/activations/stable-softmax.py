"""Check the max-subtraction trick for softmax, log-sum-exp and cross-entropy."""

import numpy as np


def softmax_naive(z):
    e = np.exp(z)
    return e / e.sum()


def logsumexp(z):
    m = z.max()
    return m + np.log(np.exp(z - m).sum())


def softmax(z):
    return np.exp(z - logsumexp(z))


def log_softmax(z):
    return z - logsumexp(z)


z = np.array([1000.0, 1001.0, 1002.0])
with np.errstate(over="ignore", invalid="ignore"):
    naive = softmax_naive(z)
print("naive softmax of [1000, 1001, 1002] :", naive)
print("stable softmax                      :", np.round(softmax(z), 4))
assert np.isnan(naive).all()
assert np.allclose(softmax(z), softmax_naive(z - 1000.0))  # same as the small logits

# Overflow thresholds: exp overflows above ln(max float).
print(
    "overflow above, f64 / f32 / f16     :",
    *(round(float(np.log(np.finfo(t).max)), 2) for t in (np.float64, np.float32, np.float16)),
)
with np.errstate(over="ignore"):
    assert np.isinf(np.exp(np.float32(89.0))) and np.isfinite(np.exp(np.float32(88.0)))
    assert np.isinf(np.exp(np.float16(11.2))) and np.isfinite(np.exp(np.float16(11.0)))
    assert np.isinf(np.exp(710.0)) and np.isfinite(np.exp(709.0))

# Log-sum-exp bounds: max(z) <= LSE(z) <= max(z) + ln K.
rng = np.random.default_rng(0)
for _ in range(1000):
    v = rng.normal(scale=50, size=8)
    assert v.max() <= logsumexp(v) <= v.max() + np.log(8) + 1e-12
print("LSE([0, 0, 0, 0]) = ln 4            :", logsumexp(np.zeros(4)), np.log(4))

# Gradient of LSE is softmax (central finite differences).
v = rng.normal(size=5)
h = 1e-6
grad = np.array(
    [(logsumexp(v + h * e) - logsumexp(v - h * e)) / (2 * h) for e in np.eye(5)]
)
print("max |grad LSE - softmax|            :", f"{np.abs(grad - softmax(v)).max():.1e}")
assert np.abs(grad - softmax(v)).max() < 1e-9

# Cross-entropy from logits: log(softmax) underflows to log(0); log_softmax does not.
z = np.array([0.0, 800.0])
with np.errstate(divide="ignore"):
    bad = -np.log(softmax(z)[0])
good = -log_softmax(z)[0]
print("CE for class 0: -log(softmax), LSE-z:", bad, good)
assert np.isinf(bad) and good == 800.0

# All logits very negative: the naive version computes 0/0, the stable one does not.
z = np.array([-1000.0, -1001.0])
with np.errstate(invalid="ignore"):
    naive = softmax_naive(z)
print("naive / stable softmax of [-1000, -1001]:", naive, np.round(softmax(z), 4))
assert np.isnan(naive).all() and np.isclose(softmax(z).sum(), 1.0)
