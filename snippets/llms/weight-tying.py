"""Weight tying: one matrix for the input embedding and the output projection."""

import numpy as np

rng = np.random.default_rng(0)
V, d = 10, 6
E = rng.normal(0, 0.5, size=(V, d))  # shared: row i embeds token i and scores token i
W = rng.normal(0, 0.5, size=(d, d))


def loss(E_in, E_out, tokens, targets):
    """Mean cross-entropy of a one-layer model: embed, tanh layer, unembed."""
    h = np.tanh(E_in[tokens] @ W)
    logits = h @ E_out.T
    logits -= logits.max(1, keepdims=True)
    logp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    return -logp[np.arange(len(targets)), targets].mean()


def num_grad(fn, M, eps=1e-6):
    g = np.zeros_like(M)
    for idx in np.ndindex(*M.shape):
        P = M.copy()
        P[idx] += eps
        Mm = M.copy()
        Mm[idx] -= eps
        g[idx] = (fn(P) - fn(Mm)) / (2 * eps)
    return g


tokens, targets = np.array([1, 4, 4, 7]), np.array([4, 7, 2, 1])

# 1. The tied matrix's gradient is the sum of the two roles' gradients.
g_in = num_grad(lambda M: loss(M, E, tokens, targets), E)
g_out = num_grad(lambda M: loss(E, M, tokens, targets), E)
g_tied = num_grad(lambda M: loss(M, M, tokens, targets), E)
assert np.allclose(g_tied, g_in + g_out, atol=1e-6)
print("gradient of the tied matrix == input-role gradient + output-role gradient")

# 2. As an input table only the rows of tokens in the batch get a gradient; as the
#    output projection every row does (the softmax involves every token).
rows_in = np.flatnonzero(np.abs(g_in).sum(1) > 0)
rows_out = np.flatnonzero(np.abs(g_out).sum(1) > 0)
assert rows_in.tolist() == [1, 4, 7] and len(rows_out) == V
print(f"rows with a gradient: input role {rows_in.tolist()}, output role {len(rows_out)} of {V}")

# 3. The direct path embed -> unembed gives logits E E^T, which is symmetric when tied:
#    score(next = b | a) == score(next = a | b). Untied, U E^T need not be symmetric.
U = rng.normal(0, 0.5, size=(V, d))
assert np.allclose(E @ E.T, (E @ E.T).T) and not np.allclose(E @ U.T, (E @ U.T).T)
print("direct-path logits: tied E E^T symmetric, untied E U^T not")

# 4. What tying saves: V * d parameters.
gpt2_small = 124_439_808  # GPT-2 small (d=768, V=50257, 1024 positions, 12 layers), tied
table = 50_257 * 768
print(f"GPT-2 small: token-embedding matrix {table:,} = {table / gpt2_small:.1%} "
      f"of {gpt2_small:,}")
llama_7b = 6_738_415_616  # LLaMA 7B counted with separate input and output matrices
out_proj = 32_000 * 4096
print(f"LLaMA 7B: output matrix {out_proj:,} = {out_proj / llama_7b:.1%} of {llama_7b:,}")
assert abs(table / gpt2_small - 0.31) < 0.005 and out_proj / llama_7b < 0.02
