"""Check tanh: range, odd symmetry, derivative 1 - tanh^2 (max 1), zero-centred."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


x = np.linspace(-8, 8, 16001)  # step 0.001, contains 0
t = np.tanh(x)
dt = 1 - t**2

h = 1e-5
fd = (np.tanh(x + h) - np.tanh(x - h)) / (2 * h)
print("max |(1 - tanh^2) - numeric| :", f"{np.abs(dt - fd).max():.1e}")
assert np.abs(dt - fd).max() < 1e-9

assert ((t > -1) & (t < 1)).all()
assert np.allclose(np.tanh(-x), -t)  # odd function
assert np.allclose(t, 2 * sigmoid(2 * x) - 1)  # shifted, rescaled sigmoid
assert np.allclose(dt, 4 * sigmoid(2 * x) * (1 - sigmoid(2 * x)))
print("max derivative, at x         :", dt.max(), x[dt.argmax()])
assert dt.max() == 1.0 and x[dt.argmax()] == 0.0
print(
    "derivative at x = 2, 5       :",
    f"{1 - np.tanh(2) ** 2:.4f}",
    f"{1 - np.tanh(5) ** 2:.2e}",
)
assert abs((1 - np.tanh(2) ** 2) - 0.0707) < 1e-4

# Near 0 the slope is 1: tanh(x) ~ x - x^3 / 3.
assert abs(np.tanh(0.01) - (0.01 - 0.01**3 / 3)) < 1e-10

# Zero-centred: for zero-mean symmetric inputs the mean output is ~0 (sigmoid: ~0.5).
rng = np.random.default_rng(0)
z = rng.normal(size=100_000)
print(
    "mean tanh(z), mean sigmoid(z):",
    round(np.tanh(z).mean(), 3),
    round(sigmoid(z).mean(), 3),
)
assert abs(np.tanh(z).mean()) < 0.01 and abs(sigmoid(z).mean() - 0.5) < 0.01

# Figure: tanh and its derivative against the sigmoid and its derivative.
import matplotlib.pyplot as plt

xs, ts, dts = x[::40], t[::40], dt[::40]  # 401 points, step 0.04
s = sigmoid(xs)
assert dts.max() == 1.0 and (s * (1 - s)).max() == 0.25  # peaks 1 and 1/4, both at x = 0
fig, ax = plt.subplots()
ax.plot(xs, ts, label="tanh(x)")
ax.plot(xs, dts, linestyle="--", label="tanh'(x) = 1 - tanh²(x)")
ax.plot(xs, s, linestyle="-.", label="sigmoid(x)")
ax.plot(xs, s * (1 - s), linestyle=":", linewidth=2, label="sigmoid'(x)")
ax.set_xlim(-6, 6)
ax.set_xlabel("x")
ax.legend(loc="lower right", fontsize=9)
fig.savefig("tanh.svg")
plt.close(fig)
print("figure                       : tanh.svg")
