"""PCA by eigendecomposition and by SVD; variance kept and reconstruction error."""

import numpy as np

# Worked example: covariance [[2, 1], [1, 2]] has eigenvalues 3 and 1.
lam, V = np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))
print("2x2 example eigenvalues:", lam.round(3), " PC1:", np.abs(V[:, 1]).round(3))
assert np.allclose(lam, [1.0, 3.0]) and np.isclose(lam[1] / lam.sum(), 0.75)

rng = np.random.default_rng(0)
n, d, k = 500, 5, 2
latent = rng.normal(size=(n, 2)) * [3.0, 1.5]
X = latent @ rng.normal(size=(2, d)) + 0.3 * rng.normal(size=(n, d)) + 10.0

# Without centring, the top right-singular vector points at the mean, not the spread.
_, _, Wu = np.linalg.svd(X, full_matrices=False)
cos_mean = abs(Wu[0] @ X.mean(0)) / np.linalg.norm(X.mean(0))
print(f"uncentred 'PC1' vs direction of the mean: |cos| = {cos_mean:.3f}")
assert cos_mean > 0.99

Xc = X - X.mean(0)  # centring is required
C = Xc.T @ Xc / (n - 1)
lam, V = np.linalg.eigh(C)
lam, V = lam[::-1], V[:, ::-1]  # sort descending

U, s, Wt = np.linalg.svd(Xc, full_matrices=False)
assert np.allclose(s**2 / (n - 1), lam)  # singular values give the same variances
assert np.allclose(np.abs(Wt[:k]), np.abs(V[:, :k].T))  # same axes, up to sign

ratio = lam / lam.sum()
print("explained variance ratio:", ratio.round(4))
print(f"first {k} components keep {ratio[:k].sum():.2%} of the variance")

Z = Xc @ V[:, :k]  # scores (projected data)
covZ = Z.T @ Z / (n - 1)
assert np.allclose(covZ, np.diag(lam[:k]))  # uncorrelated, variances = eigenvalues

X_hat = Z @ V[:, :k].T + X.mean(0)
err = np.sum((X - X_hat) ** 2) / (n - 1)
print(
    f"reconstruction error {err:.4f} = sum of dropped eigenvalues {lam[k:].sum():.4f}"
)
assert np.isclose(err, lam[k:].sum())

# Figure: 200 points drawn with the worked example's covariance [[2, 1], [1, 2]], and the
# principal directions found from the sample, each drawn with length 2 sqrt(eigenvalue).
import matplotlib.pyplot as plt

P = rng.multivariate_normal([0.0, 0.0], [[2.0, 1.0], [1.0, 2.0]], size=200)
Pc = P - P.mean(0)
lam2, V2 = np.linalg.eigh(Pc.T @ Pc / (len(P) - 1))
lam2, V2 = lam2[::-1], V2[:, ::-1]
V2 = V2 * np.sign(V2[0])  # arrows point to the right
angle = np.degrees(np.arccos(abs(V2[:, 0] @ [1, 1]) / np.sqrt(2)))
print(f"sample of 200: eigenvalues {lam2.round(2)}, PC1 {angle:.1f} degrees from (1, 1)")
assert angle < 10  # the sample's PC1 lies close to the diagonal

fig, ax = plt.subplots()
ax.plot(Pc[:, 0], Pc[:, 1], "o", markersize=3, alpha=0.5, color="grey")
for i, style in [(0, "-"), (1, "--")]:
    end = 2 * np.sqrt(lam2[i]) * V2[:, i]
    ax.annotate("", end, (0, 0), arrowprops={"arrowstyle": "->", "linewidth": 2,
                                             "linestyle": style})
    ax.text(*(end + [0.2, 0.0]), f"PC{i + 1}, $\\lambda$ = {lam2[i]:.2f}", va="center")
ax.set_aspect("equal")
ax.set_xlabel("$x_1$ (centred)")
ax.set_ylabel("$x_2$ (centred)")
fig.savefig("pca.svg")
plt.close(fig)
