"""Self-attention ignores order without positions; sinusoidal encodings, shifts."""

import numpy as np


def softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def self_attention(X, W_q, W_k, W_v):
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    return softmax(Q @ K.T / np.sqrt(K.shape[1])) @ V


def causal_attention(X, W_q, W_k, W_v):
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    s = Q @ K.T / np.sqrt(K.shape[1])
    s[np.triu_indices(len(X), k=1)] = -np.inf  # token i sees only tokens <= i
    return softmax(s) @ V


def sinusoidal(n_pos, d):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same angle)."""
    pos = np.arange(n_pos)[:, None]
    freq = 1.0 / 10000 ** (np.arange(0, d, 2) / d)  # omega_i, i = 0 .. d/2 - 1
    pe = np.zeros((n_pos, d))
    pe[:, 0::2] = np.sin(pos * freq)
    pe[:, 1::2] = np.cos(pos * freq)
    return pe, freq


rng = np.random.default_rng(0)
n, d = 6, 16
X = rng.normal(size=(n, d))
W_q, W_k, W_v = (rng.normal(0, 0.5, size=(d, d)) for _ in range(3))
perm = rng.permutation(n)

# Without positions: permuting the tokens just permutes the outputs.
plain = self_attention(X, W_q, W_k, W_v)
assert np.allclose(self_attention(X[perm], W_q, W_k, W_v), plain[perm])
print("no positions: attention(permuted X) == permuted attention(X)")

# A causal mask breaks the symmetry even without positions: how many tokens a token can
# see depends on where it is, so order changes the outputs.
causal = causal_attention(X, W_q, W_k, W_v)
gap = np.abs(causal_attention(X[perm], W_q, W_k, W_v) - causal[perm]).max()
assert gap > 0.1
print(f"causal mask, no positions: max |attention(PX) - P attention(X)| = {gap:.2f}")

# With sinusoidal encodings added, the same tokens in another order give new outputs.
pe, freq = sinusoidal(n, d)
with_pe = self_attention(X + pe, W_q, W_k, W_v)
shuffled = self_attention(X[perm] + pe, W_q, W_k, W_v)
gap = np.abs(shuffled - with_pe[perm]).max()
assert gap > 0.1
print(f"with positions: max change after reordering = {gap:.2f}")

pe, freq = sinusoidal(200, 64)
assert pe.shape == (200, 64) and np.all(np.abs(pe) <= 1)
assert np.allclose(pe[0, 0::2], 0) and np.allclose(pe[0, 1::2], 1)
print(
    f"wavelengths from {2 * np.pi / freq[0]:.2f} "
    f"to {2 * np.pi / freq[-1]:.0f} positions"
)

# Shift by k is the same linear map (a block rotation) at every position.
k = 7
R = np.zeros((64, 64))
for i, w in enumerate(freq):
    c, s = np.cos(w * k), np.sin(w * k)
    R[2 * i : 2 * i + 2, 2 * i : 2 * i + 2] = [[c, s], [-s, c]]
for p in (0, 50, 150):
    assert np.allclose(pe[p + k], R @ pe[p])
print(f"PE[p + {k}] = R_{k} PE[p] for p = 0, 50, 150 (R_{k} independent of p)")

# Dot products depend only on the offset.
assert np.isclose(pe[10] @ pe[15], pe[100] @ pe[105])
print(f"PE[10].PE[15] = {pe[10] @ pe[15]:.4f} = PE[100].PE[105]")

# Figure: the encoding for 50 positions and d = 32 as a heat map. The values are binned into
# 9 colour levels and each run of equal cells is drawn as one rectangle, so the SVG stays
# small vector paths (an embedded raster image is not allowed in the site's figures).
import matplotlib.pyplot as plt
from matplotlib.colors import BoundaryNorm
from matplotlib.patches import PathPatch
from matplotlib.path import Path

n_pos, d_fig, levels = 50, 32, 9
pe_fig, freq_fig = sinusoidal(n_pos, d_fig)
bounds = np.linspace(-1, 1, levels + 1)
level = np.clip(np.digitize(pe_fig, bounds) - 1, 0, levels - 1)
# dimension 0 (wavelength 2 pi) runs through every colour; the last pair barely moves
assert len(np.unique(level[:, 0])) == levels
assert len(np.unique(level[:, -2])) == len(np.unique(level[:, -1])) == 1
cmap = plt.get_cmap("RdBu_r", levels)
fig, ax = plt.subplots()
for lv in range(levels):
    verts, codes = [], []
    for j in range(d_fig):  # one row of the heat map per dimension
        inside = np.r_[0, (level[:, j] == lv).astype(int), 0]
        edges = np.flatnonzero(np.diff(inside))
        for a, b in zip(edges[::2], edges[1::2]):
            verts += [(a, j), (b, j), (b, j + 1), (a, j + 1), (a, j)]
            codes += [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    if verts:
        ax.add_patch(PathPatch(Path(verts, codes), facecolor=cmap(lv), edgecolor="none"))
ax.set_xlim(0, n_pos)
ax.set_ylim(d_fig, 0)
ax.grid(False)
ax.set_xlabel("position")
ax.set_ylabel("dimension (even: sin, odd: cos)")
mappable = plt.cm.ScalarMappable(norm=BoundaryNorm(bounds, levels), cmap=cmap)
fig.colorbar(mappable, ax=ax, ticks=[-1, 0, 1], label="PE value")
fig.savefig("sinusoidal.svg")
plt.close(fig)
print(f"figure: sinusoidal.svg ({n_pos} positions, d = {d_fig}; wavelengths "
      f"{2 * np.pi / freq_fig[0]:.2f} to {2 * np.pi / freq_fig[-1]:.0f})")
