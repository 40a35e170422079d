"""Temperature T rescales next-token logits: checks its effects on a 5-token example."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def entropy_bits(p):
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def nucleus_size(p, top_p=0.9):
    """Number of tokens top-p sampling keeps: smallest prefix with mass >= top_p."""
    return int(np.searchsorted(np.cumsum(np.sort(p)[::-1]), top_p) + 1)


z = np.array([3.0, 2.0, 1.0, 0.0, -1.0])  # logits of 5 candidate next tokens
p1 = softmax(z)
for T in (0.5, 1.0, 2.0):
    pT = softmax(z / T)
    print(
        f"T = {T}: p = {np.round(pT, 3)}, entropy = {entropy_bits(pT):.3f} bits,"
        f" top-p(0.9) keeps {nucleus_size(pT)}"
    )
    # Same ranking at every T, so greedy decoding is unaffected by temperature.
    assert (np.argsort(pT) == np.argsort(p1)).all()
    # Dividing logits by T equals raising probabilities to 1/T and renormalising.
    q = p1 ** (1 / T)
    assert np.allclose(pT, q / q.sum())
    # Every probability ratio is the T = 1 ratio raised to the power 1/T.
    assert np.isclose(pT[0] / pT[1], (p1[0] / p1[1]) ** (1 / T))
assert nucleus_size(softmax(z / 0.5)) < nucleus_size(softmax(z / 2.0))

# Entropy increases with T: dH/dT = Var_p(z) / T^3 (in nats), checked numerically.
Ts = np.linspace(0.05, 20, 400)
H = np.array([entropy_bits(softmax(z / T)) for T in Ts])
assert (np.diff(H) > 0).all()
T0, h = 1.3, 1e-5
pT = softmax(z / T0)
var = (pT * z**2).sum() - (pT * z).sum() ** 2
num = (entropy_bits(softmax(z / (T0 + h))) - entropy_bits(softmax(z / (T0 - h)))) / (2 * h)
print(f"dH/dT at T = {T0}: formula {var / T0**3:.5f} nats, numeric {num * np.log(2):.5f}")
assert abs(var / T0**3 - num * np.log(2)) < 1e-6

# Limits: T -> 0 gives the argmax (greedy), T -> infinity gives uniform over the vocabulary.
print("T = 0.01:", np.round(softmax(z / 0.01), 3), " T = 1000:", np.round(softmax(z / 1000), 3))
assert softmax(z / 0.01)[0] > 0.999 and np.abs(softmax(z / 1000) - 0.2).max() < 1e-3


# Figure: the next-token distribution of the five logits at T = 0.5, 1 and 2.
import matplotlib.pyplot as plt

tokens = np.arange(len(z))
fig, ax = plt.subplots()
for i, (T, hatch) in enumerate([(0.5, ""), (1.0, "//"), (2.0, "xx")]):
    ax.bar(tokens + (i - 1) * 0.27, softmax(z / T), width=0.27, hatch=hatch,
           edgecolor="black", linewidth=0.6, label=f"T = {T:g}")
ax.set_xticks(tokens, [f"logit {v:g}" for v in z])
ax.set_ylabel("probability")
ax.legend()
fig.savefig("temperature.svg")
plt.close(fig)
