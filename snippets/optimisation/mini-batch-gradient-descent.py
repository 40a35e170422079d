"""Mini-batch gradient noise: unbiased, variance ~ 1/B (finite-population formula)."""

import numpy as np

rng = np.random.default_rng(0)
n, d = 1000, 4
X = rng.normal(size=(n, d))
y = X @ rng.normal(size=d) + rng.normal(size=n)
w = np.zeros(d)

# Per-example gradients of 0.5 * (x.w - y)^2 at the current w, shape (n, d).
G = X * (X @ w - y)[:, None]
full = G.mean(axis=0)
sigma2 = np.sum(G.var(axis=0))  # total per-example variance (population, ddof=0)

print(f"{'B':>4} {'predicted var':>14} {'measured var':>13} {'std ratio':>10}")
prev_std = prev_pred = None
for B in (1, 4, 16, 64, 256):
    draws = 10000
    est = np.empty((draws, d))
    for k in range(draws):
        idx = rng.choice(n, size=B, replace=False)
        est[k] = G[idx].mean(axis=0)
    # Unbiased: the average of many mini-batch gradients is the full gradient.
    assert np.allclose(est.mean(axis=0), full, atol=0.05 * np.linalg.norm(full))
    measured = np.sum(est.var(axis=0))
    # Sampling without replacement: Var = sigma^2 / B * (n - B) / (n - 1).
    predicted = sigma2 / B * (n - B) / (n - 1)
    assert abs(measured / predicted - 1) < 0.05
    std = np.sqrt(measured)
    ratio = "" if prev_std is None else f"{std / prev_std:.3f}"
    print(f"{B:4d} {predicted:14.4f} {measured:13.4f} {ratio:>10}")
    if prev_std is not None:
        # 4x the batch (4x the compute) only halves the noise, a bit more once B is
        # a sizeable fraction of n (the (n - B) / (n - 1) factor).
        assert abs(std / prev_std - np.sqrt(predicted / prev_pred)) < 0.02
        assert std / prev_std <= 0.5 + 0.02
    prev_std, prev_pred = std, predicted
