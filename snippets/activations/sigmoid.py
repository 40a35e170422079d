"""Check sigmoid: range, symmetry, derivative s(1-s) with max 1/4, saturation."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


x = np.linspace(-10, 10, 20001)  # step 0.001, contains 0
s = sigmoid(x)
ds = s * (1 - s)

# Derivative formula against central finite differences.
h = 1e-5
fd = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
print("max |s(1-s) - numeric|  :", f"{np.abs(ds - fd).max():.1e}")
assert np.abs(ds - fd).max() < 1e-9

# Range, value at 0, symmetry.
assert ((s > 0) & (s < 1)).all()
assert sigmoid(0.0) == 0.5
assert np.allclose(sigmoid(-x), 1 - s)
print("sigmoid(0)              :", sigmoid(0.0))

# Largest derivative is 1/4, reached at x = 0.
print("max derivative, at x    :", ds.max(), x[ds.argmax()])
assert ds.max() == 0.25 and x[ds.argmax()] == 0.0

# Saturation: the derivative is tiny for large |x|.
for v in (2.0, 5.0, 10.0):
    print(f"derivative at x = {v:<5} :", f"{sigmoid(v) * (1 - sigmoid(v)):.2e}")
assert sigmoid(5.0) * (1 - sigmoid(5.0)) < 0.007

# Activation factors of a 10-layer sigmoid chain: the product of the ten derivatives at
# random pre-activations never exceeds 0.25 ** 10.
rng = np.random.default_rng(0)
a = rng.normal(scale=2.0, size=(10_000, 10))
chain = (sigmoid(a) * (1 - sigmoid(a))).prod(axis=1)
print("0.25 ** 10              :", f"{0.25**10:.2e}")
print("largest 10-layer product:", f"{chain.max():.2e}")
assert chain.max() <= 0.25**10

# tanh is a shifted, rescaled sigmoid.
assert np.allclose(np.tanh(x), 2 * sigmoid(2 * x) - 1)
print("tanh(x) == 2*sigmoid(2x) - 1 : True")

# Gradient with respect to the logit z, target y = 1, for a wrong confident output.
z, y = -6.0, 1.0
p = sigmoid(z)
grad_bce = p - y  # binary cross-entropy
grad_mse = (p - y) * p * (1 - p)  # squared error 0.5 * (p - y)^2
print("dL/dz BCE vs MSE at z=-6:", round(grad_bce, 4), f"{grad_mse:.2e}")
assert abs(grad_bce) > 100 * abs(grad_mse)

# Figure: the sigmoid and its derivative, which peaks at 1/4 at x = 0.
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot(x, s, label="sigmoid(x)")
ax.plot(x, ds, label="derivative s(1 - s)", linestyle="--")
ax.axhline(0.25, color="grey", linewidth=0.8)
ax.annotate("max 1/4 at x = 0", (0, 0.25), xytext=(2.5, 0.4), arrowprops={"arrowstyle": "->"})
ax.set_xlim(-8, 8)
ax.set_xlabel("x")
ax.legend(loc="upper left")
fig.savefig("sigmoid.svg")
print("figure                  : sigmoid.svg")
