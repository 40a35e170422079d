"""Fit polynomials of growing degree to 12 noisy points; compare train and test MSE."""

import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
sigma = 0.3  # noise standard deviation, so the best possible test MSE is 0.09


def target(x):
    return np.sin(np.pi * x)


n_train = 12
x_train = np.sort(rng.uniform(-1, 1, n_train))
y_train = target(x_train) + sigma * rng.normal(size=n_train)
x_test = rng.uniform(-1, 1, 5000)
y_test = target(x_test) + sigma * rng.normal(size=x_test.size)

results = {}
print("degree  params  train MSE  test MSE")
for degree in [1, 3, 5, 9, 11]:
    coef = legendre.legfit(x_train, y_train, degree)  # least squares fit
    train_mse = np.mean((legendre.legval(x_train, coef) - y_train) ** 2)
    test_mse = np.mean((legendre.legval(x_test, coef) - y_test) ** 2)
    results[degree] = (train_mse, test_mse)
    print(f"{degree:6d}  {degree + 1:6d}  {train_mse:9.4f}  {test_mse:8.3g}")

train = np.array([r[0] for r in results.values()])
test = np.array([r[1] for r in results.values()])
# Training error never increases with capacity (the models are nested)...
assert np.all(np.diff(train) <= 1e-12)
# ...and 12 parameters for 12 points interpolate: training error is zero.
assert results[11][0] < 1e-20
# Degree 1 underfits, degree 3 is within 2x the noise floor, degree 11 overfits.
assert results[1][1] > 2 * results[3][1]
assert results[3][1] < 2 * sigma**2
assert results[11][1] > 10 * results[3][1]
print(f"noise floor sigma^2 = {sigma**2:.2f}")
