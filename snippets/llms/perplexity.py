"""Perplexity is exp(mean cross-entropy): checks on a worked example and a toy source."""

import math

import numpy as np

rng = np.random.default_rng(0)

# 1. Worked example: probabilities a model gave to the 4 observed tokens of a sentence.
p_obs = np.array([0.5, 0.25, 0.1, 0.8])
nll = -np.log(p_obs)
mean_nll = nll.mean()  # cross-entropy of the sentence, nats per token
ppl = math.exp(mean_nll)
geo = np.prod(1 / p_obs) ** (1 / len(p_obs))  # geometric mean of 1/p
print(f"mean NLL = {mean_nll:.4f} nats/token, perplexity = {ppl:.3f}")
print(f"geometric mean of 1/p  = {geo:.3f}")
bits = mean_nll / math.log(2)
print(f"same loss in bits = {bits:.4f}, 2**bits = {2**bits:.3f}")
assert abs(ppl - 10**0.5) < 1e-12  # product of p is 0.01, so PPL = 0.01**(-1/4)
assert abs(ppl - geo) < 1e-12 and abs(2**bits - ppl) < 1e-12  # base does not matter

# 2. An untrained model (tiny random logits) is close to uniform: perplexity about V.
V = 1000
logits = 0.01 * rng.normal(size=(500, V))
log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
targets = rng.integers(V, size=500)
init_ppl = math.exp(-log_probs[np.arange(500), targets].mean())
print(f"near-uniform model over V = {V} tokens: perplexity = {init_ppl:.1f}")
assert abs(init_ppl / V - 1) < 0.01

# 3. Cross-entropy = entropy + KL, so perplexity >= exp(entropy of the data).
p = rng.dirichlet(np.ones(8))  # true next-token distribution
q = rng.dirichlet(np.ones(8))  # model
H_p = -(p * np.log(p)).sum()
H_pq = -(p * np.log(q)).sum()
KL = (p * np.log(p / q)).sum()
print(f"H(p) = {H_p:.4f}, KL(p||q) = {KL:.4f}, H(p,q) = {H_pq:.4f}")
print(f"best possible PPL = {math.exp(H_p):.3f}, model PPL = {math.exp(H_pq):.3f}")
assert abs(H_pq - (H_p + KL)) < 1e-12 and KL > 0
# Estimating on a long sample of data tokens converges to the exact cross-entropy.
sample = rng.choice(8, size=200_000, p=p)
est = -np.log(q[sample]).mean()
print(f"PPL estimated on 200k sampled tokens = {math.exp(est):.3f}")
assert abs(est - H_pq) < 0.01

# 4. Per-token perplexity depends on the tokenizer; bits per byte does not.
text_bytes = 12
total_nll = 6.0  # the same text, the same total log-probability, two tokenizations
tok_ppl, bpb = {}, {}
for n_tokens in (3, 6):
    tok_ppl[n_tokens] = math.exp(total_nll / n_tokens)
    bpb[n_tokens] = total_nll / (text_bytes * math.log(2))
    print(f"{n_tokens} tokens: per-token PPL = {tok_ppl[n_tokens]:.3f}, bits/byte = {bpb[n_tokens]:.4f}")
assert abs(tok_ppl[3] - tok_ppl[6] ** 2) < 1e-12  # half as many tokens: PPL squared
assert bpb[3] == bpb[6]
