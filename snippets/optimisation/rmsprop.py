"""RMSprop vs Adagrad vs GD: per-parameter scaling, rate decay, and the first step."""

import numpy as np

rho, eta, eps = 0.9, 1e-3, 1e-8


def rmsprop_step(x, s, g):
    s = rho * s + (1 - rho) * g**2
    return x - eta * g / (np.sqrt(s) + eps), s


# 1. Gradients of very different scale: loss 0.5 * (1000 x1^2 + 0.001 x2^2).
curv = np.array([1000.0, 0.001])
x, s = np.array([1.0, 1.0]), np.zeros(2)
x_gd = np.array([1.0, 1.0])
for _ in range(200):
    x, s = rmsprop_step(x, s, curv * x)
    x_gd = x_gd - 1.9e-3 * curv * x_gd  # GD must keep eta < 2 / 1000
moved_rms, moved_gd = 1 - x, 1 - x_gd
print("gradients differ 1e6-fold; after 200 steps, distance moved by (x1, x2):")
print(f"  RMSprop {np.round(moved_rms, 4)}, GD {moved_gd[0]:.3f} and {moved_gd[1]:.1e}")
# RMSprop moves both coordinates alike, about eta per step (200 * 1e-3 = 0.2);
# GD is limited by the steep coordinate and barely moves the flat one.
assert np.allclose(moved_rms, 0.2, atol=0.01)
assert abs(moved_rms[0] - moved_rms[1]) < 1e-4
assert moved_gd[1] < 1e-3

# 2. Run both accumulators: gradient 0.5 for 10,000 steps, then 0.05. Adagrad's
#    rate eta / sqrt(sum g^2) decays like 1/sqrt(t) and keeps falling; RMSprop's
#    eta / sqrt(EMA of g^2) settles at eta / |g| and rises again when |g| drops.
G, s_avg, ada, rms = 0.0, 0.0, [], []
for t in range(20_000):
    g = 0.5 if t < 10_000 else 0.05
    G += g**2
    s_avg = rho * s_avg + (1 - rho) * g**2
    ada.append(eta / np.sqrt(G))
    rms.append(eta / np.sqrt(s_avg))
assert np.isclose(ada[9_999], ada[0] / 100)  # 100x smaller after 10,000 steps
assert np.isclose(rms[9_999], eta / 0.5)
assert np.isclose(rms[-1], eta / 0.05) and rms[10_099] > 0.99 * eta / 0.05
assert ada[-1] < ada[9_999]  # Adagrad never recovers
print(
    f"effective rate after 10,000 steps (|g| = 0.5): Adagrad {ada[9_999]:.1e}, "
    f"RMSprop {rms[9_999]:.1e}"
)
print(
    f"100 steps after |g| drops to 0.05: Adagrad {ada[10_099]:.1e}, "
    f"RMSprop {rms[10_099]:.1e}"
)

# 3. No bias correction: the first step is eta * g / sqrt((1 - rho) g^2),
#    i.e. 1 / sqrt(0.1) = 3.16 times eta, whatever the size of g.
for g1 in (1e-3, 7.0):
    x1, _ = rmsprop_step(np.zeros(1), np.zeros(1), np.array([g1]))
    assert np.isclose(-x1[0], eta / np.sqrt(1 - rho), rtol=1e-4)
print(
    f"first step for any gradient size: {eta / np.sqrt(1 - rho):.2e} "
    f"(= {1 / np.sqrt(1 - rho):.2f} x eta)"
)
