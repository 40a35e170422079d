"""Multi-head latent attention: cache a latent, absorb the up-projections, GQA as a special case."""

import numpy as np

rng = np.random.default_rng(0)
n, d, n_h, d_h, d_c, d_r = 12, 64, 4, 16, 24, 8  # d_c < 2 * n_h * d_h = 128


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def causal(s):
    return np.where(np.triu(np.ones(s.shape[-2:], bool), 1), -np.inf, s)


def rope(x):
    """Rotary embedding of rows x[t] (last axis even) at positions t = 0, 1, ..."""
    half = x.shape[-1] // 2
    ang = np.arange(x.shape[-2])[:, None] * 10000.0 ** (-np.arange(half) / half)
    a, b = x[..., :half], x[..., half:]
    return np.concatenate([a * np.cos(ang) - b * np.sin(ang),
                           a * np.sin(ang) + b * np.cos(ang)], axis=-1)


def w(*shape):
    return rng.normal(0, shape[-2] ** -0.5, shape)


X = rng.normal(size=(n, d))
W_dkv, W_uk, W_uv = w(d, d_c), w(n_h, d_c, d_h), w(n_h, d_c, d_h)
W_q, W_qr, W_kr, W_o = w(n_h, d, d_h), w(n_h, d, d_r), w(d, d_r), w(n_h, d_h, d)
scale = 1 / np.sqrt(d_h + d_r)

# Explicit MLA: build every head's keys and values from the latent, as in training.
c = X @ W_dkv                                   # (n, d_c)     cached
k_r = rope(X @ W_kr)                            # (n, d_r)     cached, shared by all heads
k = np.einsum("nc,hce->hne", c, W_uk)           # (n_h, n, d_h) per-head keys
v = np.einsum("nc,hce->hne", c, W_uv)
q, q_r = np.einsum("nx,hxe->hne", X, W_q), rope(np.einsum("nx,hxe->hne", X, W_qr))
s = (np.einsum("hne,hme->hnm", q, k) + np.einsum("hne,me->hnm", q_r, k_r)) * scale
explicit = np.einsum("hnm,hme,hex->nx", softmax(causal(s)), v, W_o)

# Absorbed MLA (inference): fold W_uk into the query and W_uv into W_o; the heads then
# attend directly over the cached latent c and the rotary key k_r. No per-head K or V.
q_lat = np.einsum("hne,hce->hnc", q, W_uk)      # (n_h, n, d_c)
W_o_lat = np.einsum("hce,hex->hcx", W_uv, W_o)  # (n_h, d_c, d)
s2 = (np.einsum("hnc,mc->hnm", q_lat, c) + np.einsum("hne,me->hnm", q_r, k_r)) * scale
absorbed = np.einsum("hnm,mc,hcx->nx", softmax(causal(s2)), c, W_o_lat)
err = np.abs(explicit - absorbed).max()
assert err < 1e-12
print(f"explicit per-head K, V vs absorbed attention over the latent: max diff {err:.1e}")
print(f"cache per token per layer: MLA {d_c + d_r} values vs MHA {2 * n_h * d_h}")

# Why the rotary part is separate: if RoPE rotated the up-projected keys, the score of a
# query with key m would be q . R_m W_uk c_m, and R_m changes with m, so no single
# latent query q_lat could give every score from the cached c_m (least-squares check).
m = 200
C = rng.normal(size=(m, d_c))
q_one = rng.normal(size=d_h)
for use_rope in (False, True):
    keys = C @ W_uk[0]
    keys = rope(keys) if use_rope else keys
    target = keys @ q_one                          # the scores we need, one per key
    fit = C @ np.linalg.lstsq(C, target, rcond=None)[0]
    resid = np.abs(fit - target).max()
    assert (resid > 0.1) if use_rope else (resid < 1e-10)
    print(f"RoPE on the latent keys={use_rope!s:5}: best absorbed query misses by {resid:.1e}")

# All heads' keys are linear images of the d_c-dimensional latent: rank <= d_c.
K_all = k.transpose(1, 0, 2).reshape(n, -1)     # (n, n_h * d_h)
X_long = rng.normal(size=(200, d))
K_long = np.einsum("nc,hce->nhe", X_long @ W_dkv, W_uk).reshape(200, -1)
assert np.linalg.matrix_rank(K_long) == d_c < K_all.shape[1]
print(f"stacked keys of all heads: {K_all.shape[1]} columns, rank {d_c} (= d_c)")

# GQA is the special case whose latent is the g shared K and V heads themselves and
# whose up-projections just copy the right block (no RoPE part, for the comparison).
g = 2
Wk_g, Wv_g = w(g, d, d_h), w(g, d, d_h)
lat = np.concatenate([np.concatenate(Wk_g, 1), np.concatenate(Wv_g, 1)], 1)  # (d, 2 g d_h)
eye = np.eye(2 * g * d_h)
up_k = np.stack([eye[:, (i * g // n_h) * d_h:][:, :d_h] for i in range(n_h)])
up_v = np.stack([eye[:, (g + i * g // n_h) * d_h:][:, :d_h] for i in range(n_h)])


def mla_no_rope(w_down, w_uk, w_uv):
    cc = X @ w_down
    kk, vv = np.einsum("nc,hce->hne", cc, w_uk), np.einsum("nc,hce->hne", cc, w_uv)
    ss = np.einsum("hne,hme->hnm", q, kk) / np.sqrt(d_h)
    return np.einsum("hnm,hme,hex->nx", softmax(causal(ss)), vv, W_o)


grp = [i * g // n_h for i in range(n_h)]
kg, vg = np.einsum("nx,gxe->gne", X, Wk_g)[grp], np.einsum("nx,gxe->gne", X, Wv_g)[grp]
gqa = np.einsum("hnm,hme,hex->nx",
                softmax(causal(np.einsum("hne,hme->hnm", q, kg) / np.sqrt(d_h))), vg, W_o)
assert np.allclose(mla_no_rope(lat, up_k, up_v), gqa)
print(f"GQA with {g} KV heads == MLA with latent size {2 * g * d_h} and copying up-projections")

# DeepSeek-V2 (DeepSeek-AI, 2024): 128 heads of size 128, d_c = 512, rotary key 64.
mla, mha = 512 + 64, 2 * 128 * 128
assert mla / (2 * 128) == 2.25
print(f"DeepSeek-V2 per token per layer: MLA {mla} values, MHA {mha} "
      f"({mha / mla:.1f}x more), same as GQA with {mla / (2 * 128)} groups")
