"""In-batch negatives for a bi-encoder: masked mean pooling, the loss as
cross-entropy on the B x B score matrix, its gradient, and a tiny training run."""

import numpy as np

rng = np.random.default_rng(0)


def mean_pool(states, mask):
    """Average the token states where mask == 1 (padding excluded)."""
    m = mask[..., None]
    return (states * m).sum(-2) / m.sum(-2)


def log_softmax(S):
    S = S - S.max(1, keepdims=True)
    return S - np.log(np.exp(S).sum(1, keepdims=True))


def in_batch_loss(Q, D, tau):
    """Query i's positive is document i; the other B - 1 documents are negatives."""
    S = Q @ D.T / tau
    return -np.mean(np.diag(log_softmax(S)))


# 1. Masked mean pooling ignores padding; a naive mean does not.
states = rng.normal(size=(5, 8))
padded = np.vstack([states, np.zeros((3, 8))])
mask = np.array([1] * 5 + [0] * 3)
assert np.allclose(mean_pool(padded, mask), states.mean(0))
naive_err = np.abs(padded.mean(0) - states.mean(0)).max()
print(f"masked mean pooling matches the unpadded mean; naive mean off by {naive_err:.3f}")
assert naive_err > 0.1

# 2. With unrelated unit vectors and tau = 1 the loss is close to ln B.
B, d, tau = 64, 128, 0.05
Q = rng.normal(size=(B, d))
D = rng.normal(size=(B, d))
Q /= np.linalg.norm(Q, axis=1, keepdims=True)
D /= np.linalg.norm(D, axis=1, keepdims=True)
loss_random = in_batch_loss(Q, D, 1.0)
print(f"random embeddings, B = {B}: loss {loss_random:.3f} vs ln B = {np.log(B):.3f}")
assert abs(loss_random - np.log(B)) < 0.05

# 3. Gradient with respect to the queries, (softmax(S) - I) D / (B tau), checked numerically.
S = Q @ D.T / tau
P = np.exp(log_softmax(S))
grad_Q = (P - np.eye(B)) @ D / (B * tau)
h, i, j = 1e-6, 3, 7
E = np.zeros_like(Q)
E[i, j] = h
fd = (in_batch_loss(Q + E, D, tau) - in_batch_loss(Q - E, D, tau)) / (2 * h)
print(f"dL/dQ[3,7]: analytic {grad_Q[i, j]:.6f}, numeric {fd:.6f}")
assert abs(fd - grad_Q[i, j]) < 1e-6

# 4. A hard negative (cosine 0.8 to the query) versus 63 easy ones (cosine ~0).
q0 = Q[0]
hard = 0.8 * q0 + 0.6 * np.linalg.qr(np.column_stack([q0, D[1]]))[0][:, 1]
cands = np.vstack([0.9 * q0 + np.sqrt(1 - 0.81) * D[2], hard, D[3:]])  # pos, hard, easy
w = np.exp((cands @ q0) / tau - ((cands @ q0) / tau).max())
w /= w.sum()
print(f"softmax weight (share of the push-away gradient): hard negative {w[1]:.3f},"
      f" {len(cands) - 2} easy negatives together {w[2:].sum():.1e}")
assert w[1] > 100 * w[2:].sum()

# 5. Train a linear query encoder with in-batch negatives; documents fixed.
n, d = 2000, 32
docs = rng.normal(size=(n, d))
A = np.linalg.qr(rng.normal(size=(d, d)))[0]  # queries live in a rotated space
queries = docs @ A.T + 0.3 * rng.normal(size=(n, d))
train, test = slice(0, 1500), slice(1500, n)


def recall_at_1(W):
    s = queries[test] @ W @ docs[test].T
    return np.mean(s.argmax(1) == np.arange(s.shape[0]))


W = np.eye(d)
before = recall_at_1(W)
for step in range(300):
    b = rng.choice(1500, size=64, replace=False)
    Qb, Db = queries[train][b], docs[train][b]
    S = Qb @ W @ Db.T / 4.0
    G = (np.exp(log_softmax(S)) - np.eye(64)) / (64 * 4.0)
    W -= 2.0 * Qb.T @ G @ Db
after = recall_at_1(W)
print(f"recall@1 on 500 held-out queries: {before:.3f} before, {after:.3f} after training")
assert before < 0.05 and after > 0.9
