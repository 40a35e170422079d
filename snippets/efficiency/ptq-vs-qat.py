"""PTQ rounds trained weights; QAT trains through the rounding with a straight-through estimator."""

import numpy as np

rng = np.random.default_rng(0)

# A linear model whose 64 inputs share one common component: rounding errors of the weights
# add up along that direction, so rounding each weight on its own is far from the best grid
# point, while training with the rounding in the loop can make the errors cancel.
n, d = 4000, 64
X = np.sqrt(0.7) * rng.normal(size=(n, 1)) + np.sqrt(0.3) * rng.normal(size=(n, d))
y = X @ rng.normal(size=d) + 0.1 * rng.normal(size=n)


def loss(w):
    return np.mean((X @ w - y) ** 2)


def fake_quant(w, bits, scale):
    """Quantise then dequantise: the forward pass QAT trains through."""
    qmax = 2 ** (bits - 1) - 1
    return np.clip(np.round(w / scale), -qmax, qmax) * scale


w_float = np.linalg.lstsq(X, y, rcond=None)[0]
print(f"float model loss {loss(w_float):.4f}")

results = {}
for bits in (8, 4, 3):
    qmax = 2 ** (bits - 1) - 1
    scale = np.abs(w_float).max() / qmax
    # Post-training quantisation: round the trained weights; no training data needed.
    ptq = loss(fake_quant(w_float, bits, scale))
    # Quantisation-aware training: from the float weights, train latent weights with the
    # quantised ones in the forward pass; d round(u)/du is replaced by 1 inside the clipping
    # range (the straight-through estimator). The learning rate decays to damp oscillation.
    latent = w_float.copy()
    steps = 500
    for t in range(steps):
        wq = fake_quant(latent, bits, scale)
        grad = 2 * X.T @ (X @ wq - y) / n          # dL/dw evaluated at the quantised weights
        latent -= 0.003 * (1 - t / steps) * grad * (np.abs(latent / scale) <= qmax)
    qat = loss(fake_quant(latent, bits, scale))
    results[bits] = (ptq, qat)
    print(f"{bits}-bit: PTQ loss {ptq:.4f}   QAT loss {qat:.4f}")

assert results[8][0] < 1.1 * loss(w_float)           # 8 bits: PTQ is already enough
assert results[4][1] < 0.9 * results[4][0] and results[3][1] < 0.6 * results[3][0]
assert results[3][1] > 10 * loss(w_float)             # QAT helps, but 3 bits still cost

# Without the STE there is no gradient: round() is flat almost everywhere.
u, eps = 0.37, 1e-4
print(f"d round(u)/du at u={u} by finite differences: "
      f"{(np.round(u + eps) - np.round(u - eps)) / (2 * eps):.1f}")
assert np.round(u + eps) == np.round(u - eps)
