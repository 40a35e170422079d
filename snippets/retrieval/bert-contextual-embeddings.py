"""A static embedding gives 'bank' one vector; a self-attention layer gives it one
per context, and only bidirectional attention sees disambiguating words on the right."""

import numpy as np

rng = np.random.default_rng(0)
river = ["river", "water", "fish", "boat", "muddy", "flooded"]
money = ["money", "loan", "cash", "credit", "account", "interest"]
vocab = ["the", "bank", *river, *money]
idx = {w: i for i, w in enumerate(vocab)}
d, L = 16, 4
E = rng.normal(size=(len(vocab), d))  # token embeddings (the static table)
P = rng.normal(size=(L, d))  # learned-style position embeddings
Wq, Wk, Wv = (rng.normal(size=(d, d)) / np.sqrt(d) for _ in range(3))


def embed(sentence):
    """The static input layer: token embedding plus position embedding, (L, d)."""
    return E[[idx[w] for w in sentence]] + P


def encode(sentence, causal):
    """One self-attention layer with a residual connection; returns (L, d)."""
    x = embed(sentence)
    scores = (x @ Wq) @ (x @ Wk).T / np.sqrt(d)
    if causal:
        scores = np.where(np.tril(np.ones((L, L))) == 1, scores, -np.inf)
    a = np.exp(scores - scores.max(1, keepdims=True))
    a /= a.sum(1, keepdims=True)
    return x + a @ (x @ Wv)


def make(n):
    """'the bank w1 w2': the words that tell the sense are to the RIGHT of 'bank'."""
    labels = rng.integers(0, 2, size=n)
    sents = [["the", "bank", *rng.choice([river, money][y], size=2, replace=False)]
             for y in labels]
    return sents, labels


(s_tr, y_tr), (s_te, y_te) = make(300), make(300)
majority = max(y_te.mean(), 1 - y_te.mean())


def probe_accuracy(feature):
    """Least-squares linear probe on 'bank' vectors: train on 300, test on 300."""
    X_tr = np.array([feature(s) for s in s_tr])
    X_te = np.array([feature(s) for s in s_te])
    A = np.hstack([X_tr, np.ones((len(X_tr), 1))])
    w, *_ = np.linalg.lstsq(A, 2.0 * y_tr - 1, rcond=None)
    pred = np.hstack([X_te, np.ones((len(X_te), 1))]) @ w > 0
    return (pred == y_te).mean(), np.ptp(X_te, axis=0).max()


# The same token at the same position: identical input vectors, different outputs.
s1, s2 = ["the", "bank", "river", "fish"], ["the", "bank", "loan", "cash"]
in1, in2 = embed(s1)[1], embed(s2)[1]
out1, out2 = encode(s1, causal=False)[1], encode(s2, causal=False)[1]
cos = out1 @ out2 / np.linalg.norm(out1) / np.linalg.norm(out2)
print(f"'bank' input vectors equal: {np.array_equal(in1, in2)};"
      f" output cosine across the two senses: {cos:.3f}")
assert np.array_equal(in1, in2) and cos < 0.99

acc_static, spread_static = probe_accuracy(lambda s: embed(s)[1])
acc_causal, spread_causal = probe_accuracy(lambda s: encode(s, causal=True)[1])
acc_bidir, _ = probe_accuracy(lambda s: encode(s, causal=False)[1])
print(f"sense probe accuracy on 'bank': static {acc_static:.2f}, causal {acc_causal:.2f},"
      f" bidirectional {acc_bidir:.2f} (majority class {majority:.2f})")
# A static vector, and a causal one that sees only 'the bank', is the same
# vector in every sentence, so no probe can beat the majority class.
assert spread_static == 0 and spread_causal < 1e-12
assert max(acc_static, acc_causal) <= majority
assert acc_bidir > 0.95
