"""VAE pieces: Gaussian KL formula, ELBO gap, and the reparameterisation gradient."""

import numpy as np

rng = np.random.default_rng(0)
N = 200_000

# 1. KL(N(mu, sigma^2) || N(0, 1)) = 0.5 * (mu^2 + sigma^2 - 1 - log sigma^2),
#    summed over dimensions.
mu, sigma = np.array([0.5, -1.0]), np.array([0.8, 1.5])
kl_closed = 0.5 * np.sum(mu**2 + sigma**2 - 1 - np.log(sigma**2))
z = mu + sigma * rng.normal(size=(N, 2))
log_q = np.sum(
    -0.5 * ((z - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi), 1
)
log_p = np.sum(-0.5 * z**2 - 0.5 * np.log(2 * np.pi), axis=1)
kl_mc = np.mean(log_q - log_p)
assert abs(kl_mc - kl_closed) < 0.01
print(f"KL closed form {kl_closed:.4f}, Monte Carlo {kl_mc:.4f}")

# 2. ELBO = log p(x) - KL(q || true posterior), in a model where everything is exact:
#    z ~ N(0, 1), x | z ~ N(z, s^2), so p(x) = N(0, 1 + s^2).
s2, x = 0.5, 1.2
log_px = -0.5 * np.log(2 * np.pi * (1 + s2)) - x**2 / (2 * (1 + s2))
post_m, post_v = x / (1 + s2), s2 / (1 + s2)


def elbo(m, v):
    """E_q[log p(x|z)] - KL(q || p(z)) for q = N(m, v), in closed form."""
    rec = -0.5 * np.log(2 * np.pi * s2) - ((x - m) ** 2 + v) / (2 * s2)
    return rec - 0.5 * (m**2 + v - 1 - np.log(v))


for m, v in ((post_m, post_v), (0.0, 1.0)):
    gap = log_px - elbo(m, v)
    kl_post = 0.5 * (v / post_v + (m - post_m) ** 2 / post_v - 1 - np.log(v / post_v))
    assert gap >= -1e-12 and np.isclose(gap, kl_post)
    print(f"q = N({m:.3f}, {v:.3f}): ELBO {elbo(m, v):.4f} <= log p(x) {log_px:.4f}")

# 3. Gradient of E_{z ~ N(mu, sigma^2)}[z^2] = mu^2 + sigma^2 w.r.t. mu: exactly 2 mu.
mu, sigma = 1.5, 0.7
eps = rng.normal(size=N)
z = mu + sigma * eps  # reparameterised sample: z is a differentiable function of mu
reparam = 2 * z  # d(z^2)/dmu through z = mu + sigma * eps
score = z**2 * (z - mu) / sigma**2  # REINFORCE: f(z) * d log q(z) / d mu
for name, g in (("reparameterisation", reparam), ("score function", score)):
    assert abs(g.mean() - 2 * mu) < 0.05
    print(
        f"{name:18s}: mean {g.mean():.3f} (exact {2 * mu}), "
        f"per-sample std {g.std():.2f}"
    )
assert score.std() > 3 * reparam.std()
