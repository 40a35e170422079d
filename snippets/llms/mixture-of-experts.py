"""A top-k mixture-of-experts layer: sparse routing equals its dense definition at k/E the cost."""

import numpy as np

rng = np.random.default_rng(0)
T, D, F, E, K = 64, 16, 32, 8, 2  # tokens, model width, expert hidden width, experts, top-k
MACS = [0]


def mm(a, b):
    MACS[0] += a.shape[0] * a.shape[1] * b.shape[1]
    return a @ b


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


W_router = rng.normal(0, D**-0.5, (D, E))
W_in = rng.normal(0, D**-0.5, (E, D, F))
W_out = rng.normal(0, F**-0.5, (E, F, D))
x = rng.normal(size=(T, D))


def expert(e, h):
    return mm(np.maximum(mm(h, W_in[e]), 0), W_out[e])


def route(h):
    """Top-k experts per token and their gates: a softmax over the k selected logits."""
    logits = h @ W_router
    top = np.argsort(-logits, axis=1)[:, :K]
    return top, softmax(np.take_along_axis(logits, top, axis=1))


def moe_sparse(h):
    """What an implementation does: send each token only to its k experts."""
    top, gates = route(h)
    y = np.zeros_like(h)
    for e in range(E):
        rows, slot = np.nonzero(top == e)
        if len(rows):
            y[rows] += gates[rows, slot, None] * expert(e, h[rows])
    return y, np.bincount(top.ravel(), minlength=E)


def moe_dense(h):
    """The definition: every expert on every token, weighted by a gate that is 0 off the top-k."""
    top, gates = route(h)
    g = np.zeros((len(h), E))
    np.put_along_axis(g, top, gates, axis=1)
    return sum(g[:, e:e + 1] * expert(e, h) for e in range(E))


MACS[0] = 0
y_sparse, load = moe_sparse(x)
macs_sparse = MACS[0]
MACS[0] = 0
y_dense = moe_dense(x)
macs_dense = MACS[0]
assert np.allclose(y_sparse, y_dense)
assert macs_sparse * E == macs_dense * K
print(f"sparse top-{K} of {E} experts == dense weighted sum; expert multiply-adds "
      f"{macs_sparse:,} vs {macs_dense:,} (= {K}/{E})")
print(f"tokens per expert: {load.tolist()} (sum {load.sum()} = {T} tokens x {K})")

# Softmax over the k kept logits == full softmax, keep top-k, renormalise.
logits = x @ W_router
top, gates = route(x)
p = np.take_along_axis(softmax(logits), top, axis=1)
assert np.allclose(gates, p / p.sum(1, keepdims=True))

# Mixtral 8x7B (Jiang et al., 2024), sizes from its released configuration: 32 layers,
# d_model 4096, 32 query / 8 KV heads of 128, SwiGLU experts of width 14336, 8 experts,
# top-2, vocabulary 32000, untied input and output embeddings, RMSNorm weights.
d, ffn, layers, vocab, n_exp, k = 4096, 14336, 32, 32000, 8, 2
attention = 2 * d * d + 2 * d * 8 * 128          # W_q, W_o and the smaller W_k, W_v
expert_params = 3 * d * ffn                        # gate, up and down projections
shared = layers * (attention + d * n_exp + 2 * d) + 2 * vocab * d + d  # + router, norms
total = shared + layers * n_exp * expert_params
active = shared + layers * k * expert_params
assert round(total / 1e9, 1) == 46.7 and round(active / 1e9, 1) == 12.9
print(f"Mixtral 8x7B: one expert {expert_params:,}; all experts "
      f"{layers * n_exp * expert_params / 1e9:.1f}B; shared parts {shared / 1e9:.1f}B")
print(f"Mixtral 8x7B: total {total:,} ({total / 1e9:.1f}B), active per token "
      f"{active:,} ({active / 1e9:.1f}B); not 8 x 7B = 56B")
