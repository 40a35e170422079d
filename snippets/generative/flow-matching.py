"""Flow matching with straight paths x_t = (1 - t) x0 + t x1 (x0 noise, x1 data):
the exact marginal velocity, its link to a diffusion denoiser, and sampling by an ODE."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
w, m, s = np.array([0.7, 0.3]), np.array([-2.0, 2.0]), 0.3  # data: two Gaussian modes


def velocity(x, t):
    """v(x, t) = E[x1 - x0 | x_t = x], exact for the Gaussian-mixture data."""
    var = (1 - t) ** 2 + t**2 * s**2  # variance of x_t within one mode
    d = x[:, None] - t * m
    logp = np.log(w) - 0.5 * d**2 / var - 0.5 * np.log(var)
    r = np.exp(logp - logp.max(1, keepdims=True))
    r /= r.sum(1, keepdims=True)
    e_x1 = m + t * s**2 / var * d  # E[x1 | x_t, mode]
    e_x0 = (1 - t) / var * d  # E[x0 | x_t, mode]
    return (r * (e_x1 - e_x0)).sum(1)


# 1. The conditional target x1 - x0 is noisy, but its regression optimum is v:
#    on samples at t = 0.5, v beats perturbed predictors on the flow-matching loss.
t = 0.5
x0, x1 = rng.standard_normal(100_000), rng.choice(m, 100_000, p=w) + s * rng.standard_normal(
    100_000)
xt = (1 - t) * x0 + t * x1
best = np.mean((x1 - x0 - velocity(xt, t)) ** 2)
for name, f in [("1.1 * v", 1.1 * velocity(xt, t)), ("v + 0.1", velocity(xt, t) + 0.1)]:
    assert np.mean((x1 - x0 - f) ** 2) > best
print(f"flow-matching loss at t=0.5: exact v {best:.4f} (minimum > 0: paths cross)")

# 2. Same family as diffusion: x_t / sqrt(t^2 + (1-t)^2) is a variance-preserving diffusion
#    state with abar = t^2 / (t^2 + (1-t)^2); its denoiser E[x1 | x_t] gives the velocity
#    v = (E[x1 | x_t] - x_t) / (1 - t).


def denoiser_vp(z, abar):
    """E[x_data | z] for z = sqrt(abar) x_data + sqrt(1 - abar) eps (a diffusion model)."""
    var = abar * s**2 + 1 - abar
    d = z[:, None] - np.sqrt(abar) * m
    logp = np.log(w) - 0.5 * d**2 / var
    r = np.exp(logp - logp.max(1, keepdims=True))
    r /= r.sum(1, keepdims=True)
    return (r * (m + np.sqrt(abar) * s**2 / var * d)).sum(1)


x = np.linspace(-3, 3, 13)
for t in (0.2, 0.5, 0.9):
    norm = np.sqrt(t**2 + (1 - t) ** 2)
    v_from_diffusion = (denoiser_vp(x / norm, t**2 / norm**2) - x) / (1 - t)
    assert np.allclose(v_from_diffusion, velocity(x, t))
print("velocity from the diffusion denoiser at matched SNR == flow-matching velocity: True")

# 3. Sampling: Euler steps of dx/dt = v(x, t) from N(0, 1) at t = 0 to t = 1.


def sample(n_steps, n=20_000):
    x = rng.standard_normal(n)
    ts = np.linspace(0, 1, n_steps + 1)
    for t0, t1 in pairwise(ts):
        x = x + (t1 - t0) * velocity(x, t0)
    return x


data_std = np.sqrt(w @ (m**2 + s**2) - (w @ m) ** 2)
print(f"steps  share of +2 mode  overall std   (data: 0.300, {data_std:.3f})")
for n_steps in (1, 2, 4, 16, 100):
    x = sample(n_steps)
    right = x > 0
    print(f"{n_steps:5d}  {right.mean():16.3f}  {x.std():11.3f}")
    if n_steps == 1:  # one step sends every sample to E[x1] = -0.8: the data mean
        assert np.allclose(x, w @ m)
    if n_steps == 100:
        assert abs(right.mean() - 0.3) < 0.02 and abs(x.std() - data_std) < 0.03
        assert abs(x[right].std() - s) < 0.02 and abs(x[~right].std() - s) < 0.02
