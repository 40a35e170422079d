"""PPO's clipped surrogate: its value and gradient in the four cases, the lower bound on
the unclipped objective, and what clipping does over many epochs on one batch."""

import numpy as np

EPS = 0.2


def clipped(ratio, adv):
    return np.minimum(ratio * adv, np.clip(ratio, 1 - EPS, 1 + EPS) * adv)


def d_dratio(ratio, adv, h=1e-6):
    return (clipped(ratio + h, adv) - clipped(ratio - h, adv)) / (2 * h)


# 1. Worked cases (ratio, advantage) -> objective and its slope in the ratio.
cases = [(1.5, 2.0), (0.7, 2.0), (0.5, -1.0), (1.5, -1.0)]
expected = [(2.4, 0.0), (1.4, 2.0), (-0.8, 0.0), (-1.5, -1.0)]
for (r, a), (val, slope) in zip(cases, expected, strict=True):
    got_val, got_slope = float(clipped(r, a)), float(d_dratio(r, a))
    assert np.isclose(got_val, val) and np.isclose(got_slope, slope, atol=1e-6)
    print(f"ratio {r}, advantage {a:+}: objective {got_val:+.2f}, slope {got_slope:+.1f}")

# 2. The clipped objective is a pessimistic bound: never above ratio * advantage,
#    and equal to it inside [1 - eps, 1 + eps].
ratios = np.linspace(0.01, 3, 300)[:, None]
advs = np.linspace(-3, 3, 61)[None, :]
assert np.all(clipped(ratios, advs) <= ratios * advs + 1e-12)
inside = (ratios >= 1 - EPS) & (ratios <= 1 + EPS)
assert np.allclose(np.where(inside, clipped(ratios, advs), 0), np.where(inside, ratios * advs, 0))
print("clipped <= unclipped everywhere, equal inside [0.8, 1.2]: True")

# 3. Many gradient steps on one batch (a one-state, 5-action softmax policy).
rng = np.random.default_rng(0)
reward = np.array([1.0, 0.5, 0.0, -0.5, -1.0])
old_logits = np.zeros(5)
old_pi = np.exp(old_logits) / np.exp(old_logits).sum()
acts = rng.choice(5, size=256, p=old_pi)
adv = reward[acts] - reward[acts].mean()


def train(use_clip, steps=100, lr=0.5):
    logits = old_logits.copy()
    for _ in range(steps):
        pi = np.exp(logits - logits.max())
        pi /= pi.sum()
        ratio = pi[acts] / old_pi[acts]
        active = (adv > 0) & (ratio > 1 + EPS) | (adv < 0) & (ratio < 1 - EPS)
        weight = np.where(active & use_clip, 0.0, adv * ratio)   # d objective / d log pi
        grad = (weight[:, None] * (np.eye(5)[acts] - pi)).mean(0)
        logits += lr * grad
    pi = np.exp(logits - logits.max())
    pi /= pi.sum()
    return pi, pi[acts] / old_pi[acts], np.abs(grad).max()


for use_clip in (False, True):
    pi, ratio, last_grad = train(use_clip)
    kl = float((old_pi * np.log(old_pi / pi)).sum())
    print(f"{'clipped  ' if use_clip else 'unclipped'}: new policy {pi.round(3)}, "
          f"ratios in [{ratio.min():.2f}, {ratio.max():.2f}], KL(old || new) {kl:.3f}")
    if use_clip:
        kl_clip, ratio_clip, grad_clip = kl, ratio, last_grad
    else:
        kl_free, ratio_free = kl, ratio
assert ratio_free.max() > 3 and kl_free > 10 * kl_clip
# Clipping stops the push once a sample's ratio leaves the range, but it is not a hard
# bound: the last steps and the coupling of the softmax carry some ratios past it.
assert 0.6 < ratio_clip.min() < 1 - EPS and ratio_clip.max() < 1.35
print(f"clipped run: largest gradient entry at the end {grad_clip:.1e}")
assert grad_clip < 1e-3

# Figure: the clipped surrogate against the ratio for advantage +2 and -1 (the worked cases).
import matplotlib.pyplot as plt

r_grid = np.linspace(0, 2, 201)
fig, axes = plt.subplots(1, 2, sharex=True)
for ax, a in zip(axes, (2.0, -1.0)):
    ax.axvspan(1 - EPS, 1 + EPS, color="grey", alpha=0.15)
    ax.plot(r_grid, r_grid * a, linestyle="--", color="C1", label="unclipped ratio * A")
    ax.plot(r_grid, clipped(r_grid, a), color="C0", label="clipped surrogate")
    pts = [(r, float(clipped(r, a))) for r, adv_ in cases if adv_ == a]
    ax.plot(*zip(*pts), linestyle="none", marker="o", color="black")
    for r, v in pts:
        ax.annotate(f"{v:+.1f}", (r, v), xytext=(5, -12 if a > 0 else 6),
                    textcoords="offset points", fontsize=9)
    ax.set_title(f"advantage A = {a:+.0f}", fontsize=11)
    ax.set_xlabel("probability ratio")
    ax.set_xlim(0, 2)
    # Flat (zero gradient) exactly on the side the advantage pushes towards, past the clip.
    far = r_grid > 1 + EPS if a > 0 else r_grid < 1 - EPS
    assert np.allclose(clipped(r_grid[far], a), (1 + EPS if a > 0 else 1 - EPS) * a)
axes[0].set_ylabel("objective")
axes[0].legend(loc="upper left", fontsize=9)
fig.savefig("ppo-clip.svg")
plt.close(fig)
print("figure: ppo-clip.svg")
