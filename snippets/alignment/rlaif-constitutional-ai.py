"""AI preference labels: soft labels from two token logits, and position-bias removal."""

import numpy as np

rng = np.random.default_rng(0)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def logit(p):
    return np.log(p / (1 - p))


def p_first(logit_1, logit_2):
    """Soft label: the judge's probability of answering "1" rather than "2"."""
    return sigmoid(logit_1 - logit_2)


# 1. Worked example: the judge sees (A, B), then the same pair as (B, A).
p_ab = p_first(2.0, 0.5)  # P(A better) when A is shown first
p_ba = 1 - p_first(1.2, 1.0)  # P(A better) when A is shown second
avg = (p_ab + p_ba) / 2
print(f"P(A) shown first {p_ab:.3f}, shown second {p_ba:.3f}, averaged {avg:.3f}")
assert round(p_ab, 3) == 0.818 and round(p_ba, 3) == 0.450 and round(avg, 3) == 0.634

# 2. A judge whose log-odds are its real preference delta plus a bias b towards
#    whatever is shown first. One order gets the sign wrong when b outweighs
#    delta; averaging the two orders' probabilities never does, because
#    sigmoid(delta + b) + sigmoid(delta - b) > 1 exactly when delta > 0.
delta = rng.normal(size=100_000)
for b in (0.5, 1.0, 2.0):
    one_order = sigmoid(delta + b)
    both = (sigmoid(delta + b) + sigmoid(delta - b)) / 2
    acc_one = np.mean((one_order > 0.5) == (delta > 0))
    acc_both = np.mean((both > 0.5) == (delta > 0))
    mean_first = np.mean(one_order)
    print(f"bias {b}: agreement with the judge's real preference:"
          f" one order {acc_one:.3f}, both orders {acc_both:.3f};"
          f" mean P(first) {mean_first:.3f}")
    assert acc_one < 0.95 and acc_both == 1.0

# Averaging probabilities keeps the sign but shrinks confidence; averaging the
# two log-odds removes the bias exactly.
b, d = 1.0, 0.3
p_a_first = sigmoid(d + b)  # judge's P("1") with A shown first
p_b_first = sigmoid(-d + b)  # judge's P("1") with B shown first
logodds_avg = (logit(p_a_first) - logit(p_b_first)) / 2
assert np.isclose(logodds_avg, d)
prob_avg = (p_a_first + (1 - p_b_first)) / 2
print(f"delta {d}: unbiased P {sigmoid(d):.3f}, from averaged probabilities"
      f" {prob_avg:.3f}, from averaged log-odds {sigmoid(logodds_avg):.3f}")
assert 0.5 < prob_avg < sigmoid(d)
