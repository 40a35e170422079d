"""RoPE: rotating q and k by position makes their score depend only on the offset."""

import numpy as np


def rope(x, pos, base=10000.0):
    """Rotate consecutive pairs (x[2i], x[2i+1]) by the angle pos * base^(-2i/d)."""
    d = x.shape[-1]
    theta = base ** (-np.arange(0, d, 2) / d)
    ang = pos * theta
    c, s = np.cos(ang), np.sin(ang)
    x1, x2 = x[..., 0::2], x[..., 1::2]
    out = np.empty_like(x)
    out[..., 0::2] = x1 * c - x2 * s
    out[..., 1::2] = x1 * s + x2 * c
    return out


def rope_half(x, pos, base=10000.0):
    """The 'rotate half' layout (GPT-NeoX, Hugging Face Llama): pairs (i, i + d/2)."""
    d = x.shape[-1]
    theta = base ** (-np.arange(0, d, 2) / d)
    c, s = np.cos(pos * theta), np.sin(pos * theta)
    x1, x2 = x[..., : d // 2], x[..., d // 2 :]
    return np.concatenate([x1 * c - x2 * s, x1 * s + x2 * c], axis=-1)


# Worked example in 2 dimensions (one pair, theta = 1 radian per position).
q, k = np.array([1.0, 2.0]), np.array([3.0, 1.0])
s31 = rope(q, 3) @ rope(k, 1)
s108 = rope(q, 10) @ rope(k, 8)
print(f"2-d: q.k = {q @ k:.3f}; positions (3, 1): {s31:.3f}; (10, 8): {s108:.3f}")
assert np.isclose(s31, s108) and not np.isclose(s31, q @ k)
# In 2-d the score is q^T R(n - m) k: rotate k back by the offset m - n = 2.
r = np.array([[np.cos(-2), -np.sin(-2)], [np.sin(-2), np.cos(-2)]])
assert np.isclose(s31, q @ r @ k)

# In 64 dimensions: the score depends only on m - n, for any shift of both.
rng = np.random.default_rng(0)
d = 64
q, k = rng.normal(size=d), rng.normal(size=d)
for m, n in [(5, 2), (100, 97), (4000, 3997)]:
    assert np.isclose(rope(q, m) @ rope(k, n), rope(q, 3) @ rope(k, 0))
print(f"d=64: score at (5,2), (100,97), (4000,3997) all = {rope(q, 3) @ rope(k, 0):.4f}")

# A rotation keeps the norm, so RoPE never changes the size of q or k.
assert np.isclose(np.linalg.norm(rope(q, 1234)), np.linalg.norm(q))

# Same thing as complex multiplication: q_c * exp(i m theta).
theta = 10000.0 ** (-np.arange(0, d, 2) / d)
qc = (q[0::2] + 1j * q[1::2]) * np.exp(1j * 7 * theta)
assert np.allclose(rope(q, 7), np.stack([qc.real, qc.imag], axis=-1).ravel())

# The rotate-half layout is the same method on permuted dimensions: same scores.
perm = np.concatenate([np.arange(0, d, 2), np.arange(1, d, 2)])
assert np.isclose(rope_half(q[perm], 9) @ rope_half(k[perm], 2), rope(q, 9) @ rope(k, 2))
print("interleaved and rotate-half layouts give the same scores")

# Long-range decay: for q = k = all ones the score is sum_i 2 cos((m - n) theta_i);
# averaged over a window of offsets it falls with distance.
ones = np.ones(d)
avg = [np.mean([ones @ rope(ones, t) for t in range(lo, lo + 32)])
       for lo in (0, 64, 512, 4096)]
print("mean score of q = k = 1 at offsets 0, 64, 512, 4096 (+0..31):",
      np.round(avg, 2))
assert avg[0] > avg[1] > avg[2] > avg[3]

# Figure: the score of q = k = 1 against the offset (log axis, about 300 sampled offsets),
# and its mean over the 32 offsets t .. t + 31, as in the check above.
import matplotlib.pyplot as plt

offsets = np.arange(0, 4096 + 32)
score = rope(np.ones((len(offsets), d)), offsets[:, None]) @ ones
csum = np.concatenate([[0.0], np.cumsum(score)])
window = (csum[32:] - csum[:-32]) / 32  # window[t] = mean of score[t : t + 32]
assert np.isclose(score[0], d) and np.allclose(window[[0, 64, 512, 4096]], avg)
show = np.unique(np.geomspace(1, 4096, 300).astype(int))
fig, ax = plt.subplots()
ax.semilogx(show, score[show], linewidth=0.6, color="grey", label="score at offset t")
ax.semilogx(show, window[show], "C0--", linewidth=2, label="mean over offsets t .. t + 31")
ax.set_xlabel("relative offset t = m - n")
ax.set_ylabel("score for q = k = 1 (d = 64)")
ax.legend()
fig.savefig("rope-decay.svg")
plt.close(fig)
