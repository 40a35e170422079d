"""Check softsign x / (1 + |x|): range, derivative, slower saturation than tanh."""

import numpy as np


def softsign(x):
    return x / (1 + np.abs(x))


def softsign_grad(x):
    return 1 / (1 + np.abs(x)) ** 2


x = np.linspace(-50, 50, 100001)
x = x[np.abs(x) > 1e-3]  # the formula is fine at 0, finite differences of |x| are not
h = 1e-6
fd = (softsign(x + h) - softsign(x - h)) / (2 * h)
print("max |derivative - numeric| :", f"{np.abs(softsign_grad(x) - fd).max():.1e}")
assert np.abs(softsign_grad(x) - fd).max() < 1e-8

assert (np.abs(softsign(x)) < 1).all() and np.allclose(softsign(-x), -softsign(x))
assert softsign_grad(0.0) == 1.0
print("slope at 0, softsign, tanh :", softsign_grad(0.0), 1 - np.tanh(0.0) ** 2)

# Distance to the asymptote: 1/(1 + x) for softsign versus about 2 exp(-2x) for tanh.
for v in (2.0, 5.0, 10.0):
    d_s, d_t = 1 - softsign(v), 1 - np.tanh(v)
    g_s, g_t = softsign_grad(v), 1 - np.tanh(v) ** 2
    print(
        f"x = {v:>4}: 1-f softsign {d_s:.3f} tanh {d_t:.1e};"
        f" slope {g_s:.4f} vs {g_t:.1e}"
    )
    assert abs(d_s - 1 / (1 + v)) < 1e-12 and g_s > g_t
assert softsign_grad(5.0) == 1 / 36
