"""A pre-norm decoder block: attention mixes positions, the MLP works per position."""

import numpy as np

rng = np.random.default_rng(0)
n, d, h = 6, 16, 4
d_ff, d_k = 4 * d, d // h


def layer_norm(x, g, b, eps=1e-5):
    mu, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    return g * (x - mu) / np.sqrt(var + eps) + b


def gelu(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def init(shape):
    return rng.normal(0, 0.3, size=shape)


P = {
    "ln1_g": np.ones(d), "ln1_b": np.zeros(d),
    "W_qkv": init((d, 3 * d)), "b_qkv": init(3 * d),
    "W_o": init((d, d)), "b_o": init(d),
    "ln2_g": np.ones(d), "ln2_b": np.zeros(d),
    "W_1": init((d, d_ff)), "b_1": init(d_ff),
    "W_2": init((d_ff, d)), "b_2": init(d),
}


def attention(x):
    q, k, v = np.split(x @ P["W_qkv"] + P["b_qkv"], 3, axis=-1)
    q, k, v = (a.reshape(len(x), h, d_k).transpose(1, 0, 2) for a in (q, k, v))
    s = q @ k.transpose(0, 2, 1) / np.sqrt(d_k)
    s = np.where(np.tril(np.ones((len(x), len(x)), dtype=bool)), s, -np.inf)
    a = np.exp(s - s.max(-1, keepdims=True))
    a /= a.sum(-1, keepdims=True)
    out = (a @ v).transpose(1, 0, 2).reshape(len(x), d)
    return out @ P["W_o"] + P["b_o"]


def mlp(x):
    return gelu(x @ P["W_1"] + P["b_1"]) @ P["W_2"] + P["b_2"]


def block(x, use_attention=True):
    if use_attention:
        x = x + attention(layer_norm(x, P["ln1_g"], P["ln1_b"]))
    return x + mlp(layer_norm(x, P["ln2_g"], P["ln2_b"]))


x = rng.normal(size=(n, d))

# 1. The MLP sublayer is position-wise: one token alone gives the same row.
full = mlp(x)
alone = np.array([mlp(x[t : t + 1])[0] for t in range(n)])
assert np.allclose(full, alone)
print("MLP on the whole sequence == MLP on each token alone: True")


# 2. Which input positions can change which output positions?  Perturb input j
#    and record every output row that moves (a finite-difference dependency map).
def dependency(f):
    dep = np.zeros((n, n), dtype=int)
    base = f(x)
    for j in range(n):
        x2 = x.copy()
        x2[j] += 1e-3 * rng.normal(size=d)
        dep[:, j] = np.abs(f(x2) - base).max(-1) > 1e-9
    return dep


dep_full = dependency(block)
dep_mlp_only = dependency(lambda z: block(z, use_attention=False))
assert (dep_mlp_only == np.eye(n, dtype=int)).all()
assert (dep_full == np.tril(np.ones((n, n), dtype=int))).all()
print("output t depends on input j (rows t, columns j), MLP sublayer only:")
print(dep_mlp_only)
print("full block (causal attention + MLP):")
print(dep_full)

# 3. Parameters: attention 4d^2 + 4d, MLP 2*d*d_ff + d_ff + d, two norms 4d.
counted = {k: v.size for k, v in P.items()}
attn = counted["W_qkv"] + counted["b_qkv"] + counted["W_o"] + counted["b_o"]
ffn = counted["W_1"] + counted["b_1"] + counted["W_2"] + counted["b_2"]
norms = sum(counted[k] for k in ("ln1_g", "ln1_b", "ln2_g", "ln2_b"))
assert attn == 4 * d * d + 4 * d and ffn == 8 * d * d + 5 * d and norms == 4 * d
assert attn + ffn + norms == 12 * d * d + 13 * d
print(f"d={d}: attention {attn}, MLP {ffn}, norms {norms}, block {attn + ffn + norms}")


def block_params(dm):
    return 12 * dm * dm + 13 * dm


dm = 768  # GPT-2 small width, d_ff = 4 * 768 = 3072
print(f"d=768: attention {4 * dm * dm + 4 * dm:,}, MLP {8 * dm * dm + 5 * dm:,}, "
      f"block {block_params(dm):,}")
assert block_params(768) == 7_087_872
