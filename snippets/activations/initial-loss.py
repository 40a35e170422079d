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
for name, q in (("uniform", np.ones(3) / 3), ("prior  ", pi)):
    print(f"expected CE with constant {name}:", round(-(pi * np.log(q)).sum(), 4))
assert abs(-(pi * np.log(np.ones(3) / 3)).sum() - np.log(3)) < 1e-12
assert abs(-(pi * np.log(pi)).sum() - H_pi) < 1e-12 and H_pi < np.log(3)

# Rare positive class (1 %): setting the output bias to the log-odds of the prior.
p_pos = 0.01
b = np.log(p_pos / (1 - p_pos))
labels = rng.random(100_000) < p_pos


def bce(p):
    return -np.mean(np.where(labels, np.log(p), np.log(1 - p)))


print("bias ln(p/(1-p)) for p = 0.01    :", round(b, 3))
print("initial BCE, bias 0 vs prior bias:", round(bce(0.5), 4), round(bce(p_pos), 4))
assert abs(bce(0.5) - np.log(2)) < 1e-12 and bce(p_pos) < 0.07
