"""Check the variance of an average, the 63.2 % bootstrap rule and a bagging demo."""

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
