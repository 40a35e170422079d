"""Bidirectional vs causal self-attention: who sees the future; KV-cache decoding."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def self_attention(X, W_q, W_k, W_v, causal):
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    S = Q @ K.T / np.sqrt(K.shape[1])
    if causal:  # position t may attend only to positions <= t
        S = np.where(np.tril(np.ones_like(S, dtype=bool)), S, -np.inf)
    A = softmax(S)
    return A @ V, A


rng = np.random.default_rng(0)
n, d, t = 8, 16, 3
W_q, W_k, W_v = (rng.normal(0, 0.5, size=(d, d)) for _ in range(3))
X = rng.normal(size=(n, d))
X_new_future = X.copy()
X_new_future[t + 1 :] = rng.normal(size=(n - t - 1, d))  # change tokens after t

enc, A_enc = self_attention(X, W_q, W_k, W_v, causal=False)
enc2, _ = self_attention(X_new_future, W_q, W_k, W_v, causal=False)
dec, A_dec = self_attention(X, W_q, W_k, W_v, causal=True)
dec2, _ = self_attention(X_new_future, W_q, W_k, W_v, causal=True)

enc_change = np.abs(enc2[: t + 1] - enc[: t + 1]).max()
dec_change = np.abs(dec2[: t + 1] - dec[: t + 1]).max()
assert enc_change > 0.01 and dec_change == 0.0
print(f"change at positions 0..{t} after editing later tokens:")
print(f"  encoder (bidirectional): {enc_change:.3f}")
print(f"  decoder (causal):        {dec_change:.1f}")

assert np.allclose(np.triu(A_dec, k=1), 0.0) and np.allclose(A_dec.sum(axis=1), 1.0)
pairs = int((A_dec > 0).sum())
assert pairs == n * (n + 1) // 2 == 36
print(f"causal weights are lower-triangular: {pairs} of {n * n} pairs allowed")

# Generation with a key-value cache: one new query per step, same result as the
# full masked pass.
K_cache, V_cache, steps = [], [], []
for i in range(n):
    q = X[i] @ W_q
    K_cache.append(X[i] @ W_k)
    V_cache.append(X[i] @ W_v)
    K, V = np.array(K_cache), np.array(V_cache)
    steps.append(softmax(K @ q / np.sqrt(d)) @ V)
assert np.allclose(np.array(steps), dec)
print("token-by-token decoding with a KV cache equals the masked full pass")
