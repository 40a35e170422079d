"""Why pixel-wise losses blur and samplers do not; network calls per generated image."""

import numpy as np

rng = np.random.default_rng(0)

# A pixel that is black (-1) or white (+1) with equal probability given the input.
targets = rng.choice([-1.0, 1.0], size=10_000)
candidates = np.linspace(-1, 1, 201)
mse = [np.mean((targets - c) ** 2) for c in candidates]
best = candidates[int(np.argmin(mse))]
assert abs(best - targets.mean()) < 0.01 and abs(best) < 0.05
print(
    f"MSE-optimal prediction: {best:+.2f} (grey, a value that never occurs in the data)"
)

# A sampler (what a GAN generator is) outputs one of the modes each time, so its
# outputs keep the spread of the data; the MSE-optimal constant has none.
samples = rng.choice([-1.0, 1.0], size=10_000)
assert abs(samples.var() - targets.var()) < 0.01
assert np.mean((targets - best) ** 2) < np.mean((targets - samples) ** 2)
print(f"first samples from a model of the distribution: {samples[:8]}")
print(
    f"variance: data {targets.var():.3f}, sampler {samples.var():.3f}, "
    "MSE-optimal prediction 0 (yet the sampler has the higher MSE)"
)

# Sequential network evaluations to produce one 64x64 RGB image.
gan_calls = 1
autoregressive_calls = 64 * 64 * 3  # one per sub-pixel, as in PixelRNN/PixelCNN
diffusion_calls = 1000  # DDPM's sampling steps
assert autoregressive_calls == 12_288
print(
    f"network calls per image: GAN {gan_calls}, pixel-autoregressive "
    f"{autoregressive_calls:,}, DDPM {diffusion_calls}"
)
