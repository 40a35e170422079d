"""Tabulate common activations: values at -2, 0, 2, slope at 0, and observed range."""

import math

import numpy as np

erf = np.vectorize(math.erf)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


ACTS = {
    "step": lambda x: (x >= 0).astype(float),
    "identity": lambda x: x,
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "softsign": lambda x: x / (1 + np.abs(x)),
    "ReLU": lambda x: np.maximum(x, 0),
    "leaky 0.01": lambda x: np.where(x > 0, x, 0.01 * x),
    "ELU": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0))),
    "softplus": lambda x: np.logaddexp(0, x),
    "swish": lambda x: x * sigmoid(x),
    "GELU": lambda x: 0.5 * x * (1 + erf(x / math.sqrt(2))),
}

grid = np.linspace(-20, 20, 400001)
pts = np.array([-2.0, 0.0, 2.0])
h = 1e-6
head = ["f(-2)", "f(0)", "f(2)", "f'(-2)", "f'(2)"]
print(f"{'name':<11}" + "".join(f"{c:>8}" for c in head) + "   min on [-20, 20]")
rows = {}
for name, f in ACTS.items():
    v = f(pts)
    d = (f(pts[[0, 2]] + h) - f(pts[[0, 2]] - h)) / (2 * h)
    rows[name] = (v, d, f(grid).min())
    cells = "".join(f"{c:8.3f}" for c in (*v, *d))
    print(f"{name:<11}{cells}   {f(grid).min():.4f}")


def close(a, b, tol=1e-3):
    return np.allclose(a, b, atol=tol)


# Claims made in the page's table.
assert close(rows["step"][1], [0, 0])  # zero gradient away from the jump
assert close(rows["sigmoid"][0], [0.119, 0.5, 0.881]) and close(
    rows["sigmoid"][1], 0.105
)
assert close(rows["tanh"][1], 0.071) and close(rows["softsign"][1], 1 / 9)
assert close(rows["ReLU"][1], [0, 1]) and close(rows["leaky 0.01"][1], [0.01, 1])
assert close(rows["ELU"][1], [math.exp(-2), 1])
assert close(rows["softplus"][0][1], math.log(2)) and close(
    rows["softplus"][1], sigmoid(pts[[0, 2]])
)
assert rows["ReLU"][2] == 0 and rows["softplus"][2] > 0 and rows["sigmoid"][2] > 0
assert close(rows["swish"][2], -0.2785, 1e-4) and close(rows["GELU"][2], -0.1700, 1e-4)
assert rows["ELU"][2] > -1 and rows["tanh"][2] >= -1 and rows["softsign"][2] > -1

# Softmax acts on a whole vector, not element-wise: its output sums to 1.
z = np.array([2.0, 1.0, 0.1])
p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
print("softmax([2, 1, 0.1]):", np.round(p, 3), "sum", round(p.sum(), 12))
assert abs(p.sum() - 1) < 1e-12

# Figure: the rectifiers and the smooth gated activations on one axis. Leaky ReLU is drawn
# with slope 0.1 (not 0.01) so that its negative part is visible next to ReLU's.
import matplotlib.pyplot as plt

xs = np.linspace(-4, 3, 351)
curves = {
    "ReLU": (ACTS["ReLU"](xs), "-"),
    "leaky ReLU (slope 0.1)": (np.where(xs > 0, xs, 0.1 * xs), (0, (6, 2))),
    "ELU (α = 1)": (ACTS["ELU"](xs), "-."),
    "GELU": (ACTS["GELU"](xs), (0, (1, 1.5))),
    "swish": (ACTS["swish"](xs), (0, (4, 1, 1, 1, 1, 1))),
}
fig, ax = plt.subplots()
for name, (y, style) in curves.items():
    ax.plot(xs, y, linestyle=style, linewidth=1.8, label=name)
for name, marker in (("swish", "v"), ("GELU", "o")):
    g = grid[(grid > -4) & (grid < 0)]
    y = ACTS[name](g)
    i = y.argmin()
    assert y[i] == rows[name][2]  # the global minimum on [-20, 20] lies in view
    ax.plot(g[i], y[i], marker=marker, color="black", markersize=6, linestyle="none")
    where = (-3.9, 0.45) if name == "swish" else (0.3, -0.7)
    ax.annotate(f"{name} min {y[i]:.4f}", (g[i], y[i]), xytext=where,
                fontsize=9, arrowprops={"arrowstyle": "->", "linewidth": 0.8})
ax.set_xlim(-4, 3)
ax.set_ylim(-1.2, 3)
ax.set_xlabel("z")
ax.set_ylabel("f(z)")
ax.legend(loc="upper left", fontsize=9)
fig.savefig("activations.svg")
plt.close(fig)
print("figure: activations.svg")
