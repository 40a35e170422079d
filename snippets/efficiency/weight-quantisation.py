"""Symmetric and asymmetric integer quantisation of weights, and why granularity matters."""

import numpy as np

rng = np.random.default_rng(0)


def quant_sym(w, bits, axis=None):
    """Absmax quantisation to signed ints in [-(2^(b-1)-1), 2^(b-1)-1]; returns codes, scale."""
    qmax = 2 ** (bits - 1) - 1
    scale = np.abs(w).max(axis=axis, keepdims=axis is not None) / qmax
    return np.clip(np.round(w / scale), -qmax, qmax).astype(np.int8), scale


def quant_asym(w, bits):
    """Min-max quantisation to unsigned ints in [0, 2^b - 1] with a zero point."""
    levels = 2**bits - 1
    scale = (w.max() - w.min()) / levels
    zero = np.round(-w.min() / scale)
    q = np.clip(np.round(w / scale) + zero, 0, levels)
    return q, scale, zero


def quant_groups(w, bits, group):
    """Symmetric quantisation with one scale per `group` consecutive input weights."""
    k, n = w.shape
    g = w.reshape(k // group, group, n)
    q, s = quant_sym(g, bits, axis=1)
    return (q * s).reshape(k, n)


# 1. Worked example: four weights to symmetric INT4.
w = np.array([0.9, -0.3, 0.05, -1.2])
q, s = quant_sym(w, 4)
print(f"INT4: scale {s:.4f}, codes {q.tolist()}, dequantised {np.round(q * s, 4).tolist()}")
assert q.tolist() == [5, -2, 0, -7] and np.all(np.abs(w - q * s) <= s / 2 + 1e-12)
# For values that are all positive (e.g. after a ReLU) a zero point doubles the resolution.
relu_out = rng.uniform(0, 1, 10_000)
q, s = quant_sym(relu_out, 4)
qa, sa, za = quant_asym(relu_out, 4)
e_sym = np.abs(relu_out - q * s).max()
e_asym = np.abs(relu_out - (qa - za) * sa).max()
print(f"values in [0, 1], 4 bits: max error symmetric {e_sym:.4f}, asymmetric {e_asym:.4f}")
assert e_asym < 0.6 * e_sym

# 2. Rounding error is about uniform on [-s/2, s/2]: MSE ~ s^2/12, so each bit removed
#    multiplies the error variance by about 4.
k, n = 1024, 512
W = rng.normal(0, 0.02, (k, n)) * rng.lognormal(0, 0.5, n)   # output channels differ in scale
X = rng.normal(size=(256, k))
for bits in (8, 4):
    q, s = quant_sym(W, bits, axis=0)                           # one scale per output channel
    mse, predicted = ((W - q * s) ** 2).mean(), (s**2).mean() / 12
    print(f"INT{bits} per-channel: weight MSE {mse:.3e}, s^2/12 predicts {predicted:.3e}")
    assert abs(mse / predicted - 1) < 0.1


# 3. Granularity: one scale per tensor, per output channel, or per group of 128 inputs.
def out_err(w_hat):
    return np.linalg.norm(X @ W - X @ w_hat) / np.linalg.norm(X @ W)


W[rng.integers(k), rng.integers(n)] = 0.5                      # one outlier weight
errs = {}
for bits in (8, 4):
    q, s = quant_sym(W, bits)
    errs[bits, "tensor"] = out_err(q * s)
    q, s = quant_sym(W, bits, axis=0)
    errs[bits, "channel"] = out_err(q * s)
    errs[bits, "group128"] = out_err(quant_groups(W, bits, 128))
    print(f"INT{bits} relative output error: per-tensor {errs[bits, 'tensor']:.4f}, "
          f"per-channel {errs[bits, 'channel']:.4f}, per-group-128 {errs[bits, 'group128']:.4f}")
assert errs[4, "group128"] < errs[4, "channel"] < errs[4, "tensor"]
assert errs[8, "channel"] < errs[4, "group128"] / 5

# 4. Storage: pack 4-bit codes two to a byte, keep one 16-bit scale per group of 128 weights,
#    and check that unpacking gives back the same dequantised weights.
q, s = quant_sym(W.reshape(k // 128, 128, n), 4, axis=1)
nib = (q.reshape(-1) + 8).astype(np.uint8)                     # codes -7..7 -> 1..15
packed = nib[0::2] | (nib[1::2] << 4)
scales16 = s.astype(np.float16)
lo, hi = packed & 15, packed >> 4
unpacked = np.empty(2 * packed.size, np.int16)
unpacked[0::2], unpacked[1::2] = lo, hi
w_back = (unpacked.reshape(q.shape) - 8) * scales16.astype(np.float64)
bits_per_weight = 8 * (packed.nbytes + scales16.nbytes) / (k * n)
print(f"INT4 group-128 storage: {packed.nbytes:,} B of codes + {scales16.nbytes:,} B of scales "
      f"= {bits_per_weight:.3f} bits per weight")
assert np.array_equal(w_back, q * scales16.astype(np.float64)) and abs(bits_per_weight - 4.125) < 1e-12
