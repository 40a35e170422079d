"""Arithmetic intensity and the roofline: why decoding is memory-bandwidth bound."""

import numpy as np

# GPU figures from NVIDIA's datasheets (dense BF16 tensor-core peak, HBM bandwidth).
GPUS = {"A100 80GB SXM": (312e12, 2.039e12), "H100 SXM": (989e12, 3.35e12)}


def matmul_intensity(b, k, n, p=2):
    """FLOPs per byte of Y = X W with X (b, k), W (k, n), Y (b, n), p bytes per number.

    Each operand is read from memory once and the output written once (the best case).
    """
    flops = 2 * b * k * n
    moved = p * (b * k + k * n + b * n)
    return flops / moved


def attainable(intensity, peak, bw):
    """The roofline: min(compute roof, bandwidth x intensity)."""
    return min(peak, bw * intensity)


# 1. A 4096 x 4096 projection at decode time: intensity is about the batch size b.
K = N = 4096
peak, bw = GPUS["A100 80GB SXM"]
for b in [1, 8, 64, 256]:
    i = matmul_intensity(b, K, N)
    frac = attainable(i, peak, bw) / peak
    print(f"batch {b:3d}: {i:6.1f} FLOP/B -> at most {frac:6.1%} of A100 peak")
assert abs(matmul_intensity(1, K, N) - 1) < 1e-3          # ~1 FLOP/B at batch 1, 16-bit
assert abs(matmul_intensity(1, K, N, p=1) - 2) < 2e-3     # 8-bit weights double it

# 2. The batch size at which the projection reaches each GPU's ridge point.
for name, (pk, b_w) in GPUS.items():
    ridge = pk / b_w
    b_star = next(b for b in range(1, 4096) if matmul_intensity(b, K, N) >= ridge)
    print(f"{name}: ridge {ridge:.0f} FLOP/B, compute-bound from batch {b_star} "
          f"(16-bit weights)")
    assert matmul_intensity(b_star - 1, K, N) < ridge <= matmul_intensity(b_star, K, N)

# 3. Decode attention reads each sequence's own cache: batching does not raise its
#    intensity, only sharing K/V between query heads (GQA group size g) does.
#    Count on real arrays: b sequences, one KV head, g query heads, t cached tokens, with
#    bytes counted as if every array were stored in 16 bits.
t, d_head = 2000, 128
rng = np.random.default_rng(0)
for g in [1, 8]:
    intensities = []
    for b in [1, 16]:
        q = rng.normal(size=(b, g, d_head))
        k, v = rng.normal(size=(2, b, t, d_head))
        s = np.einsum("bgd,btd->bgt", q, k)                  # 2*b*g*t*d FLOPs
        o = np.einsum("bgt,btd->bgd", s, v)                  # 2*b*g*t*d FLOPs
        flops = 2 * s.size * d_head + 2 * o.size * t
        moved = 2 * (q.size + k.size + v.size + o.size)     # scores stay on chip
        intensities.append(flops / moved)
    print(f"decode attention, {g} query head(s) per KV head: "
          f"{intensities[0]:.2f} FLOP/B at batch 1, {intensities[1]:.2f} at batch 16")
    assert abs(intensities[0] - intensities[1]) < 1e-9 and abs(intensities[0] - g) < 0.01 * g

# 4. At batch 1 the weights must stream through once per token: an upper bound on speed.
params = 6_738_415_616  # Llama 2 7B
for bits in [16, 8, 4]:
    t_mem = params * bits / 8 / bw      # seconds to stream the weights once
    t_compute = 2 * params / peak       # seconds for the 2 FLOPs per weight of one token
    print(f"Llama 2 7B, {bits:2d}-bit weights on A100: <= {1 / t_mem:4.0f} tokens/s at batch 1")
    assert t_mem > 30 * t_compute       # memory-bound even with 4-bit weights
