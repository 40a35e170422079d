"""Check that near-uniform initial outputs give loss ln K, and large logits do not."""

import numpy as np

rng = np.random.default_rng(0)


def cross_entropy(logits, y):
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return np.mean(lse - logits[np.arange(len(y)), y])


K, N, d = 10, 2000, 64
X = rng.normal(size=(N, d))
y = rng.integers(0, K, size=N)
H = np.maximum(X @ rng.normal(scale=np.sqrt(2 / d), size=(d, 128)), 0)  # ReLU layer

print("ln K for K = 10                  :", round(np.log(K), 4))
for scale in (0.001, 0.1, 1.0):
    W = rng.normal(scale=scale, size=(128, K))
    loss = cross_entropy(H @ W, y)
    print(f"initial loss, last-layer std {scale:<5}:", round(loss, 4))
    if scale == 0.001:
        assert abs(loss - np.log(K)) < 0.01
    if scale == 1.0:
        assert loss > 3 * np.log(K)  # confidently wrong at random

# Best input-independent prediction q: E[CE] = H(pi) + KL(pi || q), minimised at q = pi.
pi = np.array([0.7, 0.2, 0.1])
H_pi = -(pi * np.log(pi)).sum()


def expected_ce(q):
    return -(pi * np.log(q)).sum()


for name, q in (("uniform", np.ones(3) / 3), ("prior  ", pi)):
    print(f"expected CE with constant {name}:", round(expected_ce(q), 4))
others = rng.dirichlet(np.ones(3), size=10_000)  # 10,000 other constant predictions
ce_others = np.array([expected_ce(q) for q in others])
kl_others = (pi * np.log(pi / others)).sum(axis=1)
assert np.allclose(ce_others, H_pi + kl_others)  # the decomposition
assert ce_others.min() > expected_ce(pi)  # no other q beats the prior
print("best of 10,000 other constant q  :", round(ce_others.min(), 4))

# The prior through a network: small last-layer weights, biases b_k = ln pi_k.
W3 = rng.normal(scale=0.001, size=(128, 3))
y3 = rng.choice(3, size=N, p=pi)
loss3 = cross_entropy(H @ W3 + np.log(pi), y3)
print("initial CE with bias ln(pi)      :", round(loss3, 4), "vs H(pi)", round(H_pi, 4))
assert abs(loss3 - H_pi) < 0.03 and loss3 < np.log(3) - 0.2

# Rare positive class (1 %): output bias = log-odds of the prior, passed through the
# same network with a single sigmoid output.
p_pos = 0.01
b = np.log(p_pos / (1 - p_pos))
Xb = rng.normal(size=(100_000, d))
Hb = np.maximum(Xb @ rng.normal(scale=np.sqrt(2 / d), size=(d, 128)), 0)
labels = rng.random(100_000) < p_pos
w_out = rng.normal(scale=0.001, size=128)


def bce(bias):
    prob = 1 / (1 + np.exp(-(Hb @ w_out + bias)))
    return -np.mean(np.where(labels, np.log(prob), np.log(1 - prob)))


print("bias ln(p/(1-p)) for p = 0.01    :", round(b, 3))
print("initial BCE, bias 0 vs prior bias:", round(bce(0.0), 4), round(bce(b), 4))
assert abs(bce(0.0) - np.log(2)) < 0.01 and bce(b) < 0.07

# Regression output: the best constant under squared error is the target mean, so a
# final bias equal to mean(y) starts the loss at Var(y) instead of mean(y**2).
t = rng.normal(loc=50.0, scale=3.0, size=N)
consts = np.linspace(40, 60, 2001)
mse = ((t[:, None] - consts[None, :]) ** 2).mean(axis=0)
print("MSE with bias 0 vs bias mean(y)  :", round(np.mean(t**2), 1), round(t.var(), 2))
assert abs(consts[mse.argmin()] - t.mean()) < 0.01
