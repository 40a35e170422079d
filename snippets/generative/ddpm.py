"""DDPM: closed-form forward marginals, the reverse posterior, and a working sampler."""

import numpy as np

rng = np.random.default_rng(0)
T = 1000
beta = np.linspace(1e-4, 0.02, T)  # linear schedule of Ho et al. (2020)
alpha = 1 - beta
abar = np.cumprod(alpha)

# 1. Iterating x_t = sqrt(alpha_t) x_{t-1} + sqrt(beta_t) eps_t from a fixed x_0:
#    mean coefficient and variance follow a recursion; compare with the closed form.
mean_coef, var = 1.0, 0.0
for t in range(T):
    mean_coef = np.sqrt(alpha[t]) * mean_coef
    var = alpha[t] * var + beta[t]
    assert np.isclose(mean_coef, np.sqrt(abar[t])) and np.isclose(var, 1 - abar[t])
print(f"closed form matches {T} iterated steps; abar_T = {abar[-1]:.2e}")

# Same check by simulation: 20,000 chains from x_0 = 2.0, stopped at t = 100 and t = 500.
x0 = 2.0
x = np.full(20_000, x0)
for t in range(500):
    x = np.sqrt(alpha[t]) * x + np.sqrt(beta[t]) * rng.standard_normal(x.size)
    if t + 1 in (100, 500):
        mc = (x.mean(), x.var())
        exact = (np.sqrt(abar[t]) * x0, 1 - abar[t])
        assert np.allclose(mc, exact, atol=0.03)
        print(f"t={t + 1}: simulated mean, var = {mc[0]:.4f}, {mc[1]:.4f};"
              f" closed form = {exact[0]:.4f}, {exact[1]:.4f}")

# 2. The posterior q(x_{t-1} | x_t, x_0) from Gaussian conditioning of the joint
#    equals the DDPM formula (mean coefficients and variance beta-tilde).
t = 300  # 0-based index of step t; abar[t - 1] belongs to x_{t-1}
a_prev, a_t = abar[t - 1], abar[t]
cov = np.array([[1 - a_prev, np.sqrt(alpha[t]) * (1 - a_prev)],
                [np.sqrt(alpha[t]) * (1 - a_prev), 1 - a_t]])  # of (x_{t-1}, x_t) given x_0
gain = cov[0, 1] / cov[1, 1]
post_var = cov[0, 0] - gain * cov[0, 1]
coef_xt = gain
coef_x0 = np.sqrt(a_prev) - gain * np.sqrt(a_t)
assert np.isclose(coef_x0, np.sqrt(a_prev) * beta[t] / (1 - a_t))
assert np.isclose(coef_xt, np.sqrt(alpha[t]) * (1 - a_prev) / (1 - a_t))
assert np.isclose(post_var, (1 - a_prev) / (1 - a_t) * beta[t])
print(f"posterior at t={t + 1}: coefficients ({coef_x0:.5f} x0, {coef_xt:.5f} xt),"
      f" variance {post_var:.3e} vs beta_t {beta[t]:.3e}")

# 3. Reverse process with the exact noise predictor for a two-mode data set
#    (70% near -2, 30% near +2, each with std 0.3) turns N(0, 1) noise into data.
w, m, s = np.array([0.7, 0.3]), np.array([-2.0, 2.0]), 0.3


def eps_exact(x, t):
    """E[eps | x_t] for the mixture: the best possible noise prediction."""
    var_k = abar[t] * s**2 + 1 - abar[t]
    d0, d1 = x - np.sqrt(abar[t]) * m[0], x - np.sqrt(abar[t]) * m[1]
    # posterior weight of the +2 mode: a logistic function of the log-odds
    log_odds = np.log(w[1] / w[0]) - 0.5 * (d1**2 - d0**2) / var_k
    r1 = 0.5 * (1 + np.tanh(0.5 * log_odds))
    return np.sqrt(1 - abar[t]) * ((1 - r1) * d0 + r1 * d1) / var_k


x = rng.standard_normal(4_000)
for t in range(T - 1, -1, -1):
    mu = (x - beta[t] / np.sqrt(1 - abar[t]) * eps_exact(x, t)) / np.sqrt(alpha[t])
    sigma = np.sqrt(beta[t]) if t > 0 else 0.0
    x = mu + sigma * rng.standard_normal(x.size)
right = x > 0
assert abs(right.mean() - 0.3) < 0.03
assert abs(x[right].mean() - 2) < 0.03 and abs(x[right].std() - s) < 0.03
assert abs(x[~right].mean() + 2) < 0.03 and abs(x[~right].std() - s) < 0.03
print(f"1000 reverse steps from N(0,1): {right.mean():.3f} of samples in the +2 mode;"
      f" mode means {x[~right].mean():.3f}, {x[right].mean():.3f};"
      f" stds {x[~right].std():.3f}, {x[right].std():.3f}")
