"""Check swish x * sigmoid(beta x): derivative, minimum, non-monotonicity, limits."""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def swish(x, beta=1.0):
    return x * sigmoid(beta * x)


def swish_grad(x, beta=1.0):
    s = sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


x = np.linspace(-6, 6, 120001)  # step 1e-4
h = 1e-5
fd = (swish(x + h) - swish(x - h)) / (2 * h)
print("max |derivative - numeric|   :", f"{np.abs(swish_grad(x) - fd).max():.1e}")
assert np.abs(swish_grad(x) - fd).max() < 1e-8

# Global minimum (beta = 1): solve 1 + x (1 - sigmoid(x)) = 0 by bisection.
lo, hi = -3.0, -0.5
for _ in range(60):
    mid = (lo + hi) / 2
    if 1 + mid * (1 - sigmoid(mid)) > 0:
        hi = mid
    else:
        lo = mid
x_min = (lo + hi) / 2
print("minimum at x, value          :", round(x_min, 4), round(swish(x_min), 4))
assert abs(x_min + 1.2785) < 1e-4 and abs(swish(x_min) + 0.2785) < 1e-4
assert abs(swish(x).min() - swish(x_min)) < 1e-8

# Non-monotonic: decreasing left of the minimum, increasing right of it.
assert (np.diff(swish(x[x < x_min])) < 0).all() and (
    np.diff(swish(x[x > x_min])) > 0
).all()
print("swish(-4), swish(-1.28)      :", round(swish(-4.0), 4), round(swish(-1.28), 4))

# Values at 0, and the limits in beta.
assert swish(0.0) == 0.0 and swish_grad(0.0) == 0.5
print("slope at 0                   :", swish_grad(0.0))
assert np.allclose(swish(x, beta=0.0), x / 2)  # beta = 0: linear
relu_gap = np.abs(swish(x, beta=50.0) - np.maximum(x, 0)).max()
print("max |swish_50 - ReLU|        :", round(relu_gap, 5))
assert relu_gap < 0.006  # beta -> infinity: ReLU (gap is 0.2785 / beta)
