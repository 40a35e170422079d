"""DDIM: same marginals as DDPM for any eta, eta = 1 is the DDPM step, and deterministic
eta = 0 sampling is more accurate with few steps and can be inverted."""

from itertools import pairwise

import numpy as np

T = 1000
beta = np.linspace(1e-4, 0.02, T)
alpha = 1 - beta
abar = np.cumprod(alpha)


def ddim_coefs(a_t, a_s, eta):
    """x_s = c0 * x0_hat + ce * eps_hat + sigma * z, for a jump from abar a_t to a_s."""
    sigma2 = eta**2 * (1 - a_s) / (1 - a_t) * (1 - a_t / a_s)
    return np.sqrt(a_s), np.sqrt(1 - a_s - sigma2), sigma2


# 1. eta = 1 for a jump of 100 steps (t=1000 -> 900): q_sigma(x_s | x_t, x_0) is the posterior
#    of the Markov forward process, found here by Gaussian conditioning of (x_s, x_t) given x_0.
a_t, a_s = abar[999], abar[899]
cov = np.array([[1 - a_s, np.sqrt(a_t / a_s) * (1 - a_s)],
                [np.sqrt(a_t / a_s) * (1 - a_s), 1 - a_t]])
gain = cov[0, 1] / cov[1, 1]  # coefficient of x_t in E[x_s | x_t, x_0]
post_var = cov[0, 0] - gain * cov[0, 1]
c0, ce, s2 = ddim_coefs(a_t, a_s, 1.0)
# DDIM mean: c0 x0 + ce (x_t - sqrt(a_t) x0) / sqrt(1 - a_t)
assert np.isclose(ce / np.sqrt(1 - a_t), gain)
assert np.isclose(c0 - ce * np.sqrt(a_t) / np.sqrt(1 - a_t), np.sqrt(a_s) - gain * np.sqrt(a_t))
assert np.isclose(s2, post_var)
print(f"eta = 1, jump t=1000 -> 900: DDIM kernel = Markov posterior (variance {s2:.4f})")

# 2. eta = 1 with consecutive steps is exactly the DDPM ancestral step (sigma^2 = beta-tilde).
t = 500
c0, ce, s2 = ddim_coefs(abar[t], abar[t - 1], 1.0)
# DDIM in terms of x_t and eps_hat: x0_hat = (x_t - sqrt(1-abar_t) eps_hat) / sqrt(abar_t)
k_x = c0 / np.sqrt(abar[t])
k_e = ce - c0 * np.sqrt(1 - abar[t]) / np.sqrt(abar[t])
assert np.isclose(k_x, 1 / np.sqrt(alpha[t]))
assert np.isclose(k_e, -beta[t] / (np.sqrt(alpha[t]) * np.sqrt(1 - abar[t])))
assert np.isclose(s2, (1 - abar[t - 1]) / (1 - abar[t]) * beta[t])
print("eta = 1, one step: coefficients and variance equal the DDPM step")

# 3. Gaussian data N(0, 0.5^2), exact noise predictor: every step is linear, so the
#    variance of the generated samples can be propagated exactly (target 0.25).
s = 0.5


def sample_variance(n_steps, eta):
    taus = np.linspace(0, T - 1, n_steps).round().astype(int)[::-1]
    v = 1.0  # x_T ~ N(0, 1)
    for i, t in enumerate(taus):
        a_t = abar[t]
        a_s = abar[taus[i + 1]] if i + 1 < n_steps else 1.0
        var_t = a_t * s**2 + 1 - a_t
        x0_gain = np.sqrt(a_t) * s**2 / var_t  # E[x0 | x_t] = x0_gain * x_t
        eps_gain = np.sqrt(1 - a_t) / var_t  # E[eps | x_t] = eps_gain * x_t
        c0, ce, s2 = ddim_coefs(a_t, a_s, eta)
        v = (c0 * x0_gain + ce * eps_gain) ** 2 * v + s2
    return v


print("steps  var (eta=0, DDIM)  var (eta=1, DDPM-like)   target 0.25")
for n in (10, 20, 50, 100, 1000):
    v0, v1 = sample_variance(n, 0.0), sample_variance(n, 1.0)
    assert abs(v0 - s**2) < abs(v1 - s**2)
    print(f"{n:5d}  {v0:17.4f}  {v1:22.4f}")
assert abs(sample_variance(1000, 0.0) - s**2) < 0.005

# 4. eta = 0 is a deterministic map (a discretised ODE), so it can be run backwards:
#    encode points at noise level t = 200 to x_T, decode them, and get them back.
data = np.array([-1.0, 0.5, 2.0])  # a three-point data set


def eps_hat(x, a):
    logp = -0.5 * (x[:, None] - np.sqrt(a) * data) ** 2 / (1 - a)
    r = np.exp(logp - logp.max(1, keepdims=True))
    x0 = (r * data).sum(1) / r.sum(1)
    return (x - np.sqrt(a) * x0) / np.sqrt(1 - a)


def ddim_run(x, levels):
    for a_t, a_s in pairwise(levels):
        e = eps_hat(x, a_t)
        x0 = (x - np.sqrt(1 - a_t) * e) / np.sqrt(a_t)
        x = np.sqrt(a_s) * x0 + np.sqrt(1 - a_s) * e
    return x


levels = abar[np.linspace(199, T - 1, 400).round().astype(int)]  # decreasing abar
x_start = np.array([-1.2, 0.3, 2.1])
noise = ddim_run(x_start, levels)  # x_200 -> x_T (inversion)
back = ddim_run(noise, levels[::-1])  # x_T -> x_200
err = np.abs(back - x_start).max()
assert err < 0.01
print(f"inversion: x_200 {x_start} -> x_T {noise.round(3)} -> {back.round(3)};"
      f" max error {err:.4f}")
