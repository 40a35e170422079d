"""A KV cache gives the same logits as recomputing the whole prefix, for far less work."""

import numpy as np

rng = np.random.default_rng(0)
VOCAB, D, HEADS, LAYERS, MAX_LEN = 50, 32, 4, 2, 24
DH = D // HEADS
MACS = [0]  # multiply-adds done by every matrix product, counted as they run
ROWS = [0]  # token positions run through the weights


def mm(a, b):
    MACS[0] += a.size * b.shape[-1]
    return a @ b


def layer_norm(x):
    return (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def init(shape):
    return rng.normal(0, 1 / np.sqrt(shape[0]), size=shape)


P = {"emb": rng.normal(size=(VOCAB, D)), "pos": rng.normal(size=(MAX_LEN, D)),
     "out": init((D, VOCAB)),
     "layers": [{k: init(s) for k, s in [("wq", (D, D)), ("wk", (D, D)), ("wv", (D, D)),
                                         ("wo", (D, D)), ("w1", (D, 4 * D)),
                                         ("w2", (4 * D, D))]} for _ in range(LAYERS)]}


def heads(x):  # (n, D) -> (HEADS, n, DH)
    return x.reshape(len(x), HEADS, DH).transpose(1, 0, 2)


def forward(tokens, start, cache, causal=True):
    """Run `tokens`, which sit at positions start, start+1, ...; extend `cache` in place.

    cache is a list (one entry per layer) of [K, V], each (HEADS, tokens so far, DH).
    With an empty cache and start=0 this is the ordinary full forward pass.
    """
    n = len(tokens)
    ROWS[0] += n
    x = P["emb"][tokens] + P["pos"][start:start + n]
    for lp, kv in zip(P["layers"], cache):
        h = layer_norm(x)
        q, k, v = heads(mm(h, lp["wq"])), heads(mm(h, lp["wk"])), heads(mm(h, lp["wv"]))
        kv[0] = np.concatenate([kv[0], k], axis=1)  # keys of all positions so far
        kv[1] = np.concatenate([kv[1], v], axis=1)
        t = kv[0].shape[1]
        s = mm(q, kv[0].transpose(0, 2, 1)) / np.sqrt(DH)  # (HEADS, n, t)
        future = np.arange(t)[None, :] > np.arange(start, start + n)[:, None]
        s = np.where(future & causal, -np.inf, s)  # causal mask
        a = mm(softmax(s), kv[1]).transpose(1, 0, 2).reshape(n, D)
        x = x + mm(a, lp["wo"])
        x = x + mm(np.maximum(mm(layer_norm(x), lp["w1"]), 0), lp["w2"])
    return mm(layer_norm(x), P["out"])


def empty_cache():
    return [[np.zeros((HEADS, 0, DH)), np.zeros((HEADS, 0, DH))] for _ in range(LAYERS)]


prompt, new = list(rng.integers(0, VOCAB, size=8)), 12

# Without a cache: every step runs the whole sequence again.
MACS[0], ROWS[0], seq, logits_full = 0, 0, list(prompt), []
for _ in range(new):
    step_logits = forward(np.array(seq), 0, empty_cache())[-1]
    logits_full.append(step_logits)
    seq.append(int(step_logits.argmax()))  # greedy decoding
macs_full, rows_full, seq_full = MACS[0], ROWS[0], seq

# With a cache: one prefill pass over the prompt, then one token per step.
MACS[0], ROWS[0], seq, logits_kv, cache = 0, 0, list(prompt), [], empty_cache()
step_logits = forward(np.array(prompt), 0, cache)[-1]
for i in range(new):
    logits_kv.append(step_logits)
    seq.append(int(step_logits.argmax()))
    if i < new - 1:  # feed only the newest token; its K and V join the cache
        step_logits = forward(np.array(seq[-1:]), len(seq) - 1, cache)[-1]
macs_kv, rows_kv = MACS[0], ROWS[0]

err = np.abs(np.array(logits_full) - np.array(logits_kv)).max()
assert err < 1e-12 and seq == seq_full
print(f"{new} greedy steps after an {len(prompt)}-token prompt: same tokens, "
      f"max logit difference {err:.1e}")
# The cache holds K and V for every layer and every position except the last sampled one.
assert cache[0][0].shape == (HEADS, len(seq) - 1, DH)
print(f"cached K per layer: shape {cache[0][0].shape} (heads, positions, head dim)")
assert macs_kv * 5 < macs_full
print(f"multiply-adds: recompute {macs_full:,}, KV cache {macs_kv:,} "
      f"({macs_full / macs_kv:.1f}x fewer)")

# Token passes through the weights for G new tokens after a P-token prompt: recomputing
# runs the whole t-token prefix at steps t = P .. P+G-1; the cache runs each token once.
def passes(p_len, g_len):
    return sum(range(p_len, p_len + g_len)), p_len + g_len - 1


assert passes(len(prompt), new) == (rows_full, rows_kv)  # the counts of the runs above
full_1k, kv_1k = passes(1000, 1000)
print(f"token passes: recompute {rows_full}, KV cache {rows_kv}; for P = G = 1000: "
      f"{full_1k:,} vs {kv_1k:,} ({full_1k / kv_1k:.0f}x fewer)")

# The cache is valid only because of the causal mask. Without it (a bidirectional
# encoder), appending one token changes the keys of earlier positions in layer 2.
for causal in (True, False):
    before, after = empty_cache(), empty_cache()
    forward(np.array(prompt), 0, before, causal)
    forward(np.array(prompt + [3]), 0, after, causal)
    change = np.abs(before[1][0] - after[1][0][:, :len(prompt)]).max()
    assert (change < 1e-12) if causal else (change > 0.01)
    print(f"causal={causal!s:5}: layer-2 keys of the old tokens change by {change:.1e}")
