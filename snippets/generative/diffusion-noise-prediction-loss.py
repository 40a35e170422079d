"""Noise prediction: the ELBO term is a weighted noise MSE; the optimum is E[eps | x_t],
which is the score up to a factor."""

import numpy as np

rng = np.random.default_rng(0)
T = 1000
beta = np.linspace(1e-4, 0.02, T)
alpha = 1 - beta
abar = np.cumprod(alpha)

# 1. One ELBO term: KL(q(x_{t-1}|x_t,x_0) || p(x_{t-1}|x_t)) with equal variances sigma^2
#    is |mu_tilde - mu_theta|^2 / (2 sigma^2), and equals a weighted |eps - eps_theta|^2.
for t in (1, 100, 999):  # 0-based step indices
    sig2 = beta[t]
    x0, eps, eps_hat = rng.standard_normal((3, 16))
    xt = np.sqrt(abar[t]) * x0 + np.sqrt(1 - abar[t]) * eps
    mu_tilde = (np.sqrt(abar[t - 1]) * beta[t] / (1 - abar[t]) * x0
                + np.sqrt(alpha[t]) * (1 - abar[t - 1]) / (1 - abar[t]) * xt)
    mu_theta = (xt - beta[t] / np.sqrt(1 - abar[t]) * eps_hat) / np.sqrt(alpha[t])
    kl = np.sum((mu_tilde - mu_theta) ** 2) / (2 * sig2)
    weight = beta[t] ** 2 / (2 * sig2 * alpha[t] * (1 - abar[t]))
    assert np.isclose(kl, weight * np.sum((eps - eps_hat) ** 2))
    print(f"t={t + 1:4d}: KL term = {weight:.4f} * |eps - eps_hat|^2")

# The weight that L_simple drops, over all t >= 2: not flat, it dips in the middle.
w_all = beta[1:] ** 2 / (2 * beta[1:] * alpha[1:] * (1 - abar[1:]))
t_min = int(np.argmin(w_all)) + 2  # 1-based step
assert w_all[0] > 20 * w_all[-1] and w_all.min() < 0.6 * w_all[-1]
print(f"weight for t >= 2: largest {w_all[0]:.4f} at t=2, smallest {w_all.min():.4f}"
      f" at t={t_min}, {w_all[-1]:.4f} at t=1000")

# A small data set: three points. q(x_t) is a mixture of three Gaussians.
data = np.array([-1.0, 0.5, 2.0])


def posterior_mean_x0(x, t):
    """E[x_0 | x_t] under the three-point data set."""
    logp = -0.5 * (x[:, None] - np.sqrt(abar[t]) * data) ** 2 / (1 - abar[t])
    r = np.exp(logp - logp.max(1, keepdims=True))
    return (r * data).sum(1) / r.sum(1)


def eps_opt(x, t):
    return (x - np.sqrt(abar[t]) * posterior_mean_x0(x, t)) / np.sqrt(1 - abar[t])


# 2. The minimiser of E|eps - f(x_t)|^2 is f = E[eps | x_t]: any change raises the loss.
t = 400
x0 = rng.choice(data, 200_000)
eps = rng.standard_normal(x0.size)
xt = np.sqrt(abar[t]) * x0 + np.sqrt(1 - abar[t]) * eps
best = np.mean((eps - eps_opt(xt, t)) ** 2)
for name, f in [("0.9 * optimum", 0.9 * eps_opt(xt, t)),
                ("optimum + 0.1", eps_opt(xt, t) + 0.1),
                ("x_t / sqrt(1-abar)", xt / np.sqrt(1 - abar[t]))]:
    loss = np.mean((eps - f) ** 2)
    assert loss > best
    print(f"loss of {name:20s} {loss:.4f} > loss of E[eps | x_t] {best:.4f}")

# 3. Tweedie: the score d/dx log q_t(x) equals -E[eps | x_t = x] / sqrt(1 - abar_t).


def log_q(x, t):
    d = (x[:, None] - np.sqrt(abar[t]) * data) ** 2 / (2 * (1 - abar[t]))
    return np.log(np.exp(-d).sum(1))


x = np.linspace(-3, 3, 7)
h = 1e-5
score_fd = (log_q(x + h, t) - log_q(x - h, t)) / (2 * h)
assert np.allclose(score_fd, -eps_opt(x, t) / np.sqrt(1 - abar[t]), atol=1e-6)
print("score by finite differences == -E[eps|x_t]/sqrt(1-abar_t): True")

# 4. Turning a noise estimate into an x_0 estimate multiplies its error by
#    sqrt(1 - abar) / sqrt(abar): harmless at low noise, huge near t = T.
for t in (0, 499, 999):
    print(f"t={t + 1:4d}: x0 error = {np.sqrt(1 - abar[t]) / np.sqrt(abar[t]):8.3f}"
          " * eps error")
