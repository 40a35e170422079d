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

# Figure: train and test MSE for every degree from 0 to 11.
import matplotlib.pyplot as plt

degrees = np.arange(12)
curves = []
for degree in degrees:
    coef = legendre.legfit(x_train, y_train, degree)
    curves.append([np.mean((legendre.legval(x, coef) - y) ** 2)
                   for x, y in ((x_train, y_train), (x_test, y_test))])
curves = np.array(curves)
best = int(curves[:, 1].argmin())
print(f"lowest test MSE over degrees 0-11: {curves[best, 1]:.3f} at degree {best}")
assert 1 < best < 11 and np.all(np.diff(curves[:, 0]) <= 1e-12)
floor_y = 1e-3  # the degree-11 training error (about 1e-26) is drawn at the bottom edge
fig, ax = plt.subplots()
ax.plot(degrees, np.maximum(curves[:, 0], floor_y), marker="o", label="training MSE")
ax.plot(degrees, curves[:, 1], marker="s", linestyle="--", label="test MSE")
ax.axhline(sigma**2, color="grey", linestyle=":", label=f"noise floor σ² = {sigma**2:.2f}")
ax.axvline(best, color="black", linewidth=0.8)
ax.annotate("training MSE ≈ 0:\n12 parameters fit 12 points", (11, floor_y),
            xytext=(4.3, 0.0016), fontsize=9, arrowprops={"arrowstyle": "->"})
ax.set_yscale("log")
ax.set_ylim(floor_y * 0.8, 1e5)
ax.set_xticks(degrees)
ax.set_xlabel("polynomial degree (capacity)")
ax.set_ylabel("mean squared error (log scale)")
ax.legend(fontsize=9, loc="upper left")
fig.savefig("train-test.svg")
plt.close(fig)
print("figure: train-test.svg")
