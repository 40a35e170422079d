"""Check ReLU: gradient, sparsity, E[relu(z)^2] = Var(z)/2 and why He init uses 2/n."""

import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def relu_grad(x):
    return (x > 0).astype(float)  # convention: 0 at x = 0


rng = np.random.default_rng(0)

# Gradient is 1 for x > 0 and 0 for x < 0 (checked by finite differences away from 0).
x = rng.normal(size=1000)
x = x[np.abs(x) > 1e-3]
h = 1e-6
fd = (relu(x + h) - relu(x - h)) / (2 * h)
assert np.allclose(fd, relu_grad(x))
print("gradient values seen      :", sorted({float(g) for g in relu_grad(x)}))

# Positive homogeneity: relu(c x) = c relu(x) for c >= 0.
assert np.allclose(relu(3.0 * x), 3.0 * relu(x))

# Sparsity: about half the outputs are exactly 0 for zero-mean symmetric inputs.
z = rng.normal(size=200_000)
frac_zero = (relu(z) == 0).mean()
second_moment = (relu(z) ** 2).mean()
print("fraction of exact zeros   :", round(frac_zero, 3))
print("E[relu(z)^2] for Var(z)=1 :", round(second_moment, 3))
assert abs(frac_zero - 0.5) < 0.01
assert abs(second_moment - 0.5) < 0.01  # ReLU keeps half the second moment


# 20 ReLU layers of width 256: weight variance 2/n keeps the signal scale, 1/n halves it
# at every layer.
def final_rms(weight_var_times_n, depth=20, n=256):
    a = rng.normal(size=(1000, n))
    for _ in range(depth):
        W = rng.normal(scale=np.sqrt(weight_var_times_n / n), size=(n, n))
        a = relu(a @ W)
    return np.sqrt((a**2).mean())


rms_he, rms_half = final_rms(2.0), final_rms(1.0)
print("RMS after 20 layers, 2/n  :", round(rms_he, 3))
print("RMS after 20 layers, 1/n  :", f"{rms_half:.2e}")
assert 0.5 < rms_he < 2.0
assert 0.5 * 2**-10 < rms_half < 2 * 2**-10  # predicted (1/2)^(20/2) = 9.8e-4
