"""DPO: its minimiser is the RLHF optimum, its gradient, and its implicit reward."""

import numpy as np

rng = np.random.default_rng(0)
K, beta = 5, 0.5
pi_ref = np.array([0.3, 0.25, 0.2, 0.15, 0.1])
r_true = np.array([0.0, 0.5, 1.0, -0.5, 1.5])     # labeller's utility (Bradley-Terry)


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def dpo_loss(theta, pairs, weights):
    """Weighted mean of -log sigmoid(h_w - h_l), h = beta * log(pi / pi_ref)."""
    h = beta * (np.log(softmax(theta)) - np.log(pi_ref))
    w_idx, l_idx = pairs.T
    return weights @ np.logaddexp(0.0, -(h[w_idx] - h[l_idx]))


def dpo_grad(theta, pairs, weights):
    """beta * sigmoid(h_l - h_w) * (grad log pi(y_l) - grad log pi(y_w)), summed."""
    pi = softmax(theta)
    h = beta * (np.log(pi) - np.log(pi_ref))
    w_idx, l_idx = pairs.T
    c = weights * beta * sigmoid(h[l_idx] - h[w_idx])
    # grad of log pi(y) w.r.t. the logits is onehot(y) - pi; the pi terms cancel
    return np.bincount(l_idx, c, K) - np.bincount(w_idx, c, K)


# Population data: every ordered pair (i, j), pair drawn from pi_ref x pi_ref, labelled
# "i preferred" with the Bradley-Terry probability sigmoid(r_i - r_j).
i, j = np.triu_indices(K, 1)
pairs = np.concatenate([np.stack([i, j], 1), np.stack([j, i], 1)])
p_pair = pi_ref[i] * pi_ref[j]
weights = np.concatenate([p_pair * sigmoid(r_true[i] - r_true[j]),
                          p_pair * sigmoid(r_true[j] - r_true[i])])
weights /= weights.sum()

theta0 = rng.normal(size=K)
num = np.array([(dpo_loss(theta0 + e, pairs, weights) - dpo_loss(theta0 - e, pairs, weights))
                / 2e-6 for e in 1e-6 * np.eye(K)])
assert np.allclose(num, dpo_grad(theta0, pairs, weights), atol=1e-8)
print("DPO gradient matches finite differences")

theta = np.log(pi_ref)                              # start at the reference (SFT) model
for _ in range(20000):
    theta -= 20.0 * dpo_grad(theta, pairs, weights)
pi_dpo = softmax(theta)
pi_rlhf = softmax(np.log(pi_ref) + r_true / beta)   # optimum of E[r] - beta KL
assert np.allclose(pi_dpo, pi_rlhf, atol=1e-4)
print("DPO policy       ", pi_dpo.round(4))
print("RLHF optimum     ", pi_rlhf.round(4))

# The implicit reward beta * log(pi / pi_ref) equals the true reward up to a constant.
implicit = beta * np.log(pi_dpo / pi_ref)
offset = implicit - r_true
assert np.ptp(offset) < 1e-3
print("implicit reward  ", (implicit - implicit[0]).round(3), " true", r_true)

# With shared parameters, DPO can lower the chosen answer's probability: it only
# widens the gap between chosen and rejected. Log-linear policy over three answers,
# pi(y) ~ pi_ref(y) exp(w . f(y)); one pair, chosen 0 over rejected 1; answer 2,
# never seen in the data, lies further along the direction that separates them.
feats = np.array([[1.0, 0.0], [0.0, 0.0], [3.0, 0.0]])
ref3 = np.array([0.25, 0.25, 0.5])
w = np.zeros(2)
start = ref3.copy()
for _ in range(200):
    gap = beta * (feats[0] - feats[1]) @ w
    w += 0.05 * beta * sigmoid(-gap) * (feats[0] - feats[1])
pi3 = softmax(np.log(ref3) + feats @ w)
assert pi3[0] < start[0] and pi3[0] / pi3[1] > 2 * start[0] / start[1]
print(f"chosen {start[0]:.3f} -> {pi3[0]:.3f}, rejected {start[1]:.3f} -> {pi3[1]:.3f}, "
      f"unseen {start[2]:.3f} -> {pi3[2]:.3f}")

# Worked example: log-ratios for one pair, beta = 0.1.
lw, lw_ref, ll, ll_ref = -12.0, -14.0, -15.0, -14.5
margin = 0.1 * ((lw - lw_ref) - (ll - ll_ref))
print(f"margin {margin:.2f}, loss {np.logaddexp(0, -margin):.3f}, "
      f"gradient weight sigmoid(-margin) = {sigmoid(-margin):.3f}")
