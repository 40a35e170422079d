"""InfoNCE: the worked example, its gradient, its chance value, and its mutual-information bound."""

import numpy as np

rng = np.random.default_rng(0)


def log_softmax(s):
    m = s.max(-1, keepdims=True)
    return s - m - np.log(np.exp(s - m).sum(-1, keepdims=True))


def infonce(q, keys, pos, tau):
    """-log of the softmax probability of key `pos` among all keys, scores q.k / tau."""
    return -log_softmax(keys @ q / tau)[pos]


# 1. Worked example: cosine similarities 0.8 (positive), 0.1, 0.3, -0.2 (negatives).
sims = np.array([0.8, 0.1, 0.3, -0.2])
for tau in (1.0, 0.1):
    p = np.exp(log_softmax(sims / tau))
    print(f"tau={tau}: p(positive)={p[0]:.4f}  loss={-np.log(p[0]):.4f}  "
          "negative weights=" + ", ".join(f"{v:.4f}" for v in p[1:]))
p01 = np.exp(log_softmax(sims / 0.1))
# Same value from the "softplus of the gaps" form: log(1 + sum_j exp((s_j - s_pos) / tau)).
assert abs(-np.log(p01[0]) - np.log1p(np.exp((sims[1:] - sims[0]) / 0.1).sum())) < 1e-12
assert p01[2] > 5 * p01[1]  # at low tau the hardest negative (0.3) dominates the gradient

# 2. Gradient w.r.t. the query: (sum_j p_j k_j - k_pos) / tau, checked numerically.
d, n, tau = 8, 6, 0.2
q, keys = rng.normal(size=d), rng.normal(size=(n, d))
p = np.exp(log_softmax(keys @ q / tau))
grad = (p @ keys - keys[0]) / tau
h = 1e-6
num = np.array([(infonce(q + h * e, keys, 0, tau) - infonce(q - h * e, keys, 0, tau)) / (2 * h)
                for e in np.eye(d)])
print(f"max |analytic - numeric gradient| = {np.abs(grad - num).max():.1e}")
assert np.abs(grad - num).max() < 1e-7

# 3. With no information (all scores equal) the loss is log N, whatever N is.
for N in (2, 256, 65536):
    assert abs(infonce(np.ones(3), np.ones((N, 3)), 0, 0.1) - np.log(N)) < 1e-9
print(f"chance loss for N=256 candidates: log 256 = {np.log(256):.4f}")

# 4. log N - loss is a lower bound on the mutual information I(x; y), capped at log N.
# x, y are 3-D Gaussians with per-coordinate correlation rho; true I = -1.5 log(1 - rho^2).
rho, dim = 0.9, 3
true_mi = -dim / 2 * np.log(1 - rho**2)


def bound(N, batches=20):
    vals = []
    for _ in range(batches):
        x = rng.normal(size=(N, dim))
        y = rho * x + np.sqrt(1 - rho**2) * rng.normal(size=(N, dim))
        # Optimal critic f(x_i, y_j) = log p(y_j | x_i) - log p(y_j) (+ a constant). The
        # log p(y_j) term does NOT cancel in a softmax over j, so it must be kept.
        f = (-((y[None, :, :] - rho * x[:, None, :]) ** 2).sum(-1) / (2 * (1 - rho**2))
             + (y**2).sum(-1)[None, :] / 2)
        loss = -np.mean(np.diag(log_softmax(f)))  # positives on the diagonal
        vals.append(np.log(N) - loss)
    return float(np.mean(vals))


print(f"true I(x;y) = {true_mi:.3f} nats")
prev = -np.inf
for N in (4, 16, 64, 256):
    b = bound(N)
    print(f"N={N:<4} log N={np.log(N):.3f}  log N - InfoNCE = {b:.3f}")
    assert b <= min(true_mi, np.log(N)) + 0.05 and b > prev
    prev = b
assert prev > true_mi - 0.15  # with enough negatives the bound gets close to I
