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
