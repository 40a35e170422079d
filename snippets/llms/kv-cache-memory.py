"""KV-cache memory: the formula against the arrays a small model really caches."""

import numpy as np

rng = np.random.default_rng(0)


def kv_bytes(layers, kv_heads, d_head, tokens, batch, bytes_per_value):
    """2 (K and V) x layers x KV heads x head size x cached tokens x batch x bytes."""
    return 2 * layers * kv_heads * d_head * tokens * batch * bytes_per_value


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def decode(layers, d_model, heads, kv_heads, batch, steps):
    """Decode `steps` tokens with an attention-only GQA decoder and a float16 KV cache.

    Returns the cache: per layer a pair (K, V) of shape (batch, kv_heads, tokens, d_head).
    """
    d_head, group = d_model // heads, heads // kv_heads
    w = [{"q": rng.normal(0, d_model**-0.5, (d_model, heads * d_head)),
          "k": rng.normal(0, d_model**-0.5, (d_model, kv_heads * d_head)),
          "v": rng.normal(0, d_model**-0.5, (d_model, kv_heads * d_head)),
          "o": rng.normal(0, d_model**-0.5, (heads * d_head, d_model))}
         for _ in range(layers)]
    cache = [[np.zeros((batch, kv_heads, 0, d_head), np.float16)] * 2 for _ in range(layers)]
    for _ in range(steps):
        x = rng.normal(size=(batch, d_model))  # embedding of the newest token
        for lw, kv in zip(w, cache):
            q = (x @ lw["q"]).reshape(batch, kv_heads, group, d_head)
            k = (x @ lw["k"]).reshape(batch, kv_heads, 1, d_head).astype(np.float16)
            v = (x @ lw["v"]).reshape(batch, kv_heads, 1, d_head).astype(np.float16)
            kv[0] = np.concatenate([kv[0], k], axis=2)
            kv[1] = np.concatenate([kv[1], v], axis=2)
            s = np.einsum("bngd,bntd->bngt", q, kv[0]) / np.sqrt(d_head)
            o = np.einsum("bngt,bntd->bngd", softmax(s), kv[1])
            x = x + o.reshape(batch, -1) @ lw["o"]
    return cache


# 1. Count the bytes a concrete small model caches, for MHA, GQA and MQA.
L, D, H, B, T = 4, 64, 8, 3, 10
for kv_heads in (8, 2, 1):
    cache = decode(L, D, H, kv_heads, B, T)
    counted = sum(a.nbytes for pair in cache for a in pair)
    formula = kv_bytes(L, kv_heads, D // H, T, B, 2)
    assert counted == formula
    print(f"L={L} d={D} heads={H} kv_heads={kv_heads} batch={B} tokens={T}: "
          f"counted {counted:,} B = formula {formula:,} B")
# Using d_model in place of kv_heads * d_head overestimates a GQA cache by heads/kv_heads.
assert kv_bytes(L, H, D // H, T, B, 2) == 4 * kv_bytes(L, 2, D // H, T, B, 2)

# 2. Llama 2 (Touvron et al., 2023), sizes from the released model configurations:
#    7B: 32 layers, d_model 4096, 32 heads, 32 KV heads (MHA), FFN 11008, vocab 32000.
#    70B: 80 layers, d_model 8192, 64 heads, 8 KV heads (GQA).  16-bit cache values.
per_token_7b = kv_bytes(32, 32, 128, 1, 1, 2)
per_token_70b = kv_bytes(80, 8, 128, 1, 1, 2)
assert per_token_7b == 2 * 32 * 4096 * 2 == 512 * 1024
print(f"Llama 2 7B : {per_token_7b / 2**10:.0f} KiB per token, "
      f"{kv_bytes(32, 32, 128, 4096, 1, 2) / 2**30:.2f} GiB per 4096-token sequence")
print(f"Llama 2 70B: {per_token_70b / 2**10:.0f} KiB per token, "
      f"{kv_bytes(80, 8, 128, 4096, 1, 2) / 2**30:.2f} GiB per 4096-token sequence "
      f"(MHA would need {kv_bytes(80, 64, 128, 1, 1, 2) / 2**10:,.0f} KiB per token, "
      f"{kv_bytes(80, 64, 128, 4096, 1, 2) / 2**30:.0f} GiB)")
# 2 * layers * d_model * bytes, the MHA shortcut, is the same number for 70B.
assert kv_bytes(80, 64, 128, 1, 1, 2) == 2 * 80 * 8192 * 2 == 8 * per_token_70b

# 3. When does the 7B cache outgrow the 7B weights?
d, ffn, vocab, layers = 4096, 11008, 32000, 32
params = layers * (4 * d * d + 3 * d * ffn + 2 * d) + 2 * vocab * d + d
assert params == 6_738_415_616
crossover = 2 * params / per_token_7b
print(f"7B weights: {params:,} parameters = {2 * params / 1e9:.1f} GB in 16 bits; "
      f"the cache matches them at {crossover:,.0f} tokens "
      f"({crossover / 4096:.1f} full 4096-token sequences)")

# Figure: cache size of one sequence against context length for the 7B shape (32 layers,
# 32 query heads of size 128, 16-bit values) with 32 (MHA), 8 (GQA) and 1 (MQA) KV heads,
# against the 16-bit weights.
import matplotlib.pyplot as plt

ctx = np.linspace(0, 32768, 129)
fig, ax = plt.subplots()
for n_kv, name, style in ((32, "MHA, 32 KV heads", "-"), (8, "GQA, 8 KV heads", "--"),
                          (1, "MQA, 1 KV head", ":")):
    ax.plot(ctx, kv_bytes(32, n_kv, 128, ctx, 1, 2) / 1e9, linestyle=style, label=name)
ax.axhline(2 * params / 1e9, color="black", linewidth=1, linestyle="-.",
           label=f"7B weights, 16-bit ({2 * params / 1e9:.1f} GB)")
ax.axvline(crossover, color="grey", linewidth=0.8)
ax.annotate(f"MHA cache = weights\nat {crossover:,.0f} tokens", (crossover, 2 * params / 1e9),
            xytext=(9000, 14.6), va="bottom", arrowprops={"arrowstyle": "->"}, fontsize=9)
# At 32k tokens only the MHA cache is larger than the weights; GQA's is 4x smaller than MHA's.
at_end = {n: kv_bytes(32, n, 128, 32768, 1, 2) for n in (32, 8, 1)}
assert at_end[32] > 2 * params > at_end[8] == at_end[32] // 4
ax.set_xlim(0, 32768)
ax.set_ylim(0, 18)
ax.set_xlabel("context length (tokens), batch 1")
ax.set_ylabel("GB (10^9 bytes)")
ax.legend(loc="center right", fontsize=9)
fig.savefig("kv-cache.svg")
plt.close(fig)
print("figure: kv-cache.svg")
