"""Check that inverted dropout keeps the expected activation and acts like L2."""

import numpy as np

rng = np.random.default_rng(0)
p = 0.3  # drop probability (the PyTorch / Keras convention)
keep = 1.0 - p


def inverted_dropout(h, p, rng):
    """Zero each unit with probability p and scale survivors by 1 / (1 - p)."""
    mask = rng.random(h.shape) >= p
    return h * mask / (1.0 - p), mask


# 1. The expected activation is unchanged; the variance is h^2 p / (1 - p).
h = np.array([2.0, -1.0, 0.5, 3.0])
samples = 200_000
batch = np.broadcast_to(h, (samples, h.size))
out, mask = inverted_dropout(batch, p, rng)
print("activation h           :", h)
print("mean over masks        :", out.mean(axis=0).round(3))
print("fraction of zeros      :", round(1 - mask.mean(), 3))
print("variance (empirical)   :", out.var(axis=0).round(3))
print("variance h^2 p/(1-p)   :", (h**2 * p / keep).round(3))
assert np.allclose(out.mean(axis=0), h, atol=0.02)
assert abs((1 - mask.mean()) - p) < 0.005
assert np.allclose(out.var(axis=0), h**2 * p / keep, rtol=0.03)

# 2. Without the 1/(1-p) factor the training-time mean is (1-p) h, so the
# test-time network (no dropout) would see activations 1/(1-p) times larger.
plain_mean = (batch * mask).mean(axis=0)
print("mean without rescaling :", plain_mean.round(3), "= (1-p) h")
assert np.allclose(plain_mean, keep * h, atol=0.02)

# 3. Linear regression: the expected dropout loss equals the plain loss plus
# a data-dependent L2 penalty, p/(1-p) * sum_j w_j^2 * sum_i x_ij^2.
n, d = 50, 4
x = rng.normal(size=(n, d))
y = rng.normal(size=n)
w = np.array([1.0, -2.0, 0.5, 0.0])
draws = 20_000
masks = rng.random((draws, n, d)) >= p
preds = np.einsum("kij,j->ki", x * masks / keep, w)
mc_loss = ((y - preds) ** 2).sum(axis=1).mean()
plain_loss = ((y - x @ w) ** 2).sum()
penalty = p / keep * (w**2 * (x**2).sum(axis=0)).sum()
print("E[dropout loss] (MC)   :", round(mc_loss, 2))
print("plain loss + penalty   :", round(plain_loss + penalty, 2))
assert abs(mc_loss - (plain_loss + penalty)) / (plain_loss + penalty) < 0.01

# 4. With a non-linearity after the dropped units, the deterministic test
# pass is only an approximation of the average over dropout masks.
w1 = rng.normal(size=(8, 4))
w2 = rng.normal(size=8)
x0 = rng.normal(size=4)
test_out = w2 @ np.maximum(w1 @ x0, 0.0)
x_drop, _ = inverted_dropout(np.broadcast_to(x0, (samples, 4)), p, rng)
mc_out = (np.maximum(x_drop @ w1.T, 0.0) @ w2).mean()
print("test pass output       :", round(test_out, 3))
print("mean over masks (MC)   :", round(mc_out, 3))
assert abs(test_out - mc_out) > 0.05
