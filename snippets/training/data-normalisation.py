"""Shows that unscaled features slow gradient descent and standardising fixes it."""

import numpy as np

rng = np.random.default_rng(0)
n = 1000
age = rng.normal(40, 10, n)                 # years
income = rng.normal(50_000, 15_000, n)      # currency units
y = 0.5 * (age - 40) / 10 + 2.0 * (income - 50_000) / 15_000 + rng.normal(0, 0.1, n)


def design(a, b):
    return np.column_stack([np.ones(n), a, b])


def gd_mse(x, steps=1000):
    """Gradient descent on mean squared error with step size 1 / lambda_max."""
    hess = 2 * x.T @ x / n                  # Hessian of the MSE, constant
    eig = np.linalg.eigvalsh(hess)
    lr = 1.0 / eig.max()                    # steps above 2 / lambda_max diverge
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        w -= lr * 2 * x.T @ (x @ w - y) / n
    best = np.linalg.lstsq(x, y, rcond=None)[0]
    excess = np.mean((x @ w - y) ** 2) - np.mean((x @ best - y) ** 2)
    return eig.max() / eig.min(), excess


raw = design(age, income)
mu, sd = raw[:, 1:].mean(0), raw[:, 1:].std(0)
std = design((age - mu[0]) / sd[0], (income - mu[1]) / sd[1])

for name, x in (("raw", raw), ("standardised", std)):
    kappa, excess = gd_mse(x)
    print(f"{name:12s}: Hessian condition number {kappa:.2e}, "
          f"excess MSE after 1000 GD steps {excess:.2e}")
    if name == "raw":
        assert kappa > 1e9 and excess > 0.1   # barely moved from the start
    else:
        assert kappa < 2 and excess < 1e-12    # converged

# Standardising is an invertible affine map: the best achievable fit is identical.
r_raw = y - raw @ np.linalg.lstsq(raw, y, rcond=None)[0]
r_std = y - std @ np.linalg.lstsq(std, y, rcond=None)[0]
assert np.allclose(r_raw, r_std, atol=1e-6)
print("least-squares residuals with raw and standardised inputs are equal: True")
