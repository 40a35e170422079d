"""PAC bound for thresholds checked by simulation; a parameter-count bound is huge."""

import math

import numpy as np

rng = np.random.default_rng(0)
eps, delta, t_star = 0.05, 0.05, 0.3

# Realisable 1-D thresholds h_t(x) = [x >= t], x ~ Uniform(0, 1). The consistent learner
# picks t_hat = smallest positive example; its error is t_hat - t_star.
# P(error > eps) = (1 - eps)^m <= exp(-eps m), so m >= ln(1/delta) / eps suffices.
m = math.ceil(math.log(1 / delta) / eps)
trials = 20000
x = rng.random((trials, m))
pos = np.where(x >= t_star, x, 1.0)
err = pos.min(axis=1) - t_star
fail = np.mean(err > eps)
print(f"m = {m} samples for eps = {eps}, delta = {delta}")
print(f"P(error > eps): simulated {fail:.4f}, exact (1-eps)^m {(1 - eps) ** m:.4f}")
assert abs(fail - (1 - eps) ** m) < 0.006 and (1 - eps) ** m <= delta

# Finite class, realisable: m >= (ln|H| + ln(1/delta)) / eps.
# Agnostic (Hoeffding + union bound): m >= (ln|H| + ln(2/delta)) / (2 eps^2).
W, bits, eps2 = 1_000_000, 32, 0.01  # a 1M-parameter net with 32-bit weights
ln_H = W * bits * math.log(2)
m_real = (ln_H + math.log(1 / delta)) / eps2
m_agn = (ln_H + math.log(2 / delta)) / (2 * eps2**2)
print(f"1M-param net, eps = {eps2}: realisable bound {m_real:.3g} samples")
print(f"                          agnostic bound   {m_agn:.3g} samples")
print("ImageNet-1k training set: 1.28e+06 images")
assert m_real > 1000 * 1.28e6  # the worst-case bound is far from what works in practice
