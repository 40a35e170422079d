"""Causal vs masked LM: training targets, and which conditionals multiply to p(x)."""

import itertools

import numpy as np

rng = np.random.default_rng(0)

# 1. Building the training examples from one token sequence.
tokens = rng.integers(5, 1000, size=10_000)
MASK_ID = 0

# Causal LM: predict token t+1 from tokens 0..t; every position is a target.
clm_inputs, clm_targets = tokens[:-1], tokens[1:]
assert (clm_inputs[1:] == clm_targets[:-1]).all()

# Masked LM (BERT): pick 15% of positions; of those, 80% -> [MASK], 10% -> a random
# token, 10% left unchanged. The loss is computed only on the picked positions.
picked = rng.random(len(tokens)) < 0.15
r = rng.random(len(tokens))
mlm_inputs = tokens.copy()
mlm_inputs[picked & (r < 0.8)] = MASK_ID
random_pos = picked & (r >= 0.8) & (r < 0.9)
mlm_inputs[random_pos] = rng.integers(5, 1000, size=random_pos.sum())
frac_masked = (mlm_inputs[picked] == MASK_ID).mean()
# Unpicked positions are untouched inputs; some picked positions are also shown unchanged,
# so the model cannot tell from the input alone which visible tokens it will be scored on.
assert (mlm_inputs[~picked] == tokens[~picked]).all()
assert (mlm_inputs[picked] == tokens[picked]).any()
assert (mlm_inputs[picked] == MASK_ID).sum() < picked.sum() < len(clm_targets)
print(f"causal LM: {len(clm_targets)} targets from {len(tokens)} tokens")
print(f"masked LM: {picked.sum()} targets ({picked.mean():.1%}), "
      f"{frac_masked:.1%} of them shown as [MASK]")

# 2. A true joint distribution over all sequences of 3 tokens from a 3-word vocabulary.
V, L = 3, 3
seqs = list(itertools.product(range(V), repeat=L))
p = rng.dirichlet(np.ones(len(seqs)))
joint = dict(zip(seqs, p))


def prob(cond):
    """Total probability of the sequences that satisfy cond."""
    return sum(q for s, q in joint.items() if cond(s))


def causal_conditional(s, t):
    """Exact p(x_t | x_<t): what a perfect causal LM outputs."""
    num = prob(lambda u: u[: t + 1] == s[: t + 1])
    return num / prob(lambda u: u[:t] == s[:t])


def masked_conditional(s, t):
    """Exact p(x_t | all other tokens): what a perfect masked LM outputs."""
    others = [i for i in range(L) if i != t]
    num = joint[s]
    return num / prob(lambda u: all(u[i] == s[i] for i in others))


chain = {s: np.prod([causal_conditional(s, t) for t in range(L)]) for s in seqs}
pseudo = {s: np.prod([masked_conditional(s, t) for t in range(L)]) for s in seqs}
assert np.allclose([chain[s] for s in seqs], p)
assert np.isclose(sum(chain.values()), 1.0)
assert not np.isclose(sum(pseudo.values()), 1.0)
print(f"product of causal conditionals == p(x) for all {len(seqs)} sequences; sum = "
      f"{sum(chain.values()):.6f}")
print(f"product of masked conditionals sums to {sum(pseudo.values()):.6f}, not 1")
