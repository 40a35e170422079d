"""Masked diffusion for text: its bound is exact with exact conditionals, and
unmasking several tokens in one step samples them independently (a real error)."""

import itertools

import numpy as np

rng = np.random.default_rng(0)

# 1. Parallel decoding error. Two positions, joint: "New York" or "San Francisco".
vocab = ["New", "San", "York", "Francisco"]
joint = np.zeros((4, 4))
joint[0, 2] = joint[1, 3] = 0.5
first, second = joint.sum(1), joint.sum(0)  # the per-position marginals
one_step = np.outer(first, second)  # both unmasked at once, each from its marginal
tv = 0.5 * np.abs(one_step - joint).sum()
assert np.isclose(tv, 0.5)
print(f"both tokens in one step: P('New Francisco') = {one_step[0, 3]:.2f},"
      f" total variation to the true joint {tv:.2f}")

# 2. The masked-diffusion bound (linear schedule: each token masked with probability t),
#    -log p(x) <= int_0^1 (1/t) E_mask[ sum over masked i of -log p(x_i | unmasked) ] dt,
#    is tight when the conditionals are exact. A random joint over 4 tokens, vocabulary 3.
L, V = 4, 3
p = rng.dirichlet(np.ones(V**L) * 0.5).reshape((V,) * L)


def conditional(x, i, observed):
    """p(x_i | x_observed) from the joint, marginalising the other masked positions."""
    keep = [j for j in range(L) if j in observed or j == i]
    marg = p.sum(axis=tuple(j for j in range(L) if j not in keep))
    idx = tuple(x[j] for j in keep)
    ctx = tuple(x[j] if j in observed else slice(None) for j in keep)
    return marg[idx] / marg[ctx].sum()


t_grid = (np.arange(4000) + 0.5) / 4000  # midpoint rule on (0, 1)


def bound(x, cond):
    total = 0.0
    for k in range(1, L + 1):
        weight = np.mean(t_grid ** (k - 1) * (1 - t_grid) ** (L - k))  # (1/t) P(mask)
        for masked in itertools.combinations(range(L), k):
            observed = set(range(L)) - set(masked)
            total += weight * sum(-np.log(cond(x, i, observed)) for i in masked)
    return total


worst = 0.0
for x in [tuple(rng.integers(0, V, L)) for _ in range(5)]:
    nll, b = -np.log(p[x]), bound(x, conditional)
    worst = max(worst, abs(b - nll))
assert worst < 1e-5
print(f"exact conditionals: bound equals -log p(x) (max gap {worst:.1e} over 5 sequences)")

# A model that ignores context (predicts each token from its marginal) pays more on average.
marginals = [p.sum(axis=tuple(j for j in range(L) if j != i)) for i in range(L)]
all_x = list(itertools.product(range(V), repeat=L))
entropy = sum(-p[x] * np.log(p[x]) for x in all_x)
ctx_free = sum(p[x] * bound(x, lambda x, i, obs: marginals[i][x[i]]) for x in all_x)
assert ctx_free > entropy
print(f"expected bound: exact model {entropy:.4f} nats; context-free model {ctx_free:.4f}")
