"""Checks the variances and uniform limits of common weight initialisation schemes."""

import math

import numpy as np

rng = np.random.default_rng(0)
n_in, n_out = 400, 200

schemes = {
    # name: (sample, target variance)
    "LeCun normal": (rng.normal(0, math.sqrt(1 / n_in), (n_in, n_out)), 1 / n_in),
    "Xavier normal": (rng.normal(0, math.sqrt(2 / (n_in + n_out)), (n_in, n_out)),
                      2 / (n_in + n_out)),
    "Xavier uniform": (rng.uniform(-1, 1, (n_in, n_out))
                       * math.sqrt(6 / (n_in + n_out)), 2 / (n_in + n_out)),
    "He normal": (rng.normal(0, math.sqrt(2 / n_in), (n_in, n_out)), 2 / n_in),
    "He uniform": (rng.uniform(-1, 1, (n_in, n_out)) * math.sqrt(6 / n_in), 2 / n_in),
    "PyTorch Linear": (rng.uniform(-1, 1, (n_in, n_out)) / math.sqrt(n_in),
                       1 / (3 * n_in)),
}
print(f"n_in={n_in}, n_out={n_out}: empirical variance vs formula")
for name, (w, target) in schemes.items():
    assert abs(w.var() / target - 1) < 0.02
    print(f"  {name:15s} {w.var():.6f}  formula {target:.6f}")

# U(-a, a) has variance a^2 / 3, which is where the sqrt(6 / ...) limits come from.
a = math.sqrt(6 / (n_in + n_out))
assert math.isclose(a ** 2 / 3, 2 / (n_in + n_out))
print(f"Xavier uniform limit sqrt(6/(n_in+n_out)) = {a:.4f}")

# A conv layer's fan-in counts every input of one output: channels * kernel area.
c_in, k = 64, 3
print(f"3x3 conv with 64 input channels: fan_in = {c_in * k * k}, "
      f"He std = {math.sqrt(2 / (c_in * k * k)):.4f}")
assert c_in * k * k == 576

# Orthogonal initialisation (Saxe et al.): Q from a QR decomposition, Q^T Q = I,
# so a deep *linear* stack keeps every vector's norm exactly.
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
