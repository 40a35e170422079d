"""GRPO's ingredients, computed exactly on a three-answer policy."""

import itertools

import numpy as np

theta = np.array([0.2, -0.3, 0.1])
pi = np.exp(theta) / np.exp(theta).sum()
r = np.array([1.0, 0.0, 0.5])                  # reward of each answer
G = 4                                          # group size
score = np.eye(3) - pi                         # row a: grad of log pi(a) w.r.t. theta
true_grad = (pi * r) @ score                   # grad of J = E[r]


def advantages(rewards, normalise=True):
    """Group-relative advantage: subtract the group mean, divide by the group std."""
    a = rewards - rewards.mean()
    return a / (rewards.std() + 1e-8) if normalise else a


# Worked example: a group of four answers, two of them correct.
example = advantages(np.array([1.0, 0.0, 0.0, 1.0]))
assert np.allclose(example, [1, -1, -1, 1], atol=1e-6)
print("rewards [1, 0, 0, 1] -> advantages", example.round(3))
sample_std = advantages(np.array([1.0, 0.0, 0.0, 1.0]), False) / np.std([1, 0, 0, 1], ddof=1)
print("  (dividing by the sample std instead:", sample_std.round(3), ")")
assert np.all(advantages(np.ones(G)) == 0)     # all correct (or all wrong): no signal
print("rewards [1, 1, 1, 1] -> advantages", advantages(np.ones(G)))

# Exact expectation over all 3^G groups of three policy-gradient estimators.
est = {"no baseline": 0.0, "group mean": 0.0, "leave-one-out": 0.0}
second = dict.fromkeys(est, 0.0)
for group in itertools.product(range(3), repeat=G):
    prob = np.prod(pi[list(group)])
    rg = r[list(group)]
    loo = rg - (rg.sum() - rg) / (G - 1)
    assert np.allclose(advantages(rg, False), (G - 1) / G * loo)  # same up to scale
    for name, adv in (("no baseline", rg), ("group mean", advantages(rg, False)),
                      ("leave-one-out", loo)):
        g = adv @ score[list(group)] / G
        est[name] += prob * g
        second[name] += prob * g @ g
assert np.allclose(est["no baseline"], true_grad)
assert np.allclose(est["leave-one-out"], true_grad)
assert np.allclose(est["group mean"], (G - 1) / G * true_grad)
for name, mean in est.items():
    var = second[name] - mean @ mean
    print(f"{name:14s} E[g] / true grad = {mean[0] / true_grad[0]:.3f}, "
          f"total variance {var:.4f}")
var = {name: second[name] - est[name] @ est[name] for name in est}
assert var["leave-one-out"] < var["no baseline"]        # same mean, lower variance
assert np.isclose(var["group mean"], ((G - 1) / G) ** 2 * var["leave-one-out"])

# The k3 KL estimator used in GRPO's loss: non-negative per sample, unbiased.
pi_ref = np.array([0.5, 0.2, 0.3])
k3 = pi_ref / pi - np.log(pi_ref / pi) - 1
kl = pi @ np.log(pi / pi_ref)
assert np.all(k3 >= 0) and np.isclose(pi @ k3, kl)
print(f"k3 per answer {k3.round(4)}; E_pi[k3] = {pi @ k3:.5f} = KL {kl:.5f}")
