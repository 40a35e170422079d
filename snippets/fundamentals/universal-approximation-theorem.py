"""One hidden ReLU layer approximates sin(2 pi x) on [0, 1] with error ~ 1/N^2."""

import numpy as np


def target(x):
    return np.sin(2 * np.pi * x)


def one_hidden_layer(n_units):
    """Weights that make sum_j v_j relu(x - t_j) + c interpolate the target at j / n."""
    knots = np.arange(n_units + 1) / n_units
    values = target(knots)
    slopes = np.diff(values) / np.diff(knots)  # slope on each of the n_units pieces
    v = np.diff(slopes, prepend=0.0)  # output weights: change of slope at each knot
    t = knots[:-1]  # hidden biases are -t_j, hidden weights are 1
    c = values[0]

    def net(x):
        return np.maximum(x[:, None] - t[None, :], 0.0) @ v + c

    return net


x = np.linspace(0, 1, 20_001)
errors = []
print("units N   max error   bound pi^2 / (2 N^2)")
for n in [8, 16, 32, 64, 128]:
    err = np.max(np.abs(one_hidden_layer(n)(x) - target(x)))
    bound = np.pi**2 / (2 * n**2)  # h^2 max|f''| / 8 with h = 1/N, max|f''| = 4 pi^2
    errors.append(err)
    print(f"{n:7d}   {err:.2e}    {bound:.2e}")
    assert err <= bound
ratios = np.array(errors[:-1]) / np.array(errors[1:])
print("error ratio when N doubles:", ratios.round(2))
assert np.all((ratios > 3.5) & (ratios < 4.5))  # second-order: doubling N quarters it

# Figure: the target and the one-hidden-layer fits with few and with more units.
import matplotlib.pyplot as plt

xs = np.linspace(0, 1, 401)
fig, ax = plt.subplots()
ax.plot(xs, target(xs), color="black", linewidth=2.5, alpha=0.35, label=r"$\sin(2\pi x)$")
for n, style in [(4, "--"), (16, "-")]:
    fit = one_hidden_layer(n)(xs)
    err = np.max(np.abs(fit - target(xs)))
    ax.plot(xs, fit, style, label=f"N = {n} ReLU units, max error {err:.2f}")
    print(f"figure: N = {n:2d}, max error on the plotted grid {err:.3f}")
ax.set_xlabel("x")
ax.legend(loc="lower left", fontsize=9)
fig.savefig("relu-fits.svg")
plt.close(fig)
