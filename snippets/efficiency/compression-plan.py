"""Planning a 10x speed-up: Amdahl's law plus a roofline estimate of each option."""

# Hardware: A100 80GB SXM, NVIDIA datasheet (dense BF16 peak, HBM bandwidth).
PEAK, BW = 312e12, 2.039e12
PROMPT, OUT = 1000, 256  # tokens in, tokens out; one request at a time (batch 1)


def amdahl(fraction, speedup):
    """Overall speed-up when `fraction` of the time is made `speedup` times faster."""
    return 1 / ((1 - fraction) + fraction / speedup)


def latency(params, layers, kv_heads, d_head, weight_bits=16, kv_bits=16):
    """Roofline lower bound (s) for prefill + decode of one request."""
    w_bytes = params * weight_bits / 8
    kv_token = 2 * layers * kv_heads * d_head * kv_bits / 8
    prefill = max(2 * params * PROMPT / PEAK, w_bytes / BW)   # compute-bound
    decode = sum((w_bytes + kv_token * (PROMPT + t)) / BW for t in range(OUT))
    return prefill, decode


# 1. Amdahl: if decoding is 80% of the time, no decoding trick alone exceeds 5x.
assert abs(amdahl(0.8, 1e12) - 5) < 1e-9
print(f"80% of time made infinitely fast: {amdahl(0.8, 1e12):.2f}x at most")

# 2. Options for a Llama-2-7B-shaped model (6.74e9 parameters, 32 layers, 32 KV heads of 128),
#    and a distilled student of 1.1e9 parameters (22 layers, 4 KV heads of 64).
big, small = (6.74e9, 32, 32, 128), (1.1e9, 22, 4, 64)
plans = {
    "baseline 7B, 16-bit": latency(*big),
    "7B, INT4 weights (4.125 bits)": latency(*big, weight_bits=4.125),
    "7B, INT4 weights + INT8 KV cache": latency(*big, weight_bits=4.125, kv_bits=8),
    "1.1B student, 16-bit": latency(*small),
    "1.1B student, INT4 weights": latency(*small, weight_bits=4.125),
}
base = sum(plans["baseline 7B, 16-bit"])
pre, dec = plans["baseline 7B, 16-bit"]
print(f"baseline: prefill {1e3 * pre:.0f} ms + decode {1e3 * dec:.0f} ms "
      f"({dec / base:.0%} decode); target {1e3 * base / 10:.0f} ms")
speedups = {}
for name, (p, d) in plans.items():
    speedups[name] = base / (p + d)
    print(f"  {name:34s} {1e3 * (p + d):6.0f} ms  {speedups[name]:5.1f}x")

# Weight-only INT4 leaves the compute-bound prefill as it was, and alone falls short of 10x.
assert plans["7B, INT4 weights (4.125 bits)"][0] == pre
assert speedups["7B, INT4 weights + INT8 KV cache"] < 10 <= speedups["1.1B student, INT4 weights"]

# 3. Speculative decoding on top (Leviathan et al., 2023): with acceptance rate a and k draft
#    tokens, a target pass yields (1 - a^(k+1)) / (1 - a) tokens on average.
a, k, draft_cost = 0.7, 4, 0.05  # draft step costs 5% of a target step (assumed)
tokens = (1 - a ** (k + 1)) / (1 - a)
spec = tokens / (1 + k * draft_cost)
total = amdahl(dec / base, spec)
print(f"speculative decoding, a={a}, k={k}: {tokens:.2f} tokens per target pass, decode "
      f"{spec:.2f}x faster, whole request {total:.2f}x")
assert total < spec
p4, d4 = plans["7B, INT4 weights (4.125 bits)"]
combo = base / (p4 + d4 / spec)
print(f"7B INT4 + speculative decoding: {1e3 * (p4 + d4 / spec):.0f} ms, {combo:.1f}x")
assert combo < 10  # still short: the lossless levers compose, but not to 10x here
