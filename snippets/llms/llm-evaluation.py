"""pass@k estimation, benchmark-size error bars, and an LLM judge's position bias."""

import itertools
import math

# 1. pass@k from n samples per problem, c of them correct (Chen et al., 2021).
n, c, k = 10, 3, 5
unbiased = 1 - math.comb(n - c, k) / math.comb(n, k)
correct = [True] * c + [False] * (n - c)
subsets = list(itertools.combinations(range(n), k))
enumerated = sum(any(correct[i] for i in s) for s in subsets) / len(subsets)
plug_in = 1 - (1 - c / n) ** k
print(f"n={n}, c={c}, k={k}: 1 - C(7,5)/C(10,5) = {unbiased:.4f}, "
      f"by enumerating {len(subsets)} subsets = {enumerated:.4f}, plug-in = {plug_in:.4f}")
assert math.isclose(unbiased, enumerated) and math.isclose(unbiased, 1 - 21 / 252)


# Expected value of each estimator over c ~ Binomial(n, p), against the true pass@k.
def expectation(estimator, p):
    return sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) * estimator(j) for j in range(n + 1))


for p in (0.05, 0.3):
    true = 1 - (1 - p) ** k
    e_unb = expectation(lambda j: 1 - math.comb(n - j, k) / math.comb(n, k), p)
    e_plug = expectation(lambda j: 1 - (1 - j / n) ** k, p)
    print(f"p={p}: true pass@5 {true:.4f}, E[unbiased] {e_unb:.4f}, E[plug-in] {e_plug:.4f}")
    assert math.isclose(e_unb, true) and e_plug < true - 0.01

# 2. Error bars: 164 problems (HumanEval's size) at 50% accuracy.
se = math.sqrt(0.5 * 0.5 / 164)
print(f"164 problems at 50%: standard error {se:.3f}, 95% interval +/- {1.96 * se:.3f}")
assert 0.07 < 1.96 * se < 0.08

# 3. A pairwise judge with position bias. On each prompt the judge, with probability b,
#    picks whichever answer is shown first; otherwise it picks the truly better one.
#    Model X is truly better on a fraction q = 0.4 of prompts (so Y is the better model).
b, q = 0.2, 0.4


def x_win_rate(x_first_prob):
    """Exact probability that the judge prefers X, by enumerating the cases."""
    total = 0.0
    for x_first, biased, x_better in itertools.product((True, False), repeat=3):
        prob = ((x_first_prob if x_first else 1 - x_first_prob) * (b if biased else 1 - b)
                * (q if x_better else 1 - q))
        total += prob * (x_first if biased else x_better)
    return total


always_first, swapped = x_win_rate(1.0), x_win_rate(0.5)
print(f"X always shown first: win rate {always_first:.2f};  both orders: {swapped:.2f};"
      f"  truth: {q:.2f}")
assert always_first > 0.5 > swapped                      # order flips the verdict
assert math.isclose(swapped, 0.5 + (1 - b) * (q - 0.5))  # both orders: shrunk to 0.5
