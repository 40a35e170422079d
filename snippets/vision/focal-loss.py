"""Focal loss versus (weighted) cross-entropy: per-example scaling, gradient, loss shares."""

import numpy as np


def ce(p_t):
    """Cross-entropy of the true class, given its predicted probability p_t."""
    return -np.log(p_t)


def focal(p_t, gamma=2.0, alpha_t=1.0):
    """Focal loss -alpha_t (1 - p_t)^gamma log p_t (Lin et al., 2017)."""
    return -alpha_t * (1 - p_t) ** gamma * np.log(p_t)


# 1. The modulating factor: an example with p_t = 0.9 loses 100x, p_t = 0.968 about 1000x.
for p_t in (0.1, 0.5, 0.9, 0.968):
    ratio = ce(p_t) / focal(p_t)
    assert np.isclose(ratio, 1 / (1 - p_t) ** 2)
    print(f"p_t={p_t:5.3f}  CE={ce(p_t):.4f}  FL(gamma=2)={focal(p_t):.6f}  CE/FL={ratio:7.1f}")
assert np.isclose(focal(0.5, gamma=0.0), ce(0.5))          # gamma = 0 is plain CE


# 2. Gradient with respect to the logit x of a positive example (p = sigmoid(x)):
#    dFL/dx = (1 - p)^gamma (gamma p log p + p - 1); checked by finite differences.
def fl_logit(x, gamma=2.0):
    return focal(1 / (1 + np.exp(-x)), gamma)


for x in (-2.0, 0.0, 3.0):
    p = 1 / (1 + np.exp(-x))
    analytic = (1 - p) ** 2 * (2 * p * np.log(p) + p - 1)
    numeric = (fl_logit(x + 1e-6) - fl_logit(x - 1e-6)) / 2e-6
    assert np.isclose(analytic, numeric, atol=1e-8)
print("gradient formula matches finite differences")

# 3. A dense detector's anchors: 99,000 easy negatives (p_t = 0.99), 900 hard
#    negatives (p_t = 0.4), 100 positives (p_t = 0.2).
groups = {"easy negatives": (99_000, 0.99, 0), "hard negatives": (900, 0.4, 0),
          "positives": (100, 0.2, 1)}
w_pos = 99_900 / 100                                   # inverse-frequency class weight
losses = {
    "CE": {g: n * ce(pt) for g, (n, pt, y) in groups.items()},
    "class-weighted CE": {g: n * ce(pt) * (w_pos if y else 1.0)
                          for g, (n, pt, y) in groups.items()},
    "focal (a=0.25, g=2)": {g: n * focal(pt, 2.0, 0.25 if y else 0.75)
                            for g, (n, pt, y) in groups.items()},
}
share = {}
for name, per_group in losses.items():
    total = sum(per_group.values())
    share[name] = {g: v / total for g, v in per_group.items()}
    print(f"{name:20s}" + "  ".join(f"{g} {100 * s:5.2f}%" for g, s in share[name].items()))
# Class weights cannot tell easy from hard negatives: their ratio is unchanged.
ratio_ce = losses["CE"]["easy negatives"] / losses["CE"]["hard negatives"]
ratio_w = (losses["class-weighted CE"]["easy negatives"]
           / losses["class-weighted CE"]["hard negatives"])
assert np.isclose(ratio_ce, ratio_w) and ratio_ce > 1
assert share["CE"]["easy negatives"] > 0.5
assert share["focal (a=0.25, g=2)"]["easy negatives"] < 0.001
print(f"easy/hard negative loss ratio: CE {ratio_ce:.2f}, weighted CE {ratio_w:.2f}")

# 4. Focal loss is not a proper scoring rule: if the true P(y=1|x) is q = 0.9, the
#    prediction that minimises expected focal loss (gamma = 2) is under-confident.
p = np.linspace(1e-4, 1 - 1e-4, 200_001)
q = 0.9
expected = q * focal(p) + (1 - q) * focal(1 - p)
p_star = p[expected.argmin()]
assert 0.5 < p_star < q - 0.1                          # same decision, shrunk probability
assert np.isclose(p[(q * ce(p) + (1 - q) * ce(1 - p)).argmin()], q, atol=1e-4)
print(f"true q = {q}: CE optimum {q}, focal optimum {p_star:.3f}")

# Figure: focal loss against p_t for gamma = 0 (cross-entropy), 1, 2 and 5.
import matplotlib.pyplot as plt

pt = np.linspace(0.01, 1, 300)
fig, ax = plt.subplots()
for gamma, style in ((0, "-"), (1, "--"), (2, "-."), (5, ":")):
    label = "gamma = 0 (cross-entropy)" if gamma == 0 else f"gamma = {gamma}"
    ax.plot(pt, focal(pt, gamma), linestyle=style, label=label)
at_09 = [focal(0.9, g) for g in (0, 1, 2, 5)]
# Larger gamma, smaller loss at p_t = 0.9.
assert np.all(np.diff(at_09) < 0)
ax.axvline(0.9, color="grey", linewidth=0.8)
ax.annotate(f"p_t = 0.9: CE {at_09[0]:.3f}, gamma 2 {at_09[2]:.5f}", (0.9, at_09[0]),
            xytext=(0.3, 2.3), arrowprops={"arrowstyle": "->"}, fontsize=9)
ax.set_xlim(0, 1)
ax.set_ylim(0, 4)
ax.set_xlabel("p_t, probability of the true class")
ax.set_ylabel("loss")
ax.legend(loc="upper right")
fig.savefig("focal-loss.svg")
plt.close(fig)
print("figure: focal-loss.svg")
