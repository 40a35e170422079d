"""QLoRA's pieces: the NF4 code book, block-wise 4-bit quantisation, double quantisation."""

from statistics import NormalDist

import numpy as np

rng = np.random.default_rng(0)
ppf = NormalDist().inv_cdf

# 1. NF4: normal quantiles, 8 positive and 7 negative values plus an exact zero,
#    scaled to [-1, 1]. The outermost quantile is 1 - delta, delta = (1/32 + 1/30) / 2.
top = 1 - 0.5 * (1 / 32 + 1 / 30)
# Probabilities evenly spaced from 1/2 (excluded) up to `top`: 8 steps for the
# positive half, 7 for the negative half, mirrored.
quantiles = [ppf(0.5 + (top - 0.5) * i / 8) for i in range(1, 9)]
quantiles += [-ppf(0.5 + (top - 0.5) * i / 7) for i in range(1, 8)]
nf4 = np.array(sorted(quantiles + [0.0]))
nf4 = nf4 / np.abs(nf4).max()
published = np.array([  # the NF4 table shipped with bitsandbytes
    -1.0, -0.6962, -0.5251, -0.3949, -0.2844, -0.1848, -0.0911, 0.0,
    0.0796, 0.1609, 0.2461, 0.3379, 0.4407, 0.5626, 0.7230, 1.0])
print("NF4 levels:", " ".join(f"{v:.4f}" for v in nf4))
print(f"largest difference from the bitsandbytes table: {np.abs(nf4 - published).max():.1e}")
assert len(nf4) == 16 and np.allclose(nf4, published, atol=1e-4)
int4 = np.arange(-7, 8) / 7  # symmetric uniform 4-bit grid, for comparison


def quantise(w, levels, block=64):
    """Block-wise absmax: one scale per block, each weight -> nearest level."""
    blocks = w.reshape(-1, block)
    scale = np.abs(blocks).max(1, keepdims=True)
    codes = np.abs(blocks[:, :, None] / scale[:, :, None] - levels).argmin(-1)
    return codes.astype(np.uint8), scale.ravel()


def dequantise(codes, scale, levels):
    return (levels[codes] * scale[:, None]).ravel()


# 2. On normally distributed weights NF4 has a smaller error than uniform 4-bit.
w = rng.normal(0.0, 0.02, size=64 * 256 * 4)  # 65,536 weights
errs = {}
for name, levels in (("NF4", nf4), ("uniform INT4", int4)):
    codes, scale = quantise(w, levels)
    errs[name] = np.mean((dequantise(codes, scale, levels) - w) ** 2)
    print(f"{name:12s}: mean squared error {errs[name]:.3e}")
assert errs["NF4"] < 0.9 * errs["uniform INT4"]

# 3. Double quantisation: the FP32 block scales (32 bits per 64 weights) are
#    themselves quantised to 8 bits in blocks of 256, each with one FP32 scale.
codes, scale = quantise(w, nf4)
mean = scale.mean()  # scales are positive: centre them first
s_blocks = (scale - mean).reshape(-1, 256)
s_scale = np.abs(s_blocks).max(1, keepdims=True)
s_codes = np.round(s_blocks / s_scale * 127).astype(np.int8)  # 8-bit stand-in
scale_dq = (s_codes / 127 * s_scale).ravel() + mean
err_dq = np.mean((dequantise(codes, scale_dq, nf4) - w) ** 2)
print(f"NF4 with quantised scales: mean squared error {err_dq:.3e}")
assert err_dq < 1.05 * errs["NF4"]

n = w.size
bits_plain = (codes.size * 4 + scale.size * 32) / n
bits_dq = (codes.size * 4 + s_codes.size * 8 + s_scale.size * 32) / n
print(f"bits per weight: {bits_plain:.3f} plain, {bits_dq:.3f} with double quantisation")
assert np.isclose(bits_plain, 4 + 32 / 64)
assert np.isclose(bits_dq, 4 + 8 / 64 + 32 / (64 * 256))
saved_gb = 65e9 * (bits_plain - bits_dq) / 8 / 1e9
print(f"saved on a 65B-parameter model: {saved_gb:.2f} GB;"
      f" its weights take {65e9 * bits_dq / 8 / 1e9:.1f} GB")
assert 2.9 < saved_gb < 3.1

# 4. A 7B model (Llama-2-7B shapes): 4-bit base weights against the LoRA adapters
#    on all seven linear layers of each of its 32 blocks.
n_layer, dm, dff = 32, 4096, 11008
shapes = [(dm, dm)] * 4 + [(dm, dff), (dm, dff), (dff, dm)]  # q k v o, gate up down
linear = n_layer * sum(a * b for a, b in shapes)
base_gb = linear * bits_dq / 8 / 1e9
print(f"7B model: {linear:,} weights in linear layers -> {base_gb:.2f} GB in NF4 + DQ"
      f" (bfloat16: {linear * 2 / 1e9:.2f} GB)")
assert 3.2 < base_gb < 3.4
for rank in (8, 64):
    lora = n_layer * sum(rank * (a + b) for a, b in shapes)
    # 16-bit weight and gradient, two 32-bit Adam moments: 12 bytes per parameter
    print(f"  LoRA r={rank:2d} on all linear layers: {lora:,} parameters,"
          f" {lora * 12 / 1e9:.2f} GB with gradients and Adam states")
assert n_layer * sum(8 * (a + b) for a, b in shapes) == 19_988_480
