"""Tiled attention with an online softmax (the FlashAttention forward pass) is exact."""

import numpy as np

rng = np.random.default_rng(0)


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def standard_attention(Q, K, V, causal):
    S = Q @ K.T / np.sqrt(Q.shape[1])  # the full N x N score matrix
    if causal:
        S = np.where(np.triu(np.ones(S.shape, bool), 1), -np.inf, S)
    return softmax(S) @ V, S.size


def tiled_attention(Q, K, V, causal, br=16, bc=16):
    """One query block at a time, one key block at a time; never more than br x bc scores.

    Keeps per query row the running max m, the running sum l of exp(s - m), and the
    unnormalised output acc; rescales them whenever the max grows. Returns the output,
    the row log-sum-exp L = m + log l (what the backward pass keeps), the largest block of
    scores it held, and the number of score entries computed.
    """
    n, d = Q.shape
    out, lse, largest, computed = np.zeros_like(Q), np.zeros(n), 0, 0
    for i in range(0, n, br):
        q = Q[i:i + br]
        m, l, acc = np.full(len(q), -np.inf), np.zeros(len(q)), np.zeros((len(q), d))
        for j in range(0, len(K), bc):
            if causal and j > i + len(q) - 1:
                break  # every key in this block is in the future: skip the block
            s = q @ K[j:j + bc].T / np.sqrt(d)
            if causal:
                future = np.arange(j, j + s.shape[1])[None, :] > np.arange(i, i + len(q))[:, None]
                s = np.where(future, -np.inf, s)
            largest, computed = max(largest, s.size), computed + s.size
            m_new = np.maximum(m, s.max(1))
            p = np.exp(s - m_new[:, None])
            rescale = np.exp(m - m_new)  # shrink what was summed under the old max
            l = rescale * l + p.sum(1)
            acc = rescale[:, None] * acc + p @ V[j:j + bc]
            m = m_new
        out[i:i + br], lse[i:i + br] = acc / l[:, None], m + np.log(l)
    return out, lse, largest, computed


# 1. The worked example of the page: one query, scores (1, 2 | 3, 0) in two blocks.
o, _, _, _ = tiled_attention(np.array([[1.0]]), np.array([[1.0], [2.0], [3.0], [0.0]]),
                             np.array([[1.0], [2.0], [3.0], [4.0]]), False, br=1, bc=2)
direct = softmax(np.array([1.0, 2.0, 3.0, 0.0])) @ np.array([1.0, 2.0, 3.0, 4.0])
assert np.isclose(o[0, 0], direct)
print(f"worked example: tiled {o[0, 0]:.4f}, direct {direct:.4f}")

# 2. Same output as standard attention, with and without the causal mask.
N, d = 256, 32
Q, K, V = (rng.normal(size=(N, d)) * 3 for _ in range(3))  # large scores, to test stability
for causal in (False, True):
    ref, full_scores = standard_attention(Q, K, V, causal)
    out, lse, largest, computed = tiled_attention(Q, K, V, causal)
    err = np.abs(out - ref).max()
    assert err < 1e-12 and largest == 16 * 16
    print(f"causal={causal!s:5}: max |tiled - standard| = {err:.1e}; scores held at once "
          f"{largest} vs {full_scores:,}; score entries computed {computed:,}")
    if not causal:  # the same arithmetic as standard attention, just reordered
        assert computed == full_scores

# 3. The backward pass needs the softmax P again; FlashAttention recomputes it block by
#    block from Q, K and the N stored log-sum-exps instead of storing the N x N matrix.
S = Q @ K.T / np.sqrt(d)
S = np.where(np.triu(np.ones(S.shape, bool), 1), -np.inf, S)
assert np.allclose(np.exp(S - lse[:, None]), softmax(S))
print(f"P recomputed from {lse.size} stored log-sum-exp values matches softmax(S)")
