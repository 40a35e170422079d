"""Repetition penalties and min-p sampling, checked on small logit vectors."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


# 1. CTRL / Hugging Face repetition penalty: divide a seen token's logit by theta if it is
#    positive, multiply if negative, so the token always becomes less likely.
def ctrl_penalty(z, seen, theta=1.2):
    z = z.copy()
    z[seen] = np.where(z[seen] > 0, z[seen] / theta, z[seen] * theta)
    return z


z = np.array([2.0, -1.0, 0.5, 1.5])  # tokens 0 and 1 already appear in the text
seen = [0, 1]
before, after = softmax(z), softmax(ctrl_penalty(z, seen))
naive = z.copy()
naive[seen] /= 1.2  # dividing every logit, as a careless implementation would
print("p before          :", np.round(before, 4))
print("p after penalty   :", np.round(after, 4))
print("p naive division  :", np.round(softmax(naive), 4))
assert (after[seen] < before[seen]).all()
assert softmax(naive)[1] > before[1]  # naive division makes the negative-logit token likelier

# 2. Frequency and presence penalties (OpenAI-style): subtract alpha_f * count + alpha_p.
counts = np.array([3, 1, 0, 0])
a_f, a_p = 0.5, 0.4
z2 = z - a_f * counts - a_p * (counts > 0)
p2 = softmax(z2)
ratio = (p2[0] / p2[3]) / (before[0] / before[3])
print(f"odds of token 0 vs an unseen token scaled by {ratio:.4f}")
assert np.isclose(ratio, np.exp(-(a_f * 3 + a_p)))  # 3 occurrences: e^-(1.5 + 0.4)


# 3. Min-p: keep tokens with p >= p_min * p_max, i.e. logit within ln(1/p_min) of the max.
def min_p_keep(p, p_min):
    return p >= p_min * p.max()


def top_p_keep(p, mass):
    order = np.argsort(p)[::-1]
    n = int(np.searchsorted(np.cumsum(p[order]), mass) + 1)
    keep = np.zeros(len(p), dtype=bool)
    keep[order[:n]] = True
    return keep


# 3 sensible continuations and a long tail of 1,000 poor ones.
logits = np.concatenate([[5.0, 4.5, 4.0], np.full(1000, -1.0)])
for T in (1.0, 1.5):
    p = softmax(logits / T)
    kp, km = top_p_keep(p, 0.9), min_p_keep(p, 0.1)
    print(
        f"T = {T}: good tokens hold {p[:3].sum():.3f} of the mass;"
        f" top-p 0.9 keeps {kp.sum()} tokens, min-p 0.1 keeps {km.sum()}"
    )
    assert km.sum() == 3 and kp.sum() > 100
    gap_rule = logits / T >= (logits / T).max() + np.log(0.1)
    assert (gap_rule == km).all()  # min-p is a fixed logit gap below the top token

# Min-p adapts to confidence: a confident step keeps 1 token, a flat step keeps many.
confident = softmax(np.array([6.0, 2.0, 1.0, 0.0, 0.0]))
flat = softmax(np.array([1.0, 0.9, 0.8, 0.7, 0.6]))
print("min-p 0.1 keeps", min_p_keep(confident, 0.1).sum(), "token(s) when confident,",
      min_p_keep(flat, 0.1).sum(), "when flat")
assert min_p_keep(confident, 0.1).sum() == 1 and min_p_keep(flat, 0.1).sum() == 5
