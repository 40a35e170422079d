"""Skip-gram with negative sampling: gradient, the shifted-PMI optimum, and a
tiny trained model where words that never co-occur get similar vectors."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def sgns_loss(v_c, u_o, u_neg):
    """Loss of one (centre, context) pair with K negative context vectors."""
    return -np.log(sigmoid(u_o @ v_c)) - np.log(sigmoid(-(u_neg @ v_c))).sum()


# 1. Gradient with respect to the centre vector, checked by finite differences.
rng = np.random.default_rng(0)
v_c, u_o, u_neg = rng.normal(size=4), rng.normal(size=4), rng.normal(size=(5, 4))
grad = (sigmoid(u_o @ v_c) - 1) * u_o + (sigmoid(u_neg @ v_c)[:, None] * u_neg).sum(0)
h = 1e-6
fd = np.array([(sgns_loss(v_c + h * e, u_o, u_neg) - sgns_loss(v_c - h * e, u_o, u_neg))
               / (2 * h) for e in np.eye(4)])
print("max |analytic - numeric gradient| :", f"{np.abs(grad - fd).max():.1e}")
assert np.abs(grad - fd).max() < 1e-8

# 2. The optimal score of a (word, context) cell is PMI - log k (Levy and Goldberg).
n_wc, n_w, n_c, n_d, k = 20, 1_000, 500, 1_000_000, 5
expected_neg = k * n_w * n_c / n_d  # how often the pair is drawn as a negative
xs = np.linspace(-5, 10, 150_001)
objective = n_wc * np.log(sigmoid(xs)) + expected_neg * np.log(sigmoid(-xs))
best = xs[objective.argmax()]
pmi = np.log(n_wc * n_d / (n_w * n_c))
print(f"PMI = {pmi:.3f}, log k = {np.log(k):.3f}, best score found = {best:.3f}")
assert abs(best - (pmi - np.log(k))) < 1e-3

# 3. Train SGNS on a toy corpus. 'cat' and 'dog' never share a sentence, nor do
# 'car' and 'bus', but each pair shares its context words.
groups = {"cat": ["pet", "fur", "vet", "purr"], "dog": ["pet", "fur", "vet", "bark"],
          "car": ["road", "wheel", "fuel", "honk"], "bus": ["road", "wheel", "fuel", "stop"]}
vocab = list(groups) + sorted({w for ws in groups.values() for w in ws})
idx = {w: i for i, w in enumerate(vocab)}
sentences = []
for _ in range(200):
    head = list(groups)[rng.integers(4)]
    words = [head, *rng.choice(groups[head], size=3, replace=False)]
    rng.shuffle(words)
    sentences.append([idx[w] for w in words])
# Every ordered pair inside a sentence is a (centre, context) pair: window = 3.
pairs = np.array([(s[i], s[j]) for s in sentences for i in range(4) for j in range(4)
                  if i != j])
counts = np.bincount(pairs[:, 1], minlength=len(vocab)).astype(float)
noise = counts**0.75 / (counts**0.75).sum()  # unigram^(3/4) noise distribution

d, lr = 8, 0.1
V = rng.normal(scale=0.1, size=(len(vocab), d))  # centre ("input") vectors
U = np.zeros((len(vocab), d))  # context ("output") vectors
for _ in range(100):
    neg = rng.choice(len(vocab), size=(len(pairs), k), p=noise)
    vc, uo, un = V[pairs[:, 0]], U[pairs[:, 1]], U[neg]
    g_pos = sigmoid(np.einsum("pd,pd->p", vc, uo)) - 1  # d loss / d score
    g_neg = sigmoid(np.einsum("pkd,pd->pk", un, vc))
    gV = g_pos[:, None] * uo + np.einsum("pk,pkd->pd", g_neg, un)
    dV, dU = np.zeros_like(V), np.zeros_like(U)
    np.add.at(dV, pairs[:, 0], gV)
    np.add.at(dU, pairs[:, 1], g_pos[:, None] * vc)
    np.add.at(dU, neg, g_neg[:, :, None] * vc[:, None, :])
    V -= lr * dV / len(pairs) * len(vocab)
    U -= lr * dU / len(pairs) * len(vocab)

Vn = V / np.linalg.norm(V, axis=1, keepdims=True)
cos = Vn @ Vn.T
c = {f"{a}-{b}": cos[idx[a], idx[b]] for a, b in
     [("cat", "dog"), ("car", "bus"), ("cat", "car"), ("dog", "bus")]}
print("cosine of centre vectors:", {key: round(float(val), 2) for key, val in c.items()})
cooc = {(a, b) for s in sentences for a in s for b in s}
assert (idx["cat"], idx["dog"]) not in cooc and (idx["car"], idx["bus"]) not in cooc
assert min(c["cat-dog"], c["car-bus"]) > 0.8
assert max(c["cat-car"], c["dog-bus"]) < 0.4
