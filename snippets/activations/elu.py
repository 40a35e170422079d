"""Check ELU (derivative, smoothness, mean) and the SELU fixed point (mean 0, var 1)."""

import math

import numpy as np


def elu(x, alpha=1.0):
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def elu_grad(x, alpha=1.0):
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


x = np.linspace(-5, 5, 10001)
x = x[np.abs(x) > 1e-3]
h = 1e-6
fd = (elu(x + h) - elu(x - h)) / (2 * h)
print("max |derivative - numeric| :", f"{np.abs(elu_grad(x) - fd).max():.1e}")
assert np.abs(elu_grad(x) - fd).max() < 1e-8

# For x <= 0 the derivative is f(x) + alpha; with alpha = 1 it is 1 on both sides of 0.
neg = x[x < 0]
assert np.allclose(elu_grad(neg, 2.0), elu(neg, 2.0) + 2.0)
print("slope at 0-, 0+ (alpha=1)  :", round(float(elu_grad(-1e-9)), 6), elu_grad(1e-9))
assert abs(elu_grad(-1e-9) - 1) < 1e-8
print("ELU(-20), alpha=1          :", round(float(elu(-20.0)), 6))  # tends to -alpha
assert abs(elu(-20.0) + 1) < 1e-8

# Mean output for standard normal input, by numerical integration on a fine grid.
z = np.linspace(-12, 12, 2_400_001)
dz = z[1] - z[0]
pdf = np.exp(-(z**2) / 2) / np.sqrt(2 * np.pi)
mean_relu = (np.maximum(z, 0) * pdf).sum() * dz
mean_elu = (elu(z) * pdf).sum() * dz
print("E[ReLU(z)], E[ELU(z)]      :", round(mean_relu, 4), round(mean_elu, 4))
# Closed form: E[ELU_1(z)] = phi(0) + e^(1/2) Phi(-1) - 1/2, with Phi(-1) = erfc(1/sqrt 2)/2.
elu_mean_exact = (
    1 / np.sqrt(2 * np.pi) + np.exp(0.5) * math.erfc(1 / math.sqrt(2)) / 2 - 0.5
)
assert abs(mean_relu - 1 / np.sqrt(2 * np.pi)) < 1e-6
assert abs(mean_elu - elu_mean_exact) < 1e-6

# SELU constants (Klambauer et al., 2017) make mean 0 and variance 1 a fixed point.
lam, alpha = 1.0507009873554805, 1.6732632423543772
selu = lam * elu(z, alpha)
m1 = (selu * pdf).sum() * dz
m2 = (selu**2 * pdf).sum() * dz
print("SELU: E[f(z)], E[f(z)^2]   :", f"{m1:.1e}", f"{m2:.6f}")
assert abs(m1) < 1e-6 and abs(m2 - 1) < 1e-6
