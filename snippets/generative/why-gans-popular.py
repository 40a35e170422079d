"""Why pixel-wise losses blur and samplers do not; network calls per generated image."""

import numpy as np

rng = np.random.default_rng(0)

# A pixel that is black (-1) or white (+1) with equal probability given the input.
targets = rng.choice([-1.0, 1.0], size=10_000)
candidates = np.linspace(-1, 1, 201)
mse = [np.mean((targets - c) ** 2) for c in candidates]
best = candidates[int(np.argmin(mse))]
# The MSE optimum is the mean (grey), at distance ~1 from every value in the data.
gap = np.min(np.abs(np.array([-1.0, 1.0]) - best))
assert abs(best) < 0.05 and gap > 0.95
print(f"MSE-optimal prediction: {best:+.2f} (grey; distance to nearest data value {gap:.2f})")

# A sampler (what a GAN generator is) outputs one of the modes each time: every
# output is a value that occurs in the data, yet its squared error is about 2,
# twice that of the blurry constant (about 1). MSE prefers the blur.
samples = rng.choice([-1.0, 1.0], size=10_000)
mse_sampler = np.mean((targets - samples) ** 2)
mse_grey = np.mean((targets - best) ** 2)
assert abs(mse_sampler - 2.0) < 0.1 and abs(mse_grey - 1.0) < 0.01
assert np.all(np.isin(samples, [-1.0, 1.0]))
print(f"first samples from a model of the distribution: {samples[:8]}")
print(f"MSE: grey constant {mse_grey:.3f}, sampler {mse_sampler:.3f}")


# Sequential network evaluations to produce one 64x64 RGB image, counted by
# running the generation loops with a stand-in network.
class CountingNet:
    def __init__(self):
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return 0.5 * x + 0.1


h, w, c = 64, 64, 3
gan = CountingNet()
image = gan(rng.normal(size=(h, w, c)))  # one pass maps noise to the whole image

ar = CountingNet()
image = np.zeros((h, w, c))
for i in range(h):
    for j in range(w):
        for k in range(c):  # R, then G given R, then B given R and G
            image[i, j, k] = ar(image)[i, j, k]

ddpm = CountingNet()
x = rng.normal(size=(h, w, c))
for t in range(1000, 0, -1):  # DDPM's T = 1000 denoising steps
    x = ddpm(x)

assert gan.calls == 1 and ar.calls == 12_288 and ddpm.calls == 1000
print(
    f"network calls per image: GAN {gan.calls}, pixel-autoregressive "
    f"{ar.calls:,}, DDPM {ddpm.calls}"
)
