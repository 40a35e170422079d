"""Checks float16 limits, loss scaling, and why master weights are kept in float32."""

import numpy as np

f16 = np.finfo(np.float16)
print(f"float16: max {f16.max}, smallest normal {f16.tiny:.3e}, "
      f"smallest subnormal {float(f16.smallest_subnormal):.3e}, eps {f16.eps:.3e}")
assert f16.max == 65504 and f16.tiny == 2.0**-14 and f16.eps == 2.0**-10
assert float(f16.smallest_subnormal) == 2.0**-24
# Below half the smallest subnormal, values round to zero.
assert np.float16(0.99 * 2.0**-25) == 0 and np.float16(1.01 * 2.0**-25) == 2.0**-24

# 1. A small gradient underflows to zero in float16; scaling the loss by S = 2^16
#    scales every gradient by S (chain rule), moving it into range.
grad = 1e-8
S = 2.0**16
assert np.float16(grad) == 0
scaled = np.float16(grad * S)
recovered = np.float32(scaled) / np.float32(S)   # unscale in float32
print(f"gradient 1e-8: float16 -> {np.float16(grad)}, with scale 2^16 -> "
      f"{scaled:.4e} -> unscaled {recovered:.4e}")
assert abs(recovered - grad) / grad < 1e-3

# 2. Too large a scale overflows: the step is skipped and the scale reduced.
with np.errstate(over="ignore"):
    big = np.float16(np.float32(10.0) * np.float32(S))
assert np.isinf(big)
print(f"gradient 10 with scale 2^16 -> {big}: skip the step, halve the scale")

# 3. Updates smaller than half the float16 spacing at 1.0 (2^-11) are lost.
w16, w32 = np.float16(1.0), np.float32(1.0)
for _ in range(10_000):
    w16 = np.float16(w16 + np.float16(1e-4))
    w32 = np.float32(w32 + np.float32(1e-4))
print(f"10000 updates of 1e-4 to w=1: float16 weight {w16}, float32 weight {w32:.4f}")
assert w16 == 1.0 and abs(w32 - 2.0) < 1e-3


# 4. bfloat16 = float32 with the mantissa cut to 7 bits: same range, less precision.
def to_bf16(x):
    bits = np.array(x, dtype=np.float32).view(np.uint32)
    # Round to nearest, ties to even, then drop the low 16 bits.
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
    return rounded.astype(np.uint32).view(np.float32)


assert to_bf16(1e-8) != 0 and abs(to_bf16(1e-8) - 1e-8) / 1e-8 < 2.0**-8
assert to_bf16(1.0 + 2.0**-8) == 1.0            # eps is 2^-7
assert np.isfinite(to_bf16(1e30))
print(f"bfloat16: 1e-8 -> {to_bf16(1e-8):.4e}, 1e30 -> {to_bf16(1e30):.3e}, "
      f"1 + 2^-8 -> {to_bf16(1.0 + 2.0**-8)}")
