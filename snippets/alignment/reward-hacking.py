"""Reward over-optimisation in a model where everything is computable.

Reference policy: answers with quality q and (standardised) length L, independent N(0, 1).
Gold (true) reward: q - 0.5 * max(L, 0)^2  (people like quality, dislike padding).
Proxy reward model: q + 0.7 * L            (it learned "longer looks better").
The KL-regularised optimum pi_ref * exp(proxy / beta) / Z is then a Gaussian with mean
(1, 0.7) / beta, so its KL and both expected rewards have closed forms.
"""

import math

import numpy as np

A = np.array([1.0, 0.7])                      # proxy = A . (q, L)


def phi(z):
    return math.exp(-z * z / 2) / math.sqrt(2 * math.pi)


def cdf(z):
    return 0.5 * (1 + math.erf(z / math.sqrt(2)))


def gold_mean(mu_q, mu_l):
    """E[q - 0.5 max(L, 0)^2] for q ~ N(mu_q, 1), L ~ N(mu_l, 1)."""
    return mu_q - 0.5 * ((mu_l**2 + 1) * cdf(mu_l) + mu_l * phi(mu_l))


def tilted(a, beta):
    """KL from the reference, proxy mean and gold mean of pi_ref * exp(a.x / beta) / Z."""
    mu = a / beta
    return mu @ mu / 2, A @ mu, gold_mean(*mu)


# Check the closed forms against importance-weighted samples of the reference.
rng = np.random.default_rng(0)
x = rng.normal(size=(400000, 2))
w = np.exp(x @ A / 1.5)
w /= w.sum()
gold_samples = x[:, 0] - 0.5 * np.maximum(x[:, 1], 0) ** 2
kl_mc = w @ np.log(w * len(w))
kl, prox, gold = tilted(A, 1.5)
assert abs(kl_mc - kl) < 0.02 and abs(w @ gold_samples - gold) < 0.02

betas = np.geomspace(20, 0.1, 60)             # weaker and weaker KL penalty
runs = np.array([tilted(A, b) for b in betas])
kls, proxies, golds = runs.T
assert np.all(np.diff(kls) > 0) and np.all(np.diff(proxies) > 0)   # proxy keeps rising
peak = golds.argmax()
assert 0 < peak < len(betas) - 1 and golds[-1] < golds[0]            # gold rises, then falls
print(" beta    KL   proxy   gold")
for i in (0, 20, peak, 45, 59):
    print(f"{betas[i]:5.2f} {kls[i]:5.2f} {proxies[i]:7.2f} {golds[i]:6.2f}")
print(f"gold peaks at KL {kls[peak]:.2f} nats, then falls while the proxy rises")

# Mitigation 1: a KL budget (or early stopping) at the gold peak, chosen on held-out
# human or gold-model evaluations, keeps the gain.
# Mitigation 2: remove the bias from the reward (here: a length-controlled reward model).
fixed = np.array([tilted(np.array([1.0, 0.0]), b) for b in betas])
assert np.all(np.diff(fixed[:, 2]) > 0)
print(f"length-controlled reward: gold rises monotonically, to {fixed[-1, 2]:.2f}"
      f" at KL {fixed[-1, 0]:.2f}")

# Figure: proxy and gold reward against KL from the reference (log axis).
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.semilogx(kls, proxies, "-", label="proxy reward (what is optimised)")
ax.semilogx(kls, golds, "--", label="gold reward (what people want)")
ax.semilogx(fixed[:, 0], fixed[:, 2], ":", color="grey",
            label="gold, length-controlled reward model")
ax.plot(kls[peak], golds[peak], "ko")
ax.annotate(f"gold peaks at KL {kls[peak]:.2f}", (kls[peak], golds[peak]),
            xytext=(kls[peak] * 3, golds[peak] - 4), arrowprops={"arrowstyle": "->"})
ax.set_xlabel("KL from the reference policy (nats)")
ax.set_ylabel("expected reward")
ax.legend(loc="upper left", fontsize=9)
fig.savefig("overoptimisation.svg")
plt.close(fig)
