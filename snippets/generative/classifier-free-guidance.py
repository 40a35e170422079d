"""Classifier-free guidance on a 1-D two-class problem with exact noise predictors:
scale 0 gives p(x), scale 1 gives p(x | c), larger scales push samples further into the
class and shrink their spread, beyond the 'sharpened' target p(x) p(c | x)^s."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
T = 1000
beta = np.linspace(1e-4, 0.02, T)
abar = np.cumprod(1 - beta)
means = np.array([-1.0, 1.0])  # class "-" and class "+", each N(mean, 1), equal priors


def eps_exact(x, a, w_plus):
    """E[eps | x_t] when x_0 is w_plus * N(1, 1) + (1 - w_plus) * N(-1, 1)."""
    # each component of x_t = sqrt(a) x_0 + sqrt(1 - a) eps has variance a + (1 - a) = 1
    d_minus, d_plus = x - np.sqrt(a) * means[0], x - np.sqrt(a) * means[1]
    if w_plus == 1.0:
        r_plus = 1.0
    else:  # posterior weight of the "+" component: logistic in the log-odds
        log_odds = np.log(w_plus / (1 - w_plus)) + 0.5 * (d_minus**2 - d_plus**2)
        r_plus = 0.5 * (1 + np.tanh(0.5 * log_odds))
    return np.sqrt(1 - a) * (r_plus * d_plus + (1 - r_plus) * d_minus)


def guided_samples(scale, n=5000, steps=100):
    """Deterministic DDIM with eps = eps_uncond + scale * (eps_cond - eps_uncond)."""
    taus = np.linspace(0, T - 1, steps).round().astype(int)[::-1]
    x = rng.standard_normal(n)
    for i, t in enumerate(taus):
        a = abar[t]
        a_next = abar[taus[i + 1]] if i + 1 < steps else 1.0
        e_u = eps_exact(x, a, 0.5)  # condition dropped
        e_c = eps_exact(x, a, 1.0)  # condition c = "+"
        e = e_u + scale * (e_c - e_u)
        x0 = (x - np.sqrt(1 - a) * e) / np.sqrt(a)
        x = np.sqrt(a_next) * x0 + np.sqrt(1 - a_next) * e
    return x


# The 'sharpened' target p(x | c)^s p(x)^(1 - s), proportional to p(x) p(c | x)^s,
# computed on a grid for comparison.
grid = np.linspace(-10, 10, 20001)
p_c = np.exp(-0.5 * (grid - 1) ** 2)
p_u = 0.5 * np.exp(-0.5 * (grid + 1) ** 2) + 0.5 * np.exp(-0.5 * (grid - 1) ** 2)

print("scale  sample mean  sample std  mean p(+|x) | target mean  target std")
stds, conf = [], []
for s in (0.0, 1.0, 3.0, 7.5):
    x = guided_samples(s)
    p_plus = 1 / (1 + np.exp(-2 * x))  # Bayes: p(+ | x) = sigmoid(2x) here
    tilt = p_c**s * p_u ** (1 - s)
    tilt /= tilt.sum()
    t_mean = (grid * tilt).sum()
    t_std = np.sqrt(((grid - t_mean) ** 2 * tilt).sum())
    stds.append(x.std())
    conf.append(p_plus.mean())
    print(f"{s:5.1f}  {x.mean():11.3f}  {x.std():10.3f}  {p_plus.mean():11.3f} |"
          f" {t_mean:11.3f}  {t_std:10.3f}")
    if s == 0.0:  # no guidance, no condition: the marginal mixture, std sqrt(2)
        assert abs(x.mean()) < 0.05 and abs(x.std() - np.sqrt(2)) < 0.05
    if s == 1.0:  # plain conditional model: N(1, 1)
        assert abs(x.mean() - 1) < 0.05 and abs(x.std() - 1) < 0.05
    if s == 3.0:  # guidance overshoots the sharpened target
        assert x.mean() > t_mean + 0.3 and x.std() < t_std - 0.1

assert all(a > b for a, b in pairwise(stds))  # diversity falls with the scale
assert all(a < b for a, b in pairwise(conf))  # class confidence rises
