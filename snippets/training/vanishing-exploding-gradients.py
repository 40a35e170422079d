"""Checks how gradients shrink or grow with depth, activation and weight scale."""

import numpy as np

DEPTH, WIDTH, BATCH = 30, 128, 32


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


ACTS = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1.0 - sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
}


def gradient_ratio(act, weight_var, seed=0):
    """Return ||dL/dh_0|| / ||dL/dh_L||, the bound prod(max phi' * ||W||_2), and the
    gradient norm at every layer from the top (L) down to the input (0), over ||dL/dh_L||."""
    rng = np.random.default_rng(seed)
    f, df = ACTS[act]
    ws = [rng.normal(0, np.sqrt(weight_var / WIDTH), (WIDTH, WIDTH))
          for _ in range(DEPTH)]
    h = rng.normal(size=(BATCH, WIDTH))
    zs = []
    for w in ws:                       # forward pass, keep pre-activations
        z = h @ w
        zs.append(z)
        h = f(z)
    g = rng.normal(size=(BATCH, WIDTH))  # some upstream gradient dL/dh_L
    g_top = np.linalg.norm(g)
    norms = [1.0]
    for w, z in zip(reversed(ws), reversed(zs)):   # backward pass
        g = (g * df(z)) @ w.T
        norms.append(np.linalg.norm(g) / g_top)
    max_slope = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}[act]
    bound = np.prod([max_slope * np.linalg.norm(w, 2) for w in ws])
    return np.linalg.norm(g) / g_top, bound, np.array(norms)


# The sigmoid slope never exceeds 1/4 (reached at z = 0).
z = np.linspace(-10, 10, 20001)
assert np.isclose(ACTS["sigmoid"][1](z).max(), 0.25)
print(f"max sigmoid'(z) = {ACTS['sigmoid'][1](z).max():.4f}, 0.25**{DEPTH} = "
      f"{0.25 ** DEPTH:.1e}")

cases = [
    ("sigmoid", 1.0),   # Xavier-like variance 1/n
    ("tanh", 1.0),      # Xavier-like variance 1/n
    ("relu", 2.0),      # He variance 2/n
    ("relu", 1.0),      # too small for ReLU
    ("relu", 4.0),      # too large for ReLU
]
ratios, per_layer = {}, {}
for act, var in cases:
    r, bound, per_layer[(act, var)] = gradient_ratio(act, var)
    ratios[(act, var)] = r
    assert r <= bound * (1 + 1e-9)     # the Jacobian-product bound holds
    print(f"{act:7s} Var(W)={var:.0f}/n: ||grad at input|| / ||grad at top||"
          f" = {r:.2e}")

assert ratios[("sigmoid", 1.0)] < 1e-8          # vanishes
assert 0.1 < ratios[("relu", 2.0)] < 10         # stays O(1) with He init
assert ratios[("relu", 1.0)] < 1e-3             # about (1/2)**(30/2)
assert ratios[("relu", 4.0)] > 1e3              # about 2**(30/2), explodes
assert ratios[("tanh", 1.0)] > ratios[("sigmoid", 1.0)] * 1e3

# Scalar chain: 20 linear steps with weight w multiply the gradient by w**20.
for w in (0.5, 1.5):
    print(f"scalar chain, w={w}: gradient factor over 20 layers = {w ** 20:.3g}")
assert np.isclose(0.5 ** 20, 9.54e-7, rtol=1e-3)
assert np.isclose(1.5 ** 20, 3325.26, rtol=1e-4)

# Figure: the gradient norm at every layer, relative to the top, for the five cases.
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
layers = np.arange(DEPTH, -1, -1)  # per_layer runs from the top layer down to the input
styles = ["-", "--", "-", "-.", ":"]
markers = ["o", "s", "^", "v", "D"]
for (act, var), style, marker in zip(cases, styles, markers):
    ax.plot(layers, per_layer[(act, var)], linestyle=style, marker=marker, markersize=3,
            markevery=3, linewidth=1.5, label=f"{act}, Var(W) = {var:.0f}/n")
assert all(per_layer[k][-1] == ratios[k] for k in cases)
ax.set_yscale("log")
ax.set_xlim(0, DEPTH)
ax.invert_xaxis()  # read left to right in the order backpropagation visits the layers
ax.set_xlabel("layer (backpropagation runs from layer 30 to the input, layer 0)")
ax.set_ylabel("||dL/dh_l|| / ||dL/dh_30||")
ax.legend(fontsize=8, loc="lower left")
fig.savefig("gradient-norms.svg")
plt.close(fig)
print("figure: gradient-norms.svg")
