"""Prefix caching: reusing a shared prompt's KV cache gives the same logits for less prefill."""

import hashlib

import numpy as np

rng = np.random.default_rng(0)
VOCAB, D, LAYERS, MAX_LEN, BLOCK = 40, 16, 2, 64, 8


def norm(x):
    return (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-5)


def init(*shape):
    return rng.normal(0, 1 / np.sqrt(shape[0]), size=shape)


EMB, POS, OUT = rng.normal(size=(VOCAB, D)), rng.normal(size=(MAX_LEN, D)), init(D, VOCAB)
LAYER_W = [{k: init(D, D) for k in ("q", "k", "v", "o")} for _ in range(LAYERS)]


def prefill(tokens, cache=None):
    """Causal forward pass over `tokens`, which follow the prefix held in `cache`.

    cache: per layer (K, V) of the earlier positions. Returns (last logits, new cache)."""
    start = 0 if cache is None else len(cache[0][0])
    cache = cache or [(np.zeros((0, D)), np.zeros((0, D))) for _ in range(LAYERS)]
    x = EMB[tokens] + POS[start:start + len(tokens)]
    new_cache = []
    for w, (k_old, v_old) in zip(LAYER_W, cache):
        h = norm(x)
        k = np.vstack([k_old, h @ w["k"]])
        v = np.vstack([v_old, h @ w["v"]])
        s = (h @ w["q"]) @ k.T / np.sqrt(D)
        future = np.arange(len(k))[None, :] > np.arange(start, start + len(x))[:, None]
        s = np.where(future, -np.inf, s)
        a = np.exp(s - s.max(-1, keepdims=True))
        x = x + (a / a.sum(-1, keepdims=True)) @ v @ w["o"]
        new_cache.append((k, v))
    return norm(x[-1]) @ OUT, new_cache


system = list(rng.integers(0, VOCAB, size=40))          # shared system prompt
users = [list(rng.integers(0, VOCAB, size=8)) for _ in range(3)]

# 1. Prefill the shared prefix once; each request then prefills only its own suffix.
_, prefix_cache = prefill(system)
for user in users:
    full_logits, _ = prefill(system + user)
    cached_logits, _ = prefill(user, prefix_cache)
    assert np.allclose(full_logits, cached_logits, rtol=0, atol=1e-12)
without = sum(len(system) + len(u) for u in users)
with_cache = len(system) + sum(len(u) for u in users)
print(f"3 requests: logits with the reused prefix cache equal full prefill "
      f"(prefill tokens {without} -> {with_cache})")

# 2. Changing one early token: layer-1 keys after it are unchanged (they depend on their own
#    token only), but from layer 2 on every later key changes, so nothing after it is reusable.
edited = system.copy()
edited[5] = (edited[5] + 1) % VOCAB
_, c_edit = prefill(edited)
same_l1 = np.allclose(prefix_cache[0][0][6:], c_edit[0][0][6:])
diff_l2 = ~np.isclose(prefix_cache[1][0], c_edit[1][0]).all(axis=1)
assert same_l1 and not diff_l2[:5].any() and diff_l2[5:].all()
print("token 5 edited: layer-1 keys after it unchanged, layer-2 keys changed at positions",
      f"{np.flatnonzero(diff_l2).min()}..{np.flatnonzero(diff_l2).max()}")


# 3. Block-level lookup as in vLLM's automatic prefix caching: a full block's key hashes its
#    tokens together with the key of the block before it, so a hit implies the whole prefix.
def block_keys(tokens):
    keys, parent = [], b""
    for i in range(0, len(tokens) - len(tokens) % BLOCK, BLOCK):
        parent = hashlib.sha256(parent + bytes(tokens[i:i + BLOCK])).digest()
        keys.append(parent)
    return keys


stored = set(block_keys(system + users[0]))


def reusable_tokens(tokens):
    n = 0
    for key in block_keys(tokens):
        if key not in stored:
            break
        n += BLOCK
    return n


assert reusable_tokens(system + users[1]) == 40          # 5 full blocks of the system prompt
assert reusable_tokens(edited + users[1]) == 0            # differs in block 0: nothing reused
shifted = [7] + system + users[1]                         # one token in front shifts everything
assert reusable_tokens(shifted) == 0
print("reusable tokens: same system prompt 40, token 5 edited 0, one token prepended 0")

# 4. Prefill FLOPs saved for the page's example: 2,000-token system prompt, 200-token
#    question, 7B parameters, counting 2 FLOPs per parameter per token (attention ignored).
n_params, p_sys, p_user = 7e9, 2000, 200
full, cached = 2 * n_params * (p_sys + p_user), 2 * n_params * p_user
assert np.isclose(1 - cached / full, 2000 / 2200)
print(f"prefill FLOPs per request: {full:.2e} -> {cached:.2e} ({1 - cached / full:.1%} saved)")
