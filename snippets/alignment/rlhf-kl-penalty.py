"""The KL-regularised RLHF objective max E[r] - beta * KL(pi || pi_ref), computed exactly."""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def objective(pi, pi_ref, r, beta):
    return pi @ r - beta * pi @ np.log(pi / pi_ref)


def optimum(pi_ref, r, beta):
    w = pi_ref * np.exp((r - r.max()) / beta)
    return w / w.sum()


# Worked example: three answers.
pi_ref, r, beta = np.array([0.5, 0.3, 0.2]), np.array([0.0, 1.0, 2.0]), 1.0
pi_star = optimum(pi_ref, r, beta)
kl = pi_star @ np.log(pi_star / pi_ref)
print("pi_ref", pi_ref, " r", r, " beta", beta)
print(f"pi*   {pi_star.round(3)}  E[r] {pi_ref @ r:.2f} -> {pi_star @ r:.3f}, KL {kl:.3f}")

# 1. pi* = pi_ref exp(r/beta)/Z beats 10,000 random policies; its value is beta log Z.
best_random = max(objective(rng.dirichlet(np.ones(3)), pi_ref, r, beta)
                  for _ in range(10000))
value = objective(pi_star, pi_ref, r, beta)
assert value >= best_random
assert np.isclose(value, beta * np.log(pi_ref @ np.exp(r / beta)))
print(f"objective at pi* {value:.6f} = beta log Z; best of 10,000 random {best_random:.6f}")

# 2. Without the penalty the optimum collapses onto one answer; with a large beta it
#    stays at the reference.
for b in (0.01, 1.0, 100.0):
    p = optimum(pi_ref, r, b)
    ent = -p @ np.log(np.maximum(p, 1e-300))
    print(f"beta {b:>6}: pi* {p.round(3)}  entropy {ent:.3f}")
assert optimum(pi_ref, r, 0.01)[2] > 0.999
assert np.allclose(optimum(pi_ref, r, 100.0), pi_ref, atol=0.01)

# 3. An answer the reference never produces keeps probability 0 for every beta.
pi_ref0 = np.array([0.6, 0.4, 0.0])
with np.errstate(divide="ignore"):
    assert optimum(pi_ref0, np.array([0.0, 1.0, 50.0]), 0.1)[2] == 0.0

# 4. For sequences, KL is the expected sum of per-token KLs (chain rule), which is
#    why RLHF charges -beta * log(pi/pi_ref) at every generated token.
V, T = 3, 3
prefixes = [pre for t in range(T) for pre in itertools.product(range(V), repeat=t)]
pol = {pre: rng.dirichlet(np.ones(V)) for pre in prefixes}   # p(next token | prefix)
ref = {pre: rng.dirichlet(np.ones(V)) for pre in prefixes}


def seq_prob(table, seq):
    return np.prod([table[seq[:t]][seq[t]] for t in range(T)])


seqs = list(itertools.product(range(V), repeat=T))
full_kl = sum(seq_prob(pol, s) * np.log(seq_prob(pol, s) / seq_prob(ref, s)) for s in seqs)
token_kl = 0.0
for pre in prefixes:                      # P(prefix) * KL of the next-token distributions
    p_prefix = np.prod([pol[pre[:t]][pre[t]] for t in range(len(pre))])
    token_kl += p_prefix * pol[pre] @ np.log(pol[pre] / ref[pre])
assert np.isclose(full_kl, token_kl)
print(f"sequence KL {full_kl:.6f} = sum of expected per-token KLs {token_kl:.6f}")

# 5. The sampled penalty log(pi/pi_ref) is unbiased but can be negative for one sample.
logratio = np.log(pi_star / pi_ref)
assert np.isclose(pi_star @ logratio, kl) and logratio.min() < 0
print("per-answer log-ratios", logratio.round(3), "(mean under pi* = KL)")
