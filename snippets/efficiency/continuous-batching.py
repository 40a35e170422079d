"""Continuous (iteration-level) batching: same outputs as running alone, fewer idle slots."""

import numpy as np

rng = np.random.default_rng(0)
VOCAB, D = 40, 16
W = {n: rng.normal(0, D**-0.5, (D, D)) for n in "qkvo"}
EMB, OUT = rng.normal(size=(VOCAB, D)), rng.normal(0, D**-0.5, (D, VOCAB))


def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def step(rows, caches):
    """One iteration over a ragged batch.

    rows: list of (request id, new tokens); a joining request brings its whole prompt
    (prefill), a running one a single token (decode). The linear layers run on all new
    tokens stacked together; attention runs per request over its own cache.
    """
    x = EMB[np.concatenate([toks for _, toks in rows])]
    q, k, v = x @ W["q"], x @ W["k"], x @ W["v"]
    outs, i = [], 0
    for rid, toks in rows:
        n = len(toks)
        kc = caches[rid][0] = np.vstack([caches[rid][0], k[i:i + n]])
        vc = caches[rid][1] = np.vstack([caches[rid][1], v[i:i + n]])
        t = len(kc)
        s = q[i:i + n] @ kc.T / np.sqrt(D)
        s = np.where(np.arange(t)[None, :] > np.arange(t - n, t)[:, None], -np.inf, s)
        outs.append(softmax(s) @ vc)
        i += n
    h = x + np.vstack(outs) @ W["o"]
    logits = h @ OUT
    ends = np.cumsum([len(t) for _, t in rows]) - 1
    return {rid: logits[e] for (rid, _), e in zip(rows, ends)}  # last row per request


def run_alone(prompt, n_new):
    caches = {0: [np.zeros((0, D)), np.zeros((0, D))]}
    toks, out = prompt, []
    for _ in range(n_new):
        logit = step([(0, toks)], caches)[0]
        toks = np.array([int(np.argmax(logit))])
        out.append(int(toks[0]))
    return out


# 1. Requests join and leave a running batch at every iteration; each gets exactly the
#    tokens it would get alone, because no operation mixes rows of different requests.
reqs = {r: (rng.integers(0, VOCAB, rng.integers(3, 9)), n) for r, n in
        enumerate([6, 2, 3, 5, 2])}
slots, waiting, caches = 2, list(reqs), {}
active, generated, it = {}, {r: [] for r in reqs}, 0
while waiting or active:
    while waiting and len(active) < slots:            # fill free slots with prefills
        r = waiting.pop(0)
        caches[r] = [np.zeros((0, D)), np.zeros((0, D))]
        active[r] = reqs[r][0]
    logits = step(list(active.items()), caches)
    it += 1
    for r, logit in logits.items():
        tok = int(np.argmax(logit))
        generated[r].append(tok)
        active[r] = np.array([tok])
        if len(generated[r]) == reqs[r][1]:
            del active[r]                              # leaves; its slot is reused next step
for r, (prompt, n) in reqs.items():
    assert generated[r] == run_alone(prompt, n)
print(f"{len(reqs)} requests, {slots} slots, {it} iterations: every output equals "
      f"running the request alone")


# 2. Scheduling: iterations needed to serve requests with very different output lengths.
def static(lengths, b):
    """Fixed batches of b in arrival order; a batch runs until its longest request ends."""
    return sum(max(lengths[i:i + b]) for i in range(0, len(lengths), b))


def continuous(lengths, b):
    """b slots; a finished request's slot is refilled at the next iteration."""
    free_at = [0] * b
    for n in lengths:
        j = int(np.argmin(free_at))
        free_at[j] += n
    return max(free_at)


small = [8, 2, 2, 8]
assert static(small, 2) == 16 and continuous(small, 2) == 12
print(f"lengths {small}, 2 slots: static {static(small, 2)} iterations "
      f"({sum(small) / (2 * static(small, 2)):.1%} of slots busy), continuous "
      f"{continuous(small, 2)} ({sum(small) / (2 * continuous(small, 2)):.1%})")

lengths = list(np.minimum(rng.geometric(1 / 200, 2000), 2048))   # output tokens
for b in [8, 32]:
    s, c = static(lengths, b), continuous(lengths, b)
    print(f"2000 requests, mean length {np.mean(lengths):.0f}, batch {b:2d}: static {s} "
          f"iterations, continuous {c} -> {s / c:.2f}x throughput, slot use "
          f"{sum(lengths) / (b * s):.0%} vs {sum(lengths) / (b * c):.0%}")
    assert c < s and sum(lengths) / (b * c) > 0.9
