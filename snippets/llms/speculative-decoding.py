"""Speculative sampling leaves the target distribution unchanged: exact computation on a
small vocabulary, for one token and for whole sequences from a bigram target and draft."""

import functools
import itertools
from collections import defaultdict

import numpy as np

rng = np.random.default_rng(0)
V = 4


def verify_one(p, q):
    """Exact output distribution of one draft-then-verify step for a single token."""
    accept = np.minimum(1.0, p / q)  # accept draft x ~ q with probability min(1, p/q)
    residual = np.maximum(p - q, 0.0)  # on rejection, sample from norm(max(0, p - q))
    reject_mass = 1.0 - (q * accept).sum()
    return q * accept + reject_mass * residual / residual.sum()


# 1. One token: the output is distributed exactly as the target p.
p = rng.dirichlet(np.ones(V))
q = rng.dirichlet(np.ones(V))
out = verify_one(p, q)
alpha = np.minimum(p, q).sum()
print("target p :", np.round(p, 4))
print("draft  q :", np.round(q, 4))
print("output   :", np.round(out, 4), f" acceptance rate = {alpha:.4f}")
assert np.abs(out - p).max() < 1e-12
assert np.isclose(alpha, 1 - 0.5 * np.abs(p - q).sum())  # alpha = 1 - total variation
# Resampling from p (instead of the residual) after a rejection would be wrong.
wrong = q * np.minimum(1, p / q) + (1 - alpha) * p
print(f"resampling from p instead: max error = {np.abs(wrong - p).max():.4f}")
assert np.abs(wrong - p).max() > 0.01

# 2. Whole sequences: bigram target P and draft Q, gamma = 3 draft tokens per step.
P = rng.dirichlet(np.ones(V), size=V)  # P[a] = target next-token distribution after a
Q = rng.dirichlet(np.ones(V), size=V)
GAMMA = 3


@functools.cache
def one_step(last):
    """Exact distribution of the tokens one speculative step emits after token `last`."""
    outcomes = defaultdict(float)
    for draft in itertools.product(range(V), repeat=GAMMA):
        prob, prev = 1.0, last
        for x in draft:  # probability the draft model proposes this block
            prob *= Q[prev, x]
            prev = x
        prev, accepted = last, ()
        for x in draft:
            acc = min(1.0, P[prev, x] / Q[prev, x])
            res = np.maximum(P[prev] - Q[prev], 0.0)
            if acc < 1.0:  # rejected here: one token from the residual, then stop
                for y in range(V):
                    outcomes[accepted + (y,)] += prob * (1 - acc) * res[y] / res.sum()
            prob *= acc
            accepted, prev = accepted + (x,), x
        for y in range(V):  # all accepted: the target's pass gives one bonus token
            outcomes[accepted + (y,)] += prob * P[prev, y]
    return dict(outcomes)


@functools.cache
def spec_dist(last, n):
    """Distribution of the first n generated tokens under repeated speculative steps."""
    dist = defaultdict(float)
    for seq, pr in one_step(last).items():
        if len(seq) >= n:
            dist[seq[:n]] += pr
        else:
            for rest, pr2 in spec_dist(seq[-1], n - len(seq)).items():
                dist[seq + rest] += pr * pr2
    return dict(dist)


N, start = 5, 0
spec = spec_dist(start, N)
worst = 0.0
for seq in itertools.product(range(V), repeat=N):
    target, prev = 1.0, start
    for x in seq:
        target *= P[prev, x]
        prev = x
    worst = max(worst, abs(spec.get(seq, 0.0) - target))
print(f"all {V**N} sequences of {N} tokens: max |speculative - target| = {worst:.1e}")
assert worst < 1e-12

# 3. Expected tokens per target pass, with a context-free draft (constant alpha).
P[:], Q[:] = p, q
one_step.cache_clear()
expected = sum(len(s) * pr for s, pr in one_step(0).items())
formula = (1 - alpha ** (GAMMA + 1)) / (1 - alpha)
print(f"tokens per target pass: enumerated {expected:.4f}, formula {formula:.4f}")
assert np.isclose(expected, formula)
