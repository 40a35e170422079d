"""RLHF's three stages on a toy model with six possible responses to one prompt.

1. SFT: cross-entropy on demonstrations gives their empirical distribution.
2. Reward model: a Bradley-Terry fit on sampled comparisons recovers the
   labeller's reward differences.
3. PPO with a KL penalty in the reward: the policy approaches the optimum
   of the KL-regularised objective, pi_sft * exp(r / beta) / Z.
"""

import numpy as np

rng = np.random.default_rng(0)
K = 6                                               # possible responses
r_true = np.array([0.0, 1.0, -0.5, 2.0, 0.5, -1.0])  # labeller's hidden utility


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# --- Stage 1: supervised fine-tuning on 300 demonstrations -------------------
demos = rng.choice(K, size=300, p=[0.25, 0.2, 0.15, 0.15, 0.15, 0.1])
freq = np.bincount(demos, minlength=K) / len(demos)
logits = np.zeros(K)                                 # "pretrained" start: uniform
for _ in range(3000):                                # gradient of mean CE = p - freq
    logits -= 1.0 * (softmax(logits) - freq)
pi_sft = softmax(logits)
assert np.allclose(pi_sft, freq, atol=1e-4)
print("SFT policy      ", pi_sft.round(3), " (= demo frequencies)")

# --- Stage 2: reward model from 4000 sampled pairs (identical pairs dropped) ---
a, b = rng.choice(K, size=4000, p=pi_sft), rng.choice(K, size=4000, p=pi_sft)
keep = a != b
a, b = a[keep], b[keep]
a_wins = rng.random(len(a)) < sigmoid(r_true[a] - r_true[b])  # Bradley-Terry labels
win, lose = np.where(a_wins, a, b), np.where(a_wins, b, a)
r_hat = np.zeros(K)
for _ in range(2000):                                # minimise -log sigmoid(r_w - r_l)
    g = sigmoid(r_hat[win] - r_hat[lose]) - 1.0      # d loss / d (r_w - r_l)
    grad = np.bincount(win, g, K) - np.bincount(lose, g, K)
    r_hat -= 2.0 * grad / len(win)
r_hat -= pi_sft @ r_hat                              # only differences are identified
err = np.abs(r_hat - (r_true - pi_sft @ r_true)).max()
assert err < 0.25
print("reward model    ", r_hat.round(2),
      f" ({len(win)} comparisons, max error vs truth {err:.2f})")

# --- Stage 3: PPO, clipped surrogate, KL penalty folded into the reward -------
beta, eps, lr = 0.5, 0.2, 0.1
target = softmax(np.log(pi_sft) + r_hat / beta)      # optimum of E[r] - beta KL
theta = np.log(pi_sft)
history = []
for it in range(300):
    pi_old = softmax(theta)
    y = rng.choice(K, size=256, p=pi_old)            # rollouts
    reward = r_hat[y] - beta * np.log(pi_old[y] / pi_sft[y])
    adv = (reward - reward.mean()) / (reward.std() + 1e-8)
    for _ in range(4):                               # PPO epochs on the same batch
        pi = softmax(theta)
        ratio = pi[y] / pi_old[y]
        active = np.where(adv > 0, ratio < 1 + eps, ratio > 1 - eps)  # unclipped terms
        coef = np.where(active, adv * ratio, 0.0)    # d(ratio*A)/dlogit = A*ratio*dlogpi
        grad = np.bincount(y, coef, K) - coef.sum() * pi
        theta += lr * grad / len(y)
    history.append(softmax(theta))
pi_rl = np.mean(history[-50:], axis=0)
tv = 0.5 * np.abs(pi_rl - target).sum()
assert tv < 0.05
print("PPO policy      ", pi_rl.round(3))
print("closed-form opt.", target.round(3), f" (total variation {tv:.3f})")
gain_sft, gain_rl = pi_sft @ r_true, pi_rl @ r_true
kl = pi_rl @ np.log(pi_rl / pi_sft)
assert gain_rl > gain_sft + 0.5
print(f"true reward: SFT {gain_sft:.2f} -> RLHF {gain_rl:.2f}, KL(pi || pi_sft) = {kl:.2f}")
