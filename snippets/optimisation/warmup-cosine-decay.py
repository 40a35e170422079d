"""Warm-up + cosine decay values, the transformer schedule, and Adam's noisy start."""

import math

import numpy as np


def warmup_cosine(t, peak, warmup, total, floor=0.0):
    """Rate at step t (0-based): linear up to `peak`, then half a cosine to `floor`."""
    if t < warmup:
        return peak * (t + 1) / warmup
    progress = (t - warmup) / (total - warmup)  # 0 at the peak, 1 at the end
    return floor + 0.5 * (peak - floor) * (1 + math.cos(math.pi * progress))


peak, warmup, total, floor = 3e-4, 1000, 11_000, 3e-5
lrs = np.array([warmup_cosine(t, peak, warmup, total, floor) for t in range(total)])
assert math.isclose(lrs[0], peak / warmup)  # first step: 1/1000 of the peak
assert lrs.argmax() == warmup - 1 and math.isclose(lrs.max(), peak)
mid = warmup + (total - warmup) // 2  # half-way through the decay
assert math.isclose(lrs[mid], (peak + floor) / 2)
assert np.all(np.diff(lrs[:warmup]) > 0) and np.all(np.diff(lrs[warmup:]) < 0)
end = warmup_cosine(total, peak, warmup, total, floor)  # one step past the last
assert lrs[-1] > floor and math.isclose(end, floor)
for t in (0, 499, 999, mid, total - 1):
    print(f"step {t:6d}: lr = {lrs[t]:.3e}")

# Vaswani et al. (2017): lr = d^-0.5 * min(s^-0.5, s * w^-1.5), with s = step >= 1.
d_model, w = 512, 4000


def noam(s):
    return d_model**-0.5 * min(s**-0.5, s * w**-1.5)


steps = np.arange(1, 100_001)
noam_lrs = np.array([noam(s) for s in steps])
assert steps[noam_lrs.argmax()] == w
assert math.isclose(noam(w), (d_model * w) ** -0.5)  # 1/sqrt(2,048,000) = 6.99e-4
print(f"transformer schedule (d=512, warm-up 4000): peak {noam(w):.3e} at step {w}")

# Why warm-up helps Adam. These gradients are pure noise (true gradient 0). At step 1
# the update m_hat / sqrt(v_hat) is exactly sign(g): every parameter moves by the full
# rate alpha, however unreliable its gradient. Later, m_hat averages the noise out and the
# steps shrink. The adaptive rate 1/sqrt(v_hat) itself, estimated from few squares, is
# very spread out at first (Liu et al., 2020).
rng = np.random.default_rng(0)
g = rng.normal(size=(200, 20_000))  # 20,000 parameters, gradients N(0, 1)
b1, b2 = 0.9, 0.999
m, v, spread, step = np.zeros(20_000), np.zeros(20_000), {}, {}
for t in range(1, 201):
    m = b1 * m + (1 - b1) * g[t - 1]
    v = b2 * v + (1 - b2) * g[t - 1] ** 2
    v_hat = v / (1 - b2**t)
    update = (m / (1 - b1**t)) / np.sqrt(v_hat)  # in units of alpha
    rate = 1 / np.sqrt(v_hat)
    if t in (1, 10, 200):
        spread[t] = np.percentile(rate, 99) / np.median(rate)
        step[t] = np.mean(np.abs(update))
        print(
            f"Adam step {t:3d}: mean |update| = {step[t]:.2f} alpha; 99th percentile"
            f" / median of 1/sqrt(v_hat) = {spread[t]:.1f}"
        )
    if t == 1:
        assert np.allclose(np.abs(update), 1.0)  # exactly alpha * sign(g_1)
assert step[200] < 0.4 * step[1]
assert spread[1] > 30 and spread[10] < 3 and spread[200] < 1.5

# Figure: the warm-up + cosine schedule computed above (every 25th step, and the peak).
import matplotlib.pyplot as plt

idx = np.union1d(np.arange(0, total, 25), [warmup - 1, mid, total - 1])
fig, ax = plt.subplots()
ax.plot(idx, lrs[idx] * 1e4, label="warm-up + cosine decay")
ax.axhline(floor * 1e4, color="grey", linestyle=":", linewidth=1)
ax.axvline(warmup - 1, color="grey", linestyle="--", linewidth=0.8)
ax.annotate(f"peak {peak:.0e} at step {warmup - 1}", (warmup - 1, peak * 1e4),
            xytext=(2500, 3.1), arrowprops={"arrowstyle": "->"})
ax.plot(mid, lrs[mid] * 1e4, marker="o", color="black", linestyle="none")
ax.annotate(f"(peak + floor) / 2 at step {mid}", (mid, lrs[mid] * 1e4), xytext=(6500, 2.2),
            arrowprops={"arrowstyle": "->"})
ax.text(total - 100, floor * 1e4 + 0.08, f"floor {floor:.0e}", ha="right", fontsize=9)
ax.set_xlim(0, total)
ax.set_ylim(0, 3.4)
ax.set_xlabel("step")
ax.set_ylabel("learning rate (× 1e-4)")
fig.savefig("schedule.svg")
plt.close(fig)
print("figure: schedule.svg")
