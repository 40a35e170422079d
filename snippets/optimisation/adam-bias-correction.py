"""Why Adam needs bias correction: zero-initialised moments and early step sizes."""

import numpy as np

b1, b2 = 0.9, 0.999

# 1. Constant gradient g: m_t = (1 - b1^t) g, so m_t / (1 - b1^t) = g exactly.
g = 2.5
m = v = 0.0
for t in range(1, 6):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g**2
    assert np.isclose(m, (1 - b1**t) * g) and np.isclose(m / (1 - b1**t), g)
    assert np.isclose(v / (1 - b2**t), g**2)

# 2. The EMA weights (1 - b) b^(t - i) over the t gradients seen sum to 1 - b^t,
#    not 1: the missing mass sits on the zero initial value.
t = 10
weights = (1 - b1) * b1 ** np.arange(t)
assert np.isclose(weights.sum(), 1 - b1**t)
print(f"EMA weights after {t} steps sum to {weights.sum():.4f} (beta1={b1})")

# 3. Without correction the step m / sqrt(v) is off by (1 - b1^t) / sqrt(1 - b2^t).
print(f"{'t':>6} {'1-b1^t':>8} {'sqrt(1-b2^t)':>13} {'uncorrected / corrected':>24}")
ratios = {}
for t in (1, 2, 10, 100, 1000, 10000):
    r = (1 - b1**t) / np.sqrt(1 - b2**t)
    ratios[t] = r
    print(f"{t:6d} {1 - b1**t:8.4f} {np.sqrt(1 - b2**t):13.4f} {r:24.3f}")
assert np.isclose(ratios[1], 0.1 / np.sqrt(0.001))  # 3.162: first step 3x too big
ts = np.arange(1, 20001)
all_r = (1 - b1**ts) / np.sqrt(1 - b2**ts)
print(f"largest ratio: {all_r.max():.2f} at t={ts[all_r.argmax()]}")
assert all_r.max() > 6 and abs(all_r[-1] - 1) < 1e-3
assert np.all(all_r[:5000] > 1)  # with default betas, early steps are too LARGE

# 4. Noisy gradients with mean 1: averaged over many runs, the corrected first
#    moment is already unbiased at t=3; the uncorrected one is 1 - 0.9^3 = 0.271.
rng = np.random.default_rng(0)
G = 1.0 + rng.normal(size=(100000, 3))  # 100000 runs, 3 steps each
m = np.zeros(100000)
for t in range(1, 4):
    m = b1 * m + (1 - b1) * G[:, t - 1]
print(f"mean over runs at t=3: m={m.mean():.3f}, m_hat={m.mean() / (1 - b1**3):.3f}")
assert abs(m.mean() - (1 - b1**3)) < 0.01 and abs(m.mean() / (1 - b1**3) - 1) < 0.03

# 5. Scope: the factor is exact for any gradient sequence (eps = 0), not just on average;
#    its direction depends on the betas, and tiny gradients let eps reverse it.
g_seq = rng.standard_t(df=2, size=50) * 10.0 ** rng.uniform(-3, 3, size=50)
m = v = 0.0
for t, gt in enumerate(g_seq, start=1):
    m = b1 * m + (1 - b1) * gt
    v = b2 * v + (1 - b2) * gt**2
    corrected = (m / (1 - b1**t)) / np.sqrt(v / (1 - b2**t))
    assert np.isclose((m / np.sqrt(v)) / corrected, (1 - b1**t) / np.sqrt(1 - b2**t))
same = np.sqrt(1 - 0.9 ** ts[:100])  # beta1 = beta2 = 0.9: uncorrected steps too SMALL
assert np.all(same < 1)
eps, g1 = 1e-8, 1e-8
uncorr = (1 - b1) * g1 / (np.sqrt((1 - b2) * g1**2) + eps)
corr = g1 / (g1 + eps)
assert uncorr < corr
print(f"b1=b2=0.9: factor at t=1 {same[0]:.3f}; g=1e-8: ratio {uncorr / corr:.2f}")
