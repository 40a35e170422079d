"""The most likely text is atypical: on a toy Markov language model, exact search and beam
search return a repetitive loop far more probable per token than any sampled text."""

import numpy as np

rng = np.random.default_rng(0)
V, L = 6, 20
P = rng.dirichlet(np.ones(V), size=V)  # P[a, b] = q(next = b | current = a)
# Plant a likely two-token loop 0 -> 1 -> 0, as copying circuits make repeats likely.
P[0] = 0.55 * np.eye(V)[1] + 0.45 * P[0]
P[1] = 0.55 * np.eye(V)[0] + 0.45 * P[1]
evals, evecs = np.linalg.eig(P.T)
pi = np.real(evecs[:, np.argmax(np.real(evals))])
pi /= pi.sum()  # stationary distribution, also used as the first-token distribution
logP, logpi = np.log(P), np.log(pi)


def viterbi(length):
    """Exact most likely sequence of the given length (max-product dynamic programming)."""
    score, back = logpi.copy(), []
    for _ in range(length - 1):
        cand = score[:, None] + logP
        back.append(cand.argmax(0))
        score = cand.max(0)
    seq = [int(score.argmax())]
    for b in reversed(back):
        seq.append(int(b[seq[-1]]))
    return seq[::-1], float(score.max())


def beam_search(length, width):
    beams = [((t,), logpi[t]) for t in range(V)]
    beams = sorted(beams, key=lambda b: -b[1])[:width]
    for _ in range(length - 1):
        cand = [(s + (t,), lp + logP[s[-1], t]) for s, lp in beams for t in range(V)]
        beams = sorted(cand, key=lambda b: -b[1])[:width]
    return list(beams[0][0]), float(beams[0][1])


mode, mode_lp = viterbi(L)
beam, beam_lp = beam_search(L, 4)
print("most likely sequence:", "".join(map(str, mode)))
print("beam search, width 4:", "".join(map(str, beam)))
assert mode in ([0, 1] * (L // 2), [1, 0] * (L // 2))  # the planted loop, repeated
assert beam == mode

# Entropy rate: the per-token NLL that typical text from this model has.
H = float(-(pi[:, None] * P * logP).sum())
# Sample 20,000 texts and score them with the same model.
n = 20_000
seqs = np.empty((n, L), dtype=int)
seqs[:, 0] = rng.choice(V, size=n, p=pi)
cum = P.cumsum(1)
for t in range(1, L):
    u = rng.random(n)
    seqs[:, t] = (u[:, None] > cum[seqs[:, t - 1]]).sum(1)
nll = -(logpi[seqs[:, 0]] + logP[seqs[:, :-1], seqs[:, 1:]].sum(1)) / L
mode_nll = -mode_lp / L
frac = np.mean(nll <= mode_nll)
print(f"entropy rate H = {H:.3f} nats/token; sampled texts: mean NLL = {nll.mean():.3f}")
print(f"mode NLL = {mode_nll:.3f} nats/token; samples at least as likely: {frac:.2%}")
print(f"probability of the mode itself = {np.exp(mode_lp):.1e}")
assert abs(nll.mean() - H) < 0.03  # sampling reproduces typical text
assert mode_nll < H - 0.5 and frac < 0.001  # the mode is nothing like typical text

# Length bias: with an end-of-text token of probability 0.05 at every step, the
# single most likely complete output is the empty one.
eos = 0.05
best_by_length = [np.log(eos)] + [
    viterbi(m)[1] + m * np.log(1 - eos) + np.log(eos)
    for m in range(1, 8)
]
print("best log-prob by output length 0..7:", np.round(best_by_length, 2))
assert int(np.argmax(best_by_length)) == 0
