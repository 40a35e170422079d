"""Checks the variances and uniform limits of common weight initialisation schemes."""

import math

import numpy as np

rng = np.random.default_rng(0)
n_in, n_out = 400, 200

# Uniform versions: U(-a, a) with a = sqrt(3 Var) must match the normal version's variance.
uniform = {
    # name: (limit a from the page, variance of the normal version)
    "Xavier uniform": (math.sqrt(6 / (n_in + n_out)), 2 / (n_in + n_out)),
    "He uniform": (math.sqrt(6 / n_in), 2 / n_in),
    "LeCun uniform": (math.sqrt(3 / n_in), 1 / n_in),
}
print(f"n_in={n_in}, n_out={n_out}: variance of U(-a, a) vs the normal version")
for name, (a, target) in uniform.items():
    w = rng.uniform(-a, a, (n_in, n_out))
    assert abs(w.var() / target - 1) < 0.02
    print(f"  {name:15s} a = {a:.4f}  variance {w.var():.6f}  target {target:.6f}")

# What each variance preserves, measured on a real layer (not on the weights alone).
x = rng.normal(size=(2000, n_in))  # forward signal, unit variance
g = rng.normal(size=(2000, n_out))  # backward signal, unit variance
w_lecun = rng.normal(0, math.sqrt(1 / n_in), (n_in, n_out))
fwd = (x @ w_lecun).var()
assert abs(fwd - 1) < 0.03  # LeCun 1/n_in keeps the forward variance
w_x = rng.normal(0, math.sqrt(2 / (n_in + n_out)), (n_in, n_out))
fwd_x, bwd_x = (x @ w_x).var(), (g @ w_x.T).var()
# Xavier is the compromise 1/Var = (n_in + n_out)/2: forward gain 2 n_in/(n_in+n_out),
# backward gain 2 n_out/(n_in+n_out), both between the two exact conditions.
assert abs(fwd_x - 2 * n_in / (n_in + n_out)) < 0.04
assert abs(bwd_x - 2 * n_out / (n_in + n_out)) < 0.03
print(f"LeCun forward variance gain {fwd:.3f}; Xavier forward {fwd_x:.3f}, "
      f"backward {bwd_x:.3f}")
# Harmonic, not arithmetic, mean of the two conditions 1/n_in and 1/n_out:
print(f"Xavier variance {2 / (n_in + n_out):.6f} (harmonic mean of 1/n_in, 1/n_out); "
      f"their arithmetic mean would be {(1 / n_in + 1 / n_out) / 2:.6f}")

# A conv layer's fan-in counts every input of one output: channels * kernel area.
c_in, k = 64, 3
img = np.maximum(rng.normal(size=(c_in, 12, 12)), 0)  # ReLU outputs from the layer below
filt = rng.normal(0, math.sqrt(2 / (c_in * k * k)), (32, c_in, k, k))  # He, fan_in = 576
win = np.lib.stride_tricks.sliding_window_view(img, (k, k), axis=(1, 2))
out = np.einsum("cijuv,ocuv->oij", win, filt)
ratio = np.mean(out**2) / (2 * np.mean(img**2))
assert abs(ratio - 1) < 0.1  # fan_in 576 keeps Var(z) = 2 E[h^2]; fan_in 64 would give 9
print(f"3x3 conv with 64 input channels: fan_in = {c_in * k * k}, "
      f"He std = {math.sqrt(2 / (c_in * k * k)):.4f}, Var(z) / (2 E[h^2]) = {ratio:.3f}")

# PyTorch's nn.Linear / nn.Conv2d reset_parameters call kaiming_uniform_(a=sqrt(5)):
# bound = gain * sqrt(3 / fan_in) with gain = sqrt(2 / (1 + a^2)), i.e. 1 / sqrt(fan_in).
a_torch = math.sqrt(5)
bound = math.sqrt(2 / (1 + a_torch**2)) * math.sqrt(3 / n_in)
assert math.isclose(bound, 1 / math.sqrt(n_in))
assert math.isclose((2 / n_in) / (bound**2 / 3), 6)
print(f"PyTorch default bound {bound:.4f} = 1/sqrt(n_in); variance 1/(3 n_in), "
      f"{(2 / n_in) / (bound**2 / 3):.0f} times below He")

# Orthogonal initialisation (Saxe et al.): Q from a QR decomposition, Q^T Q = I,
# so a deep *linear* stack of square layers keeps every vector's norm exactly.
x = rng.normal(size=128)
h = x.copy()
for _ in range(100):
    q, r = np.linalg.qr(rng.normal(size=(128, 128)))
    q *= np.sign(np.diag(r))                    # make Q uniformly distributed
    assert np.allclose(q.T @ q, np.eye(128))
    h = q @ h
assert math.isclose(np.linalg.norm(h), np.linalg.norm(x), rel_tol=1e-9)
print(f"100 orthogonal layers: ||x|| = {np.linalg.norm(x):.4f}, "
      f"||Qx|| = {np.linalg.norm(h):.4f}")

# Non-square W (n_out x n_in = 64 x 128) with orthonormal rows, W W^T = I: backward norms
# are kept exactly, forward norms are not (W^T W is a projection, not I).
q, _ = np.linalg.qr(rng.normal(size=(128, 64)))
w_rows = q.T  # 64 x 128
v, u = rng.normal(size=128), rng.normal(size=64)
assert math.isclose(np.linalg.norm(w_rows.T @ u), np.linalg.norm(u))
fwd_ratio = np.linalg.norm(w_rows @ v) / np.linalg.norm(v)
assert fwd_ratio < 0.9
print(f"64x128 with orthonormal rows: backward norm ratio 1, forward {fwd_ratio:.3f}")

# He vs Xavier for a 20-layer ReLU stack: second moment kept vs halved per layer.
for name, var in (("He 2/n", 2 / 256), ("Xavier 2/(n+n)", 2 / 512)):
    h = rng.normal(size=(256, 256))
    for _ in range(20):
        h = np.maximum(h @ rng.normal(0, math.sqrt(var), (256, 256)), 0)
    print(f"ReLU, 20 layers, {name:14s}: mean square activation {np.mean(h ** 2):.2e}")
    if name.startswith("He"):
        assert 0.2 < np.mean(h ** 2) < 5
    else:
        assert np.mean(h ** 2) < 1e-4          # about 2**-20 = 9.5e-7 times smaller
