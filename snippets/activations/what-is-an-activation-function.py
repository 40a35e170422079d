"""One neuron with different activations, and what a hidden non-linearity buys a fit."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def relu(z):
    return np.maximum(z, 0.0)


# A single neuron: pre-activation z = w . x + b, output a = g(z).
x = np.array([1.0, 2.0, 3.0])
w = np.array([0.5, -1.0, 0.25])
b = 0.1
z = w @ x + b
print("pre-activation z      :", round(z, 4))
assert abs(z - (-0.65)) < 1e-12
for name, g in (
    ("identity", lambda v: v),
    ("ReLU", relu),
    ("sigmoid", sigmoid),
    ("tanh", np.tanh),
):
    print(f"{name:<8} output g(z) :", round(float(g(z)), 4))
assert relu(z) == 0.0
assert abs(sigmoid(z) - 0.3430) < 1e-4 and abs(np.tanh(z) + 0.5717) < 1e-4

# Fit y = sin(3x) on [-1, 1] with one hidden layer of 50 units whose input weights are
# random and fixed; only the output layer is solved by least squares. With ReLU the
# hidden features bend; with the identity they are all linear in x.
rng = np.random.default_rng(0)
xs = np.linspace(-1, 1, 200)[:, None]
ys = np.sin(3 * xs[:, 0])
W1 = rng.normal(size=(1, 50))
b1 = rng.uniform(-1, 1, size=50)


def rmse_with(g):
    H = np.hstack([g(xs @ W1 + b1), np.ones((200, 1))])
    coef, *_ = np.linalg.lstsq(H, ys, rcond=None)
    return np.sqrt(np.mean((H @ coef - ys) ** 2))


rmse_lin, rmse_relu = rmse_with(lambda v: v), rmse_with(relu)
print("RMSE, identity hidden :", round(rmse_lin, 4))
print("RMSE, ReLU hidden     :", f"{rmse_relu:.1e}")
assert rmse_lin > 0.3 and rmse_relu < 0.01
