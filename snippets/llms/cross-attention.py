"""Cross-attention: queries from the decoder, keys and values from the encoder."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def attend(q, k, v):
    w = softmax(q @ k.T / np.sqrt(k.shape[1]))
    return w @ v, w


# Worked example: one query, three encoder positions, d_k = 2.
q = np.array([[1.0, 1.0]])
k = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
v = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]])
out, w = attend(q, k, v)
print("worked example: weights", w.round(3)[0], " output", out.round(3)[0])
assert np.allclose(w, [[0.248, 0.248, 0.503]], atol=1e-3)

rng = np.random.default_rng(0)
m, n, d = 3, 5, 8  # 3 target (decoder) tokens, 5 source (encoder) tokens
dec = rng.normal(size=(m, d))  # decoder states after its causal self-attention
enc = rng.normal(size=(n, d))  # final encoder output ("memory")
W_q, W_k, W_v = (rng.normal(0, 0.4, size=(d, d)) for _ in range(3))


def cross_attention(dec_states, memory):
    return attend(dec_states @ W_q, memory @ W_k, memory @ W_v)


out, w = cross_attention(dec, enc)
assert out.shape == (m, d) and w.shape == (m, n) and np.allclose(w.sum(1), 1)
print(f"weights shape {w.shape} (target x source), output shape {out.shape}")

# Decoder row i of the output depends on decoder row i and the whole encoder memory:
# no mask is needed here, because the decoder's causality comes from its self-attention.
dec2 = dec.copy()
dec2[2] += 1.0
changed = np.abs(cross_attention(dec2, enc)[0] - out).max(1) > 1e-12
assert changed.tolist() == [False, False, True]
print("changing decoder token 2 changes cross-attention rows:", changed.astype(int))

# Permuting the encoder positions leaves the output unchanged: order must already be
# encoded in the memory vectors.
perm = rng.permutation(n)
assert np.allclose(cross_attention(dec, enc[perm])[0], out)
print("output unchanged when the encoder positions are permuted: True")

# The encoder's keys and values are computed once and reused at every decoding step.
K_mem, V_mem = enc @ W_k, enc @ W_v
steps = [attend(dec[i : i + 1] @ W_q, K_mem, V_mem)[0][0] for i in range(m)]
assert np.allclose(np.array(steps), out)
print("step-by-step decoding with cached encoder K, V equals the full pass")

