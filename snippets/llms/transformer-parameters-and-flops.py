"""Count a GPT-style model's parameters and forward FLOPs; check backward = 2x forward."""

import numpy as np

rng = np.random.default_rng(0)
FLOPS = [0]


def mm(a, b):
    """Matrix product that counts 2 FLOPs (multiply + add) per multiply-add."""
    FLOPS[0] += 2 * a.shape[0] * a.shape[1] * b.shape[1]
    return a @ b


# A small GPT-2-style model: learned positions, LayerNorm, 4d MLP, tied unembedding.
V, n_ctx, d, L, h = 100, 32, 64, 2, 4
P = {"wte": (V, d), "wpe": (n_ctx, d), "lnf_g": (d,), "lnf_b": (d,)}
for i in range(L):
    P |= {f"{i}.ln1_g": (d,), f"{i}.ln1_b": (d,), f"{i}.W_qkv": (d, 3 * d),
          f"{i}.b_qkv": (3 * d,), f"{i}.W_o": (d, d), f"{i}.b_o": (d,),
          f"{i}.ln2_g": (d,), f"{i}.ln2_b": (d,), f"{i}.W_1": (d, 4 * d),
          f"{i}.b_1": (4 * d,), f"{i}.W_2": (4 * d, d), f"{i}.b_2": (d,)}
P = {k: rng.normal(0, 0.05, size=s) for k, s in P.items()}


def gpt2_params(V, n_ctx, d, L):
    return L * (12 * d * d + 13 * d) + V * d + n_ctx * d + 2 * d


counted = sum(a.size for a in P.values())
assert counted == gpt2_params(V, n_ctx, d, L)
print(f"small model: {counted:,} arrays' entries == formula {gpt2_params(V, n_ctx, d, L):,}")
print(f"GPT-2 small (V=50257, n_ctx=1024, d=768, L=12): {gpt2_params(50257, 1024, 768, 12):,}")
assert gpt2_params(50257, 1024, 768, 12) == 124_439_808


def llama_params(V, d, L, d_ff):  # untied, RMSNorm, SwiGLU, no biases
    return L * (4 * d * d + 3 * d * d_ff + 2 * d) + 2 * V * d + d


print(f"LLaMA 7B (V=32000, d=4096, L=32, d_ff=11008): {llama_params(32000, 4096, 32, 11008):,}")
assert llama_params(32000, 4096, 32, 11008) == 6_738_415_616


def ln(x, g, b):
    mu, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    return g * (x - mu) / np.sqrt(var + 1e-5) + b


def forward(tokens):
    n = len(tokens)
    x = P["wte"][tokens] + P["wpe"][:n]
    for i in range(L):
        q, k, v = np.split(mm(ln(x, P[f"{i}.ln1_g"], P[f"{i}.ln1_b"]), P[f"{i}.W_qkv"])
                           + P[f"{i}.b_qkv"], 3, axis=1)
        heads = []
        for j in range(h):
            s = slice(j * d // h, (j + 1) * d // h)
            sc = mm(q[:, s], k[:, s].T) / np.sqrt(d // h)
            sc = np.where(np.tril(np.ones((n, n), dtype=bool)), sc, -np.inf)
            a = np.exp(sc - sc.max(1, keepdims=True))
            heads.append(mm(a / a.sum(1, keepdims=True), v[:, s]))
        x = x + mm(np.concatenate(heads, 1), P[f"{i}.W_o"]) + P[f"{i}.b_o"]
        z = ln(x, P[f"{i}.ln2_g"], P[f"{i}.ln2_b"])
        x = x + mm(np.maximum(mm(z, P[f"{i}.W_1"]) + P[f"{i}.b_1"], 0), P[f"{i}.W_2"])
        x = x + P[f"{i}.b_2"]
    return mm(ln(x, P["lnf_g"], P["lnf_b"]), P["wte"].T)


n = n_ctx
forward(rng.integers(0, V, size=n))
n_matmul = L * 12 * d * d + V * d  # weights used in matrix products, incl. unembedding
expected = 2 * n_matmul * n + 4 * L * n * n * d
assert FLOPS[0] == expected
print(f"forward FLOPs for {n} tokens: {FLOPS[0]:,} = 2 * {n_matmul:,} * {n} "
      f"+ attention 4*L*n^2*d = {4 * L * n * n * d:,}")

# Backward of a matrix product costs two products of the same size: check on a
# two-layer MLP with hand-written backprop, verified against finite differences.
X, W1, W2 = rng.normal(size=(8, 5)), rng.normal(size=(5, 7)), rng.normal(size=(7, 3))
FLOPS[0] = 0
H = mm(X, W1)
Y = mm(np.maximum(H, 0), W2)
fwd = FLOPS[0]
dY = Y.copy()  # loss = 0.5 * sum(Y ** 2)
dW2 = mm(np.maximum(H, 0).T, dY)
dH = mm(dY, W2.T) * (H > 0)
dW1 = mm(X.T, dH)
dX = mm(dH, W1.T)
bwd = FLOPS[0] - fwd


def loss(w1):
    return 0.5 * (((np.maximum(X @ w1, 0)) @ W2) ** 2).sum()


E = np.zeros_like(W1)
E[2, 3] = 1e-6
assert np.isclose((loss(W1 + E) - loss(W1 - E)) / 2e-6, dW1[2, 3], rtol=1e-5)
assert bwd == 2 * fwd
print(f"MLP: forward {fwd} FLOPs, backward {bwd} = 2x, so training = 3x forward = 6N per token")

# 6ND for two published training runs.
gpt3 = 6 * 175e9 * 300e9
chinchilla = 6 * 70e9 * 1.4e12
print(f"GPT-3: 6 * 175e9 * 300e9 = {gpt3:.3g} FLOPs; Chinchilla: 6 * 70e9 * 1.4e12 = "
      f"{chinchilla:.3g} FLOPs")
