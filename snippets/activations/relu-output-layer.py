"""Check ReLU versus softplus as the output of a non-negative regression model."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(0, 3, size=200)
y = 2.0 * x + 1.0  # a non-negative target


def relu(z):
    return np.maximum(z, 0.0), (z > 0).astype(float)  # value, derivative


def softplus(z):
    return np.logaddexp(0.0, z), 1 / (1 + np.exp(-z))


def fit(act, w, b, steps=5000, lr=0.02):
    for _ in range(steps):
        out, d_out = act(w * x + b)
        g = (out - y) * d_out  # gradient of 0.5 * squared error w.r.t. z
        w, b = w - lr * np.mean(g * x), b - lr * np.mean(g)
    out, _ = act(w * x + b)
    return np.mean((out - y) ** 2), w, b


# Good start: both work; ReLU output is exact here because y > 0 everywhere.
for name, act in (("ReLU    ", relu), ("softplus", softplus)):
    mse, w, b = fit(act, 0.5, 0.5)
    print(f"{name} output, good start : MSE {mse:.4f}  (w, b) = ({w:.2f}, {b:.2f})")
    assert mse < 0.05

# Bad start: all pre-activations negative. ReLU output is stuck at 0, softplus recovers.
mse_r, w_r, b_r = fit(relu, -1.0, -0.5)
mse_s, _, _ = fit(softplus, -1.0, -0.5)
print(
    f"ReLU     output, bad start  : MSE {mse_r:.2f}, parameters unchanged: "
    f"{(w_r, b_r) == (-1.0, -0.5)}"
)
print(f"softplus output, bad start  : MSE {mse_s:.4f}")
assert (w_r, b_r) == (-1.0, -0.5) and mse_r > 10 and mse_s < 0.05

# ReLU outputs are not class probabilities: they need not sum to 1 and can all be 0.
z = np.array([2.0, -1.0, 0.5])
print("ReLU of logits [2, -1, 0.5]  :", relu(z)[0], "sum", relu(z)[0].sum())
assert relu(z)[0].sum() != 1.0
z_neg = np.array([-0.3, -1.2, -0.1])
print("ReLU of logits [-0.3, -1.2, -0.1]:", relu(z_neg)[0], "(no prediction at all)")
assert not relu(z_neg)[0].any()
