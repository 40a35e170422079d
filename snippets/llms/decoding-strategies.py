"""Greedy, beam search, top-k and top-p on toy language models with exact probabilities."""

import itertools

import numpy as np

# 1. Truncation rules on one next-token distribution (already sorted, largest first).
p = np.array([0.5, 0.2, 0.15, 0.1, 0.05])


def top_k(p, k):
    keep = np.zeros_like(p)
    idx = np.argsort(p)[::-1][:k]
    keep[idx] = p[idx]
    return keep / keep.sum()


def top_p(p, mass):
    """Keep the smallest set of most likely tokens whose total probability >= mass."""
    order = np.argsort(p)[::-1]
    n = int(np.searchsorted(np.cumsum(p[order]), mass) + 1)
    keep = np.zeros_like(p)
    keep[order[:n]] = p[order[:n]]
    return keep / keep.sum()


print("top-k, k = 2   :", np.round(top_k(p, 2), 3))
print("top-p, p = 0.8 :", np.round(top_p(p, 0.8), 3))
assert np.allclose(top_k(p, 2), [5 / 7, 2 / 7, 0, 0, 0])
assert np.allclose(top_p(p, 0.8), [0.5 / 0.85, 0.2 / 0.85, 0.15 / 0.85, 0, 0])
assert np.allclose(top_k(p, 1), np.eye(5)[0])  # top-k with k = 1 is greedy
assert np.allclose(top_p(p, 1.0), p)  # top-p with p = 1 is plain sampling
# Top-p adapts: a peaked distribution keeps 1 token, a flat one keeps many.
assert (top_p(np.array([0.95, 0.03, 0.02]), 0.9) > 0).sum() == 1
assert (top_p(np.full(10, 0.1), 0.85) > 0).sum() == 9

# Figure: the distribution, its running total, and where top-k (k = 2) and top-p (0.8) cut.
import matplotlib.pyplot as plt

ranks = np.arange(1, len(p) + 1)
n_k, n_p = (top_k(p, 2) > 0).sum(), (top_p(p, 0.8) > 0).sum()
assert (n_k, n_p) == (2, 3)
fig, ax = plt.subplots()
ax.bar(ranks, p, color="C0", edgecolor="black", linewidth=0.6, label="p(token)")
ax.plot(ranks, np.cumsum(p), "ks--", markersize=5, label="running total")
ax.axhline(0.8, color="grey", linestyle=":", linewidth=1)
for cut, text, side in [(n_k, "top-k, k = 2", "right"), (n_p, "top-p, p = 0.8", "left")]:
    ax.axvline(cut + 0.5, color="C3", linewidth=1.5)
    x_text = cut + 0.45 if side == "right" else cut + 0.55
    ax.text(x_text, 0.45, f"{text}:\nkeep {cut}", color="C3", ha=side)
ax.set_xticks(ranks, [f"token {r}" for r in ranks])
ax.set_ylabel("probability")
ax.set_ylim(0, 1.05)
ax.legend(loc="upper left")
fig.savefig("truncation.svg")
plt.close(fig)


# 2. Sequence search on a toy model: first token, then a second token given the first.
first = {"A": 0.6, "B": 0.4}
second = {"A": {"x": 0.4, "y": 0.3, "z": 0.3}, "B": {"x": 0.9, "y": 0.05, "z": 0.05}}


def seq_prob(seq):
    return first[seq[0]] * second[seq[0]][seq[1]]


greedy_1 = max(first, key=first.get)
greedy = (greedy_1, max(second[greedy_1], key=second[greedy_1].get))
beam = sorted(first, key=first.get, reverse=True)[:2]  # beam width 2 keeps A and B
beam_best = max(((a, b) for a in beam for b in second[a]), key=seq_prob)
exact = max(((a, b) for a in first for b in second[a]), key=seq_prob)
print(f"greedy {''.join(greedy)}: {seq_prob(greedy):.2f}")
print(f"beam 2 {''.join(beam_best)}: {seq_prob(beam_best):.2f} (exhaustive best {''.join(exact)})")
assert seq_prob(greedy) < seq_prob(beam_best) == seq_prob(exact)


# 3. Random Markov models (V = 3, 4 steps): how often each search finds the true mode.
def beam_search(logp0, logP, steps, width):
    beams = [((int(t),), logp0[t]) for t in range(len(logp0))]
    beams = sorted(beams, key=lambda b: -b[1])[:width]
    for _ in range(steps - 1):
        cand = [(s + (t,), lp + logP[s[-1], t]) for s, lp in beams for t in range(len(logp0))]
        beams = sorted(cand, key=lambda b: -b[1])[:width]
    return beams[0][1]


rng = np.random.default_rng(0)
V, L, trials = 3, 4, 300
found = {1: 0, 2: 0, 27: 0}
for _ in range(trials):
    logp0 = np.log(rng.dirichlet(np.ones(V)))
    logP = np.log(rng.dirichlet(np.ones(V), size=V))
    best = max(
        logp0[s[0]] + sum(logP[a, b] for a, b in itertools.pairwise(s))
        for s in itertools.product(range(V), repeat=L)
    )
    for w in found:
        found[w] += bool(np.isclose(beam_search(logp0, logP, L, w), best))
for w, n in found.items():
    name = "greedy (beam 1)" if w == 1 else f"beam width {w}"
    print(f"{name:<16} finds the most likely sequence in {n / trials:.0%} of models")
assert found[1] < found[2] < trials and found[27] == trials  # width V**(L-1) is exact


# 4. A wider beam can return a LESS probable sequence. Toy model whose next-token
#    distribution depends on the whole prefix; prefixes not listed continue uniformly.
toks = "abcd"
table = {
    "": [0.5, 0.3, 0.1, 0.1],
    "a": [0.28, 0.24, 0.24, 0.24],  # after "a" the model is unsure...
    "b": [0.5, 0.48, 0.01, 0.01],  # ...after "b" it has two strong options
    "aa": [0.97, 0.01, 0.01, 0.01],  # but "aa" continues almost surely with "a"
}


def prob(seq):
    pr = 1.0
    for i, t in enumerate(seq):
        pr *= table.get(seq[:i], [0.25] * 4)[toks.index(t)]
    return pr


def beam(width, steps=3):
    beams = [""]
    for _ in range(steps):
        beams = sorted((s + t for s in beams for t in toks), key=prob, reverse=True)[:width]
    return beams[0]


mode = max(("".join(s) for s in itertools.product(toks, repeat=3)), key=prob)
for w in (1, 2, 3):
    print(f"3-step tree model, beam width {w}: {beam(w)} with probability {prob(beam(w)):.4f}")
print(f"most likely sequence: {mode} with probability {prob(mode):.4f}")
assert beam(1) == beam(3) == mode and prob(beam(2)) < prob(beam(1))
