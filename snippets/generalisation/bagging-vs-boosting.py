"""Variance of an average, the 63.2 % bootstrap rule, bagging 1-NN, bagging vs boosting stumps."""

import numpy as np

rng = np.random.default_rng(0)

# 1. Average of B predictors, each with variance s2 and pairwise correlation rho:
#    Var = rho * s2 + (1 - rho) * s2 / B.
b_models, rho, s2 = 10, 0.3, 1.0
cov = s2 * (rho * np.ones((b_models, b_models)) + (1 - rho) * np.eye(b_models))
draws = rng.multivariate_normal(np.zeros(b_models), cov, size=200_000)
var_avg = draws.mean(axis=1).var()
formula = rho * s2 + (1 - rho) * s2 / b_models
print(f"variance of the average of 10: {var_avg:.4f}  formula: {formula:.4f}")
assert abs(var_avg - formula) < 0.01

# 2. A bootstrap sample of size n contains about 1 - (1 - 1/n)^n = 63.2 % of the
# distinct training points; the other 36.8 % are "out of bag".
n = 1000
unique = np.mean([np.unique(rng.integers(0, n, n)).size / n for _ in range(500)])
print(
    f"distinct share in a bootstrap sample: {unique:.4f}  1 - 1/e: {1 - 1 / np.e:.4f}"
)
assert abs(unique - (1 - (1 - 1 / n) ** n)) < 0.002

# 3. Bagging an unstable learner: 1-nearest-neighbour regression on noisy data.
x = np.sort(rng.uniform(0, 1, 100))
y = np.sin(2 * np.pi * x) + 0.4 * rng.normal(size=x.size)
x_test = rng.uniform(0, 1, 2000)
f_test = np.sin(2 * np.pi * x_test)


def one_nn(x_tr, y_tr, x_q):
    return y_tr[np.abs(x_q[:, None] - x_tr[None, :]).argmin(axis=1)]


single = one_nn(x, y, x_test)
bagged = np.mean(
    [one_nn(x[idx], y[idx], x_test) for idx in rng.integers(0, x.size, (100, x.size))],
    axis=0,
)
mse_single = np.mean((single - f_test) ** 2)
mse_bagged = np.mean((bagged - f_test) ** 2)
print(f"error vs true function, single 1-NN: {mse_single:.4f}")
print(f"error vs true function, 100 bagged : {mse_bagged:.4f}")
assert mse_bagged < 0.6 * mse_single

# 4. Boosting a biased learner: one stump (a single split) cannot follow a sine wave.
# Bagging 100 stumps helps only a little (it blurs the split point); L2-boosting (each
# stump fitted to the current residuals, shrinkage 0.1) drives the error far lower.


def fit_stump(x_tr, r):
    """Least-squares split of residuals r at the best threshold on sorted x_tr."""
    order = np.argsort(x_tr)
    xs, rs = x_tr[order], r[order]
    csum, k = np.cumsum(rs), np.arange(1, rs.size)
    left, right = csum[:-1] / k, (csum[-1] - csum[:-1]) / (rs.size - k)
    sse = -(k * left**2 + (rs.size - k) * right**2)  # SSE up to a constant
    i = int(np.argmin(sse))
    t = (xs[i] + xs[i + 1]) / 2
    return lambda q: np.where(q <= t, left[i], right[i])


stump_mse = np.mean((fit_stump(x, y)(x_test) - f_test) ** 2)
bagged_stumps = np.mean(
    [
        fit_stump(x[idx], y[idx])(x_test)
        for idx in rng.integers(0, x.size, (100, x.size))
    ],
    axis=0,
)
bag_stump_mse = np.mean((bagged_stumps - f_test) ** 2)
pred_train, pred_test = np.zeros(x.size), np.zeros(x_test.size)
for _ in range(200):
    stump = fit_stump(x, y - pred_train)
    pred_train += 0.1 * stump(x)
    pred_test += 0.1 * stump(x_test)
boost_mse = np.mean((pred_test - f_test) ** 2)
print(f"error vs true function, single stump      : {stump_mse:.4f}")
print(f"error vs true function, 100 bagged stumps : {bag_stump_mse:.4f}")
print(f"error vs true function, 200 boosted stumps: {boost_mse:.4f}")
assert bag_stump_mse > 0.6 * stump_mse  # averaging keeps most of a stump's bias
assert boost_mse < 0.25 * stump_mse  # boosting does
