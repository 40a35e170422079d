"""Latent diffusion: how much smaller the diffused array is, what that saves in a
denoiser, and why the latents are rescaled to unit variance before diffusion."""

import numpy as np

# 1. Sizes: a 512 x 512 RGB image versus the Stable Diffusion v1 latent (factor f = 8,
#    4 channels).
image = np.zeros((512, 512, 3), dtype=np.float32)
f, channels = 8, 4
latent = np.zeros((512 // f, 512 // f, channels), dtype=np.float32)
ratio = image.size / latent.size
assert latent.shape == (64, 64, 4) and ratio == 48
print(f"image {image.shape} = {image.size:,} values; latent {latent.shape} ="
      f" {latent.size:,} values; {ratio:.0f}x fewer")

# A convolution costs per spatial position; self-attention costs per pair of positions.
pos_img, pos_lat = 512 * 512, 64 * 64
print(f"spatial positions: {pos_img:,} vs {pos_lat:,} ({pos_img // pos_lat}x fewer);"
      f" attention pairs: {pos_img**2:.2e} vs {pos_lat**2:.2e}"
      f" ({pos_img**2 // pos_lat**2:,}x fewer)")
assert pos_img // pos_lat == f**2 and pos_img**2 // pos_lat**2 == f**4

# 2. The noise schedule assumes unit-variance inputs. SD v1's schedule (CompVis
#    v1-inference.yaml: linear_start 0.00085, linear_end 0.012, T = 1000; sqrt(beta) is
#    linear, which diffusers calls 'scaled_linear'):
T = 1000
beta = np.linspace(0.00085**0.5, 0.012**0.5, T) ** 2
abar = np.cumprod(1 - beta)


def snr(t, data_std):
    """Signal-to-noise ratio of x_t = sqrt(abar) x0 + sqrt(1 - abar) eps, per dimension."""
    return data_std**2 * abar[t] / (1 - abar[t])


scale = 0.18215  # SD v1's latent scaling factor: raw latent std is about 1 / 0.18215
raw_std = 1 / scale
t_half = int(np.argmin(np.abs(snr(np.arange(T), 1.0) - 1)))  # SNR = 1 for unit data
t_raw = int(np.argmin(np.abs(snr(np.arange(T), raw_std) - 1)))  # same for raw latents
print(f"unit-variance latents reach SNR 1 at t = {t_half + 1}; raw latents (std"
      f" {raw_std:.2f}) only at t = {t_raw + 1}")
print(f"at t = T: SNR {snr(T - 1, 1.0):.4f} (scaled) vs {snr(T - 1, raw_std):.3f} (raw);"
      f" signal share of x_T's variance {snr(T - 1, 1.0) / (1 + snr(T - 1, 1.0)):.3f}"
      f" vs {snr(T - 1, raw_std) / (1 + snr(T - 1, raw_std)):.3f}")
# Without the rescaling, the 'pure noise' x_T the sampler starts from would still carry
# about 12% signal, so training and sampling would disagree.
assert snr(T - 1, 1.0) < 0.01 and snr(T - 1, raw_std) > 0.1
assert t_raw > t_half + 200
