"""Why GAN generators drop modes: against an optimal discriminator the non-saturating
generator loss has the gradient of KL(p_g || p_data) - 2 JSD, a mode-seeking divergence."""

import numpy as np

x = np.linspace(-12, 12, 4801)
dx = x[1] - x[0]


def normal(mu, sd):
    return np.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * np.sqrt(2 * np.pi))


p = 0.5 * normal(-3, 0.5) + 0.5 * normal(3, 0.5)  # data: two well-separated modes


def kl(a, b):
    return np.sum(a * np.log((a + 1e-300) / (b + 1e-300))) * dx


def jsd(a, b):
    m = (a + b) / 2
    return 0.5 * kl(a, m) + 0.5 * kl(b, m)


# 1. Fit one Gaussian q = N(mu, sd) to the two-mode data under different divergences.
mus, sds = np.linspace(-4, 4, 33), np.linspace(0.25, 4, 16)
fits = {}
for name, div in [("forward KL(p||q)", lambda q: kl(p, q)),
                  ("reverse KL(q||p)", lambda q: kl(q, p)),
                  ("JSD", lambda q: jsd(p, q))]:
    grid = np.array([[div(normal(mu, sd)) for sd in sds] for mu in mus])
    i, j = np.unravel_index(grid.argmin(), grid.shape)
    fits[name] = (mus[i], sds[j])
    print(f"{name:17s} best fit: mu = {mus[i]:+.2f}, sd = {sds[j]:.2f}")
assert abs(fits["forward KL(p||q)"][0]) < 0.1 and fits["forward KL(p||q)"][1] > 2.5
for name in ("reverse KL(q||p)", "JSD"):  # these sit on one mode, with its width
    assert abs(abs(fits[name][0]) - 3) < 0.2 and fits[name][1] < 0.8

# 2. Arjovsky and Bottou (2017): with D fixed at the optimum D* = p / (p + q) for the
#    current generator, the gradient of E_q[-log D*(x)] (the non-saturating loss) equals
#    the gradient of KL(q || p) - 2 JSD(q, p). Check for q = N(mu, 1), gradient in mu.
mu0, h = 1.0, 1e-4
d_star = p / (p + normal(mu0, 1.0))


def ns_loss(mu):  # discriminator held fixed
    return np.sum(normal(mu, 1.0) * -np.log(d_star + 1e-300)) * dx


def divergence(mu):
    q = normal(mu, 1.0)
    return kl(q, p) - 2 * jsd(q, p)


g_ns = (ns_loss(mu0 + h) - ns_loss(mu0 - h)) / (2 * h)
g_div = (divergence(mu0 + h) - divergence(mu0 - h)) / (2 * h)
assert np.isclose(g_ns, g_div, rtol=1e-4)
print(f"d/dmu non-saturating loss = {g_ns:.5f}; d/dmu [KL(q||p) - 2 JSD] = {g_div:.5f}")

# 3. Cost of covering versus dropping a mode under the reverse KL that drives the
#    generator: a generator sitting on one mode pays log 2; one spread over both pays more.
one_mode, both = normal(3, 0.5), normal(0, 3.04)
print(f"KL(q||p): on one mode {kl(one_mode, p):.4f} (log 2 = {np.log(2):.4f});"
      f" spread over both {kl(both, p):.4f}")
assert np.isclose(kl(one_mode, p), np.log(2), atol=1e-3) and kl(both, p) > kl(one_mode, p)
