"""RLVR in miniature: a rule-based verifier, pass@k, and what RL can and cannot improve."""

import math
import re
from fractions import Fraction

import numpy as np


def verify(completion, reference):
    """Reward 1 if the last \\boxed{...} answer equals the reference as a number, else 0."""
    found = re.findall(r"\\boxed\{([^{}]*)\}", completion)
    if not found:
        return 0.0                               # no parsable final answer: no reward
    try:
        return float(Fraction(found[-1].replace(" ", "")) == Fraction(reference))
    except (ValueError, ZeroDivisionError):
        return 0.0


assert verify(r"... so x = 1/2. \boxed{1/2}", "0.5") == 1.0
assert verify(r"\boxed{3} wait, recheck: \boxed{ 4 }", "4") == 1.0   # last box counts
assert verify(r"The answer is 0.5", "0.5") == 0.0                      # format matters
assert verify(r"\boxed{x+1}", "2") == 0.0
print("verifier: 4 test cases pass")


def pass_at_k(n, c, k):
    """Unbiased pass@k from n samples of which c are correct (Chen et al., 2021)."""
    return 1.0 - math.comb(n - c, k) / math.comb(n, k)


# The estimator is exactly unbiased: averaged over c ~ Binomial(n, p) it is 1 - (1 - p)^k.
n, p, k = 16, 0.2, 4
mean = sum(math.comb(n, c) * p**c * (1 - p) ** (n - c) * pass_at_k(n, c, k)
           for c in range(n + 1))
assert math.isclose(mean, 1 - (1 - p) ** k)
print(f"E[pass@{k} estimate] = {mean:.6f} = 1 - (1 - p)^{k}")

# Toy RLVR: 40 problems; the policy solves problem j with probability sigmoid(z_j).
# Ten problems are out of reach (the base model never samples a correct answer).
rng = np.random.default_rng(0)
z = rng.normal(-1.5, 1.5, size=40)
z[:10] = -np.inf
base = 1 / (1 + np.exp(-z))
G, lr = 8, 0.5
for _ in range(300):
    prob = 1 / (1 + np.exp(-z))
    correct = (rng.random((G, 40)) < prob).astype(float)        # G attempts per problem
    std = correct.std(0)
    adv = np.where(std > 0, (correct - correct.mean(0)) / (std + 1e-8), 0.0)
    z = z + lr * (adv * (correct - prob)).mean(0)               # d log p(o)/dz = o - p
after = 1 / (1 + np.exp(-z))


def report(prob):
    return prob.mean(), np.mean(1 - (1 - prob) ** 64)


(b1, b64), (a1, a64) = report(base), report(after)
print(f"base model:  pass@1 {b1:.3f}  pass@64 {b64:.3f}")
print(f"after RLVR:  pass@1 {a1:.3f}  pass@64 {a64:.3f}")
assert a1 > b1 + 0.3                        # sampling the right answer first time: much better
assert np.all(after[:10] == 0)              # zero reward everywhere: zero gradient, no progress
assert a64 - b64 < 0.05                     # the set of solvable problems barely changes
