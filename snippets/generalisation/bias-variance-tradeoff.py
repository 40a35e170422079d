"""Check that test MSE = bias^2 + variance + noise, across degrees and L2 strengths."""

import numpy as np
from numpy.polynomial import legendre

rng = np.random.default_rng(0)
sigma, n, trials = 0.3, 20, 2000
x_test = np.linspace(-0.95, 0.95, 200)
f_test = np.sin(np.pi * x_test)

# Fixed inputs, fresh label noise in every trial; every model sees the same trials.
x_fixed = np.sort(rng.uniform(-1, 1, size=n))
y_tr = np.sin(np.pi * x_fixed) + sigma * rng.normal(size=(trials, n))
y_new = f_test + sigma * rng.normal(size=(trials, x_test.size))  # fresh test labels


def decompose(degree, lam):
    """Ridge on Legendre features: exact bias^2 and variance, Monte Carlo test MSE.

    The fit is linear in the labels, w = A y, so the mean prediction is
    phi_test A f(x) and the prediction covariance is sigma^2 phi_test A A^T phi_test^T.
    """
    phi = legendre.legvander(x_fixed, degree)
    phi_test = legendre.legvander(x_test, degree)
    a = np.linalg.solve(phi.T @ phi + lam * np.eye(degree + 1), phi.T)
    smoother = phi_test @ a  # maps training labels to test predictions
    bias2 = np.mean((smoother @ np.sin(np.pi * x_fixed) - f_test) ** 2)
    var = sigma**2 * np.mean(np.sum(smoother**2, axis=1))
    preds = y_tr @ smoother.T  # one row of test predictions per trial
    mse = np.mean((preds - y_new) ** 2)
    return bias2, var, mse


def report(label, rows):
    for name, (b, v, m) in rows:
        total = b + v + sigma**2
        print(f"{label} {name:>5}  {b:8.2e}  {v:.4f}  {total:.4f}  {m:.4f}")
        # expected test MSE = bias^2 + variance + noise variance
        assert abs(m - total) < 0.02 * total


print(f"{'model':<21}{'bias^2':<10}{'var':<8}{'sum':<8}MC test MSE")
by_degree = [(d, decompose(d, 1e-6)) for d in (1, 3, 5, 7)]
report("degree       ", by_degree)
by_lam = [(lam, decompose(9, lam)) for lam in (0.01, 0.1, 1.0, 10.0)]
report("deg 9, lambda", by_lam)
print(f"noise variance sigma^2 = {sigma**2:.2f}")

bias_d = [r[1][0] for r in by_degree]
var_d = [r[1][1] for r in by_degree]
bias_l = [r[1][0] for r in by_lam]
var_l = [r[1][1] for r in by_lam]
assert np.all(np.diff(bias_d) < 0) and np.all(np.diff(var_d) > 0)  # more capacity
assert np.all(np.diff(bias_l) > 0) and np.all(np.diff(var_l) < 0)  # stronger penalty

# Figure: bias^2, variance and expected test error against the polynomial degree.
import matplotlib.pyplot as plt

degrees = np.arange(1, 12)
curves = np.array([decompose(d, 1e-6)[:2] for d in degrees])  # columns: bias^2, variance
total = curves.sum(axis=1) + sigma**2
best = degrees[total.argmin()]
print(f"lowest expected test error {total.min():.4f} at degree {best} (of 1-11)")
assert 1 < best < 11  # a U-shape: the best capacity is in the middle
fig, ax = plt.subplots()
ax.plot(degrees, curves[:, 0], marker="o", label="bias²")
ax.plot(degrees, curves[:, 1], marker="s", linestyle="--", label="variance")
ax.plot(degrees, total, marker="^", linestyle="-", linewidth=2,
        label="expected test error = bias² + variance + σ²")
ax.axhline(sigma**2, color="grey", linestyle=":", label=f"noise σ² = {sigma**2:.2f}")
ax.plot(best, total.min(), marker="*", color="black", markersize=12, linestyle="none")
ax.set_xticks(degrees)
ax.set_xlabel("polynomial degree (model complexity)")
ax.set_ylabel("squared error")
ax.set_ylim(0, 0.6)
ax.legend(fontsize=9, loc="upper center")
fig.savefig("bias-variance.svg")
plt.close(fig)
print("figure: bias-variance.svg")
