"""KL divergence: a worked example, asymmetry, CE = H + KL, Gaussian formula, mode covering vs seeking."""

import numpy as np

rng = np.random.default_rng(0)


def kl(p, q):
    """D_KL(P || Q) in nats for discrete distributions (terms with p = 0 contribute 0)."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    m = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[m] * (np.log(p[m]) - np.log(q[m]))))


# 1. Worked example and asymmetry.
P, Q = [0.5, 0.5], [0.9, 0.1]
print(f"KL(P||Q) = {kl(P, Q):.4f}   KL(Q||P) = {kl(Q, P):.4f}")
assert np.isclose(kl(P, Q), 0.5 * np.log(0.5 / 0.9) + 0.5 * np.log(0.5 / 0.1))
assert not np.isclose(kl(P, Q), kl(Q, P))
# Nor does it satisfy the triangle inequality: going through the midpoint R is "shorter".
A, R, B = [0.9, 0.1], [0.5, 0.5], [0.1, 0.9]
assert kl(A, B) > kl(A, R) + kl(R, B)

# 2. Non-negative, zero only for P = Q, and cross-entropy = entropy + KL.
for _ in range(1000):
    p, q = rng.dirichlet(np.ones(5)), rng.dirichlet(np.ones(5))
    h, ce = -np.sum(p * np.log(p)), -np.sum(p * np.log(q))
    assert kl(p, q) > 0 and np.isclose(ce, h + kl(p, q))
assert kl(p, p) == 0.0
assert kl([0.5, 0.5], [1.0, 0.0]) == np.inf                # Q misses mass that P has
print("KL >= 0, KL(p, p) = 0, CE = H + KL on 1000 random pairs; KL = inf if q = 0 where p > 0")
print(f"triangle inequality fails: KL(A||B) = {kl(A, B):.3f} > "
      f"KL(A||R) + KL(R||B) = {kl(A, R) + kl(R, B):.3f}")


# 3. Closed form for two Gaussians (the VAE's KL term uses mu2 = 0, s2 = 1).
def kl_gauss(m1, s1, m2, s2):
    return np.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - 0.5


x = np.linspace(-15, 15, 60001)
dx = x[1] - x[0]


def normal(mu, s):
    return np.exp(-0.5 * ((x - mu) / s) ** 2) / (s * np.sqrt(2 * np.pi))


numeric = np.sum(normal(1.0, 0.5) * np.log(normal(1.0, 0.5) / normal(0.0, 1.0))) * dx
assert np.isclose(numeric, kl_gauss(1.0, 0.5, 0.0, 1.0), atol=1e-6)
print(f"KL(N(1, 0.5^2) || N(0, 1)) = {kl_gauss(1.0, 0.5, 0.0, 1.0):.4f} (formula = integral)")

# 4. Fit one Gaussian q to a two-mode mixture p by each direction of KL (grid search).
x = np.linspace(-10, 10, 2001)
dx = x[1] - x[0]
p = 0.5 * normal(-3, 1) + 0.5 * normal(3, 1)
mus, sigmas = np.round(np.arange(-4, 4.01, 0.1), 2), np.round(np.arange(0.6, 4.01, 0.02), 2)
best = {}
for name in ("forward KL(p||q)", "reverse KL(q||p)"):
    scores = np.empty((len(mus), len(sigmas)))
    for j, s in enumerate(sigmas):               # all means at once for each sigma
        q = np.exp(-0.5 * ((x - mus[:, None]) / s) ** 2) / (s * np.sqrt(2 * np.pi))
        a, b = (p, q) if name.startswith("forward") else (q, p)
        scores[:, j] = np.sum(a * np.log(a / b), axis=1) * dx
    i, j = np.unravel_index(scores.argmin(), scores.shape)
    best[name] = (mus[i], sigmas[j])
    print(f"{name}: mu = {mus[i]:+.1f}, sigma = {sigmas[j]:.2f}")
mu_f, s_f = best["forward KL(p||q)"]
mu_r, s_r = best["reverse KL(q||p)"]
assert abs(mu_f) < 0.05 and abs(s_f - np.sqrt(10)) < 0.03       # matches mean 0, variance 10
assert abs(abs(mu_r) - 3) < 0.15 and abs(s_r - 1) < 0.1          # sits on one mode

# Figure: the two-mode mixture and the Gaussian that each direction of KL fits to it.
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
xs = x[::10]                                      # 201 points are plenty for smooth curves
ax.fill_between(xs, p[::10], color="grey", alpha=0.3, label="p: mixture of N(-3, 1), N(3, 1)")
ax.plot(xs, normal(mu_f, s_f)[::10], linestyle="--",
        label=f"forward KL(p||q) fit: N({mu_f:.1f}, {s_f:.2f}^2)")
ax.plot(xs, normal(mu_r, s_r)[::10], linestyle="-",
        label=f"reverse KL(q||p) fit: N({mu_r:.1f}, {s_r:.2f}^2)")
# The forward fit puts over 20x p's density on the valley at 0; the reverse fit puts under
# 1% of p's density on the mode it ignores.
at0, other = np.abs(x).argmin(), np.abs(x + np.sign(mu_r) * 3).argmin()
assert normal(mu_f, s_f)[at0] > 20 * p[at0] and normal(mu_r, s_r)[other] < 0.01 * p[other]
ax.set_xlim(-10, 10)
ax.set_ylim(0, 0.45)
ax.set_xlabel("x")
ax.set_ylabel("density")
ax.legend(loc="upper right", fontsize=9)
fig.savefig("kl-fits.svg")
plt.close(fig)
print("figure: kl-fits.svg")
