"""Grouped-query attention: MHA and MQA as its two ends, and what it shrinks."""

import numpy as np

rng = np.random.default_rng(0)
n, d_model, h, d_head = 6, 64, 8, 8


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def causal_attention(q, k, v):
    s = q @ k.T / np.sqrt(len(q[0]))
    s = np.where(np.triu(np.ones((len(q), len(k)), bool), 1), -np.inf, s)
    return softmax(s) @ v


def mha_loop(x, wq, wk, wv, wo):
    """Reference multi-head attention: one (Q, K, V) projection per head, a loop over heads."""
    outs = [causal_attention(x @ wq[i], x @ wk[i], x @ wv[i]) for i in range(len(wq))]
    return np.concatenate(outs, axis=1) @ wo


def gqa(x, wq, wk, wv, wo):
    """wq: (h, d_model, d_head); wk, wv: (g, d_model, d_head). Query head i uses KV head i // (h/g)."""
    g, group = len(wk), len(wq) // len(wk)
    q = np.einsum("nx,hxe->hne", x, wq).reshape(g, group, n, d_head)
    k, v = np.einsum("nx,gxe->gne", x, wk), np.einsum("nx,gxe->gne", x, wv)  # the cached part
    s = np.einsum("gqne,gme->gqnm", q, k) / np.sqrt(d_head)
    s = np.where(np.triu(np.ones((n, n), bool), 1), -np.inf, s)
    out = np.einsum("gqnm,gme->gqne", softmax(s), v).reshape(len(wq), n, d_head)
    return out.transpose(1, 0, 2).reshape(n, -1) @ wo, k, v


x = rng.normal(size=(n, d_model))
wq = rng.normal(0, d_model**-0.5, (h, d_model, d_head))
wo = rng.normal(0, (h * d_head) ** -0.5, (h * d_head, d_model))
for g in (8, 2, 1):
    wk = rng.normal(0, d_model**-0.5, (g, d_model, d_head))
    wv = rng.normal(0, d_model**-0.5, (g, d_model, d_head))
    # GQA == MHA whose K and V projections are copied across the h/g heads of a group.
    copies = np.repeat(np.arange(g), h // g)
    out, k, v = gqa(x, wq, wk, wv, wo)
    err = np.abs(out - mha_loop(x, wq, wk[copies], wv[copies], wo)).max()
    assert err < 1e-12
    name = {8: "MHA", 2: "GQA", 1: "MQA"}[g]
    cached = (k.size + v.size) // n  # what a KV cache would store per token in this layer
    assert cached * (h // g) == 2 * h * d_head  # h/g times smaller than MHA's cache
    print(f"{name}: {h} query heads, {g} KV head(s) | equals MHA with copied K/V "
          f"(err {err:.0e}) | cache {cached} values/token/layer | "
          f"K,V params {wk.size + wv.size:,}")

# Distinct K/V per head is genuinely different from sharing: MHA != MQA in general.
wk8, wv8 = (rng.normal(0, d_model**-0.5, (h, d_model, d_head)) for _ in range(2))
gap = np.abs(mha_loop(x, wq, wk8, wv8, wo) - mha_loop(x, wq, wk8[[0] * h], wv8[[0] * h], wo))
assert gap.max() > 0.01
print(f"MHA with 8 distinct KV heads vs the same model forced to share head 0: "
      f"outputs differ by up to {gap.max():.2f}")

# Llama 2 70B: 80 layers, 64 query heads, 8 KV heads of size 128, 16-bit values.
for kv_heads in (64, 8, 1):
    per_token = 2 * 80 * kv_heads * 128 * 2  # bytes: K and V, layers, heads, head size, 16 bits
    print(f"Llama 2 70B shape with {kv_heads:2d} KV head(s): {per_token / 2**10:,.0f} KiB of "
          f"cache per token, {per_token * 4096 / 2**30:.2f} GiB per 4096-token sequence")
