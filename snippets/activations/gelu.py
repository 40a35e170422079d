"""Check GELU x * Phi(x): derivative, minimum, its two approximations, the mask view."""

import math

import numpy as np

erf = np.vectorize(math.erf)


def Phi(x):
    return 0.5 * (1 + erf(x / math.sqrt(2)))


def gelu(x):
    return x * Phi(x)


def gelu_grad(x):
    return Phi(x) + x * np.exp(-(x**2) / 2) / math.sqrt(2 * math.pi)


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def gelu_sigmoid(x):
    return x / (1 + np.exp(-1.702 * x))


x = np.linspace(-6, 6, 12001)  # step 1e-3
h = 1e-5
fd = (gelu(x + h) - gelu(x - h)) / (2 * h)
print("max |derivative - numeric| :", f"{np.abs(gelu_grad(x) - fd).max():.1e}")
assert np.abs(gelu_grad(x) - fd).max() < 1e-8

i = gelu(x).argmin()
print("minimum at x, value        :", round(x[i], 3), round(gelu(x[i]), 4))
assert abs(x[i] + 0.752) < 2e-3 and abs(gelu(x[i]) + 0.1700) < 1e-4

err_tanh = np.abs(gelu_tanh(x) - gelu(x)).max()
err_sig = np.abs(gelu_sigmoid(x) - gelu(x)).max()
print("max error, tanh approx     :", f"{err_tanh:.1e}")
print("max error, sigmoid approx  :", f"{err_sig:.1e}")
assert err_tanh < 1e-3 and err_sig < 0.03

# Mask view: multiply x by a Bernoulli(Phi(x)) variable; the average output is GELU(x).
rng = np.random.default_rng(0)
pts = np.array([-1.0, 0.5, 2.0])
masks = rng.random((200_000, 3)) < Phi(pts)
mc = (masks * pts).mean(axis=0)
print("E[x * mask] (Monte Carlo)  :", np.round(mc, 3))
print("GELU(x)                    :", np.round(gelu(pts), 3))
assert np.allclose(mc, gelu(pts), atol=5e-3)
