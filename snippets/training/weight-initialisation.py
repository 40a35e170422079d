"""Tracks activation scale through 50 layers for different initial weight scales."""

import numpy as np

DEPTH, WIDTH = 50, 256
rng = np.random.default_rng(0)
x = rng.normal(size=(128, WIDTH))


def relu(z):
    return np.maximum(z, 0.0)


def layer_rms(act, std):
    """Root-mean-square activation after every layer 1, ..., 50."""
    h, out = x, {}
    for layer in range(1, DEPTH + 1):
        h = act(h @ rng.normal(0, std, (WIDTH, WIDTH)))
        out[layer] = np.sqrt(np.mean(h ** 2))
    return out


n = WIDTH
cases = [
    ("tanh", np.tanh, 0.01, "too small"),
    ("tanh", np.tanh, 1.0, "too large"),
    ("tanh", np.tanh, np.sqrt(1 / n), "Xavier/LeCun 1/n"),
    ("relu", relu, np.sqrt(1 / n), "1/n for ReLU"),
    ("relu", relu, np.sqrt(2 / n), "He 2/n"),
]
res = {}
print("activation, weight std -> RMS of activations after layer 1 / 10 / 50")
for name, act, std, label in cases:
    r = layer_rms(act, std)
    res[label] = r
    print(f"{name:4s} std={std:.4f} ({label:16s}) "
          f"{r[1]:.2e} / {r[10]:.2e} / {r[50]:.2e}")

assert res["too small"][50] < 1e-30                    # signal dies
sat = np.tanh(x @ rng.normal(0, 1.0, (n, n)))
frac = np.mean(np.abs(sat) > 0.99)
assert frac > 0.75                                     # most units saturated
print(f"tanh, std=1: {frac:.0%} of units have |h| > 0.99 (gradient ~0 there)")
assert 0.05 < res["Xavier/LeCun 1/n"][50] < 1.0        # shrinks slowly, stays usable
assert res["1/n for ReLU"][50] < 1e-6                  # halves the second moment/layer
assert 0.3 < res["He 2/n"][50] < 3.0                   # keeps the scale

# Figure: RMS activation after every layer for the five cases (log scale).
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
layers = np.arange(1, DEPTH + 1)
styles = {"too small": ("-", "o"), "too large": ("--", "s"), "Xavier/LeCun 1/n": ("-", "^"),
          "1/n for ReLU": ("-.", "v"), "He 2/n": (":", "D")}
for name, _, std, label in cases:
    style, marker = styles[label]
    ax.plot(layers, [res[label][k] for k in layers], linestyle=style, marker=marker,
            markersize=3, markevery=5, linewidth=1.6, label=f"{name}, {label}")
ax.set_yscale("log")
ax.set_ylim(1e-9, 3)  # the too-small case leaves the axis near layer 10 ...
ax.annotate(f"... and reaches {res['too small'][50]:.1e} at layer 50", (9.5, 2e-9),
            xytext=(12, 1e-8), fontsize=9, arrowprops={"arrowstyle": "->"})
ax.set_xlim(1, DEPTH)
ax.set_xlabel("layer")
ax.set_ylabel("RMS of activations")
ax.legend(fontsize=8, loc="center right")
fig.savefig("activation-scale.svg")
plt.close(fig)
print("figure: activation-scale.svg")
