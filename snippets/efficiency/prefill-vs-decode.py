"""Prefill and decode: same computation, very different arithmetic intensity."""

import numpy as np

rng = np.random.default_rng(0)
VOCAB, D, HEADS, LAYERS = 64, 32, 4, 2
DH = D // HEADS
COUNT = {"flops": 0, "bytes": 0}  # FLOPs done and bytes read by matrix products
BYTES = 2  # pretend every stored number is 16-bit


def mm(a, b, b_is_stored=True):
    """Matrix product that counts 2 FLOPs per multiply-add and the bytes of b it reads."""
    COUNT["flops"] += 2 * a.size * b.shape[-1]
    if b_is_stored:  # a weight matrix or the KV cache: read from memory once per call
        COUNT["bytes"] += b.size * BYTES
    return a @ b


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def init(shape):
    return rng.normal(0, shape[0] ** -0.5, size=shape)


EMB = rng.normal(size=(VOCAB, D))
OUT = init((D, VOCAB))
LAYER_W = [{n: init(s) for n, s in [("q", (D, D)), ("k", (D, D)), ("v", (D, D)),
                                    ("o", (D, D)), ("up", (D, 4 * D)), ("down", (4 * D, D))]}
           for _ in range(LAYERS)]


def forward(tokens, cache):
    """Run new tokens through the model, appending their keys/values to cache."""
    n, start = len(tokens), cache[0][0].shape[1]
    x = EMB[tokens]
    for w, kv in zip(LAYER_W, cache):
        q = mm(x, w["q"]).reshape(n, HEADS, DH).transpose(1, 0, 2)
        kv[0] = np.concatenate([kv[0], mm(x, w["k"]).reshape(n, HEADS, DH).transpose(1, 0, 2)], 1)
        kv[1] = np.concatenate([kv[1], mm(x, w["v"]).reshape(n, HEADS, DH).transpose(1, 0, 2)], 1)
        t = kv[0].shape[1]
        s = mm(q, kv[0].transpose(0, 2, 1)) / np.sqrt(DH)
        s = np.where(np.arange(t)[None, :] > np.arange(start, start + n)[:, None], -np.inf, s)
        a = mm(softmax(s), kv[1]).transpose(1, 0, 2).reshape(n, D)
        x = x + mm(a, w["o"])
        x = x + mm(np.maximum(mm(x, w["up"]), 0), w["down"])
    return mm(x[-1:], OUT)[0]  # logits for the next token


def empty_cache():
    return [[np.zeros((HEADS, 0, DH))] * 2 for _ in range(LAYERS)]


# 1. Prefill is the same computation as feeding the prompt one token at a time,
#    done as one batch of rows because every prompt token is already known.
prompt = rng.integers(0, VOCAB, size=48)
cache_a = empty_cache()
COUNT.update(flops=0, bytes=0)
logits_prefill = forward(prompt, cache_a)
prefill = dict(COUNT)
cache_b = empty_cache()
for tok in prompt:
    logits_seq = forward(np.array([tok]), cache_b)
assert np.allclose(logits_prefill, logits_seq)
assert all(np.allclose(a, b) for la, lb in zip(cache_a, cache_b) for a, b in zip(la, lb))
print(f"prefill of {len(prompt)} tokens in one pass == {len(prompt)} single-token steps "
      f"(max logit diff {np.abs(logits_prefill - logits_seq).max():.1e})")

# 2. Arithmetic intensity (FLOPs per byte read) of one prefill pass and one decode step.
COUNT.update(flops=0, bytes=0)
forward(np.array([int(np.argmax(logits_prefill))]), cache_a)
decode = dict(COUNT)
i_pre = prefill["flops"] / prefill["bytes"]
i_dec = decode["flops"] / decode["bytes"]
print(f"prefill: {prefill['flops']:,} FLOPs / {prefill['bytes']:,} B = {i_pre:.1f} FLOP/B")
print(f"decode : {decode['flops']:,} FLOPs / {decode['bytes']:,} B = {i_dec:.2f} FLOP/B")
assert i_dec < 1.01 and i_pre > 20 * i_dec  # decode ~1 FLOP/B in 16 bits; prefill ~P times more

# 3. Roofline time estimate for Llama 2 7B (6,738,415,616 parameters, 16-bit) on an
#    A100 80GB SXM (NVIDIA datasheet: 312 TFLOP/s dense BF16, 2,039 GB/s HBM).
N, PEAK, BW = 6_738_415_616, 312e12, 2.039e12
KV_PER_TOKEN = 2 * 32 * 4096 * 2  # bytes: K and V, 32 layers, d_model 4096, 16 bits


def step_ms(new_tokens, context):
    """Lower bound on one forward pass: max(compute time, memory time), weights + KV read."""
    flops = 2 * N * new_tokens
    bytes_read = 2 * N + KV_PER_TOKEN * context
    return 1e3 * flops / PEAK, 1e3 * bytes_read / BW


c, m = step_ms(2000, 0)
print(f"7B prefill, 2000 tokens: compute {c:.1f} ms, memory {m:.2f} ms -> compute-bound")
assert c > m
c, m = step_ms(1, 2000)
print(f"7B decode, 1 token at 2000 context: compute {c:.3f} ms, memory {m:.2f} ms "
      f"-> memory-bound, at most {1e3 / m:.0f} tokens/s per sequence")
assert m > 100 * c
ridge = PEAK / BW
print(f"ridge point {ridge:.0f} FLOP/B: a forward pass over more than ~{ridge:.0f} tokens "
      f"at once is compute-bound")
assert step_ms(200, 0)[0] > step_ms(200, 0)[1] and step_ms(100, 0)[0] < step_ms(100, 0)[1]
