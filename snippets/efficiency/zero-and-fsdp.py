"""Simulate ZeRO stages 0-3 on N ranks: identical training, per-rank memory and traffic."""

import numpy as np

rng = np.random.default_rng(0)
N, d, h, B = 4, 8, 12, 16  # ranks, input width, hidden width, examples per rank
P = d * h + h               # parameters: W1 (d x h) and w2 (h), flattened
X = rng.normal(size=(N, B, d))
Y = np.sin(X.sum(-1))
init = (rng.normal(size=P) / np.sqrt(d)).astype(np.float32)


def unflatten(p):
    p = p.astype(np.float64)
    return p[: d * h].reshape(d, h), p[d * h:]


def local_grad(p16, x, y):
    """Gradient of this rank's mean squared error, as a flat float16 vector."""
    W1, w2 = unflatten(p16)
    a = np.tanh(x @ W1)
    r = (a @ w2 - y) / len(y)
    dW1 = x.T @ (np.outer(r, w2) * (1 - a**2))
    return np.concatenate([dW1.ravel(), a.T @ r]).astype(np.float16)


def adam(master, m, v, g, t, lr=1e-2):
    g = g.astype(np.float32)
    m[:] = 0.9 * m + 0.1 * g
    v[:] = 0.999 * v + 0.001 * g * g
    master -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)


sl = [slice(r * P // N, (r + 1) * P // N) for r in range(N)]
traffic = {}


def reduce_mean(grads, stage):
    """All-reduce (stage 0) or reduce-scatter (stages 1-3) of the ranks' gradients."""
    mean = (np.sum([g.astype(np.float32) for g in grads], axis=0) / N).astype(np.float16)
    traffic[stage] += (2 if stage == 0 else 1) * (N - 1) * P // N
    return [mean] * N if stage == 0 else [mean[s] for s in sl]


def all_gather(shards, stage):
    traffic[stage] += (N - 1) * P // N
    return np.concatenate(shards)


def train(stage, steps=3):
    traffic[stage] = 0
    own = slice(None) if stage == 0 else None  # stage 0: every rank owns everything
    ranks = []
    for r in range(N):
        s = own or sl[r]
        ranks.append({"master": init[s].copy(), "m": np.zeros_like(init[s]),
                      "v": np.zeros_like(init[s]),
                      "p16": init[s if stage == 3 else slice(None)].astype(np.float16)})
    for t in range(1, steps + 1):
        if stage == 3:  # parameters gathered for the forward pass, freed, gathered again
            full = all_gather([k["p16"] for k in ranks], stage)
            all_gather([k["p16"] for k in ranks], stage)  # backward re-gather
        grads = [local_grad(full if stage == 3 else k["p16"], X[r], Y[r])
                 for r, k in enumerate(ranks)]
        reduced = reduce_mean(grads, stage)
        for r, (k, g) in enumerate(zip(ranks, reduced, strict=True)):
            # stage 1 keeps its full local gradient buffer; stages 2-3 keep only a shard
            k["g16"] = grads[r] if stage == 1 else g
            adam(k["master"], k["m"], k["v"], g, t)
        if stage == 0:
            for k in ranks:
                k["p16"] = k["master"].astype(np.float16)
        elif stage in (1, 2):
            full16 = all_gather([k["master"].astype(np.float16) for k in ranks], stage)
            for k in ranks:
                k["p16"] = full16
        else:
            for k in ranks:
                k["p16"] = k["master"].astype(np.float16)
    final = ranks[0]["master"] if stage == 0 else np.concatenate([k["master"] for k in ranks])
    per_rank = sum(a.nbytes for a in ranks[0].values())
    return final, per_rank


formula = {0: 16 * P, 1: 4 * P + 12 * P // N, 2: 2 * P + 14 * P // N, 3: 16 * P // N}
results = {stage: train(stage) for stage in range(4)}
print(f"{N} ranks, {P} parameters; bytes of state per rank and elements sent per rank per step")
for stage, (final, per_rank) in results.items():
    assert np.array_equal(final, results[0][0])  # every stage trains identically
    assert per_rank == formula[stage]
    print(f"  stage {stage}: {per_rank:5d} bytes, sent {traffic[stage] // 3:3d} "
          f"({traffic[stage] / 3 / P:.2f} x P)")
assert traffic[1] == traffic[2] == traffic[0] and traffic[3] == 1.5 * traffic[0]
print("all stages give bit-identical weights; stage 3 sends 1.5x the data of stage 0")

# The ZeRO paper's example: 7.5B parameters, 64 GPUs, K = 12.
psi, n_gpu = 7.5e9, 64
gb = [16 * psi, 4 * psi + 12 * psi / n_gpu, 2 * psi + 14 * psi / n_gpu, 16 * psi / n_gpu]
print("7.5B model on 64 GPUs: " + ", ".join(f"stage {i}: {g / 1e9:.1f} GB"
                                             for i, g in enumerate(gb)))
