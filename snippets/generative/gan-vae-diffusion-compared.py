"""Why a one-shot squared-error prediction is blurry and iterative denoising is not:
two 8-pixel 'images' that differ in where an edge is."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
data = np.array([[1, 1, 1, 0, 0, 0, 0, 0],
                 [1, 1, 1, 1, 1, 0, 0, 0]], dtype=float)  # edge at pixel 3 or at pixel 5


def nearest_distance(x):
    return np.min(np.linalg.norm(x[:, None, :] - data[None], axis=2), axis=1)


# 1. When the input does not say which image it is (a VAE decoder for an ambiguous code,
#    a regression model, the first step of a denoiser), the squared-error optimum is
#    the mean image: a half-strength edge that is not a data point.
mean_image = data.mean(0)
print("one-shot MSE optimum:", mean_image, f"-> distance to nearest image"
      f" {nearest_distance(mean_image[None])[0]:.3f}")
assert nearest_distance(mean_image[None])[0] > 0.7

# 2. A diffusion model applies the same kind of MSE-optimal denoiser many times, at
#    decreasing noise; each step commits a little more, and the samples end sharp.
T = 1000
abar = np.cumprod(1 - np.linspace(1e-4, 0.02, T))


def denoise(x, a):
    """E[x_0 | x_t]: the MSE-optimal prediction at noise level a."""
    logp = -0.5 * np.sum((x[:, None, :] - np.sqrt(a) * data[None]) ** 2, axis=2) / (1 - a)
    r = np.exp(logp - logp.max(1, keepdims=True))
    r /= r.sum(1, keepdims=True)
    return r @ data


levels = list(abar[np.linspace(0, T - 1, 100).round().astype(int)][::-1]) + [1.0]
x = rng.standard_normal((2000, 8))
first = denoise(x, levels[0])
for a_t, a_s in pairwise(levels):  # deterministic DDIM steps
    x0 = denoise(x, a_t)
    eps = (x - np.sqrt(a_t) * x0) / np.sqrt(1 - a_t)
    x = np.sqrt(a_s) * x0 + np.sqrt(1 - a_s) * eps
print(f"denoiser output at t = T (first step), one sample: {first[0].round(2)}")
assert np.allclose(first, mean_image, atol=0.05)  # the first prediction is the blur
dist = nearest_distance(x)
share_b = np.mean(np.argmin(np.linalg.norm(x[:, None, :] - data[None], axis=2), axis=1))
print(f"after 100 steps: max distance to nearest image {dist.max():.2e};"
      f" share with the edge at pixel 5: {share_b:.3f}")
assert dist.max() < 1e-3 and abs(share_b - 0.5) < 0.05
