"""A linear autoencoder trained by gradient descent recovers the PCA subspace."""

import numpy as np

rng = np.random.default_rng(0)
n, d, k = 500, 10, 2  # samples, input size, code size

# Data near a 2-D plane in 10-D, plus small noise; centred.
basis = np.linalg.qr(rng.normal(size=(d, k)))[0]
X = rng.normal(size=(n, k)) * [3.0, 2.0] @ basis.T + 0.1 * rng.normal(size=(n, d))
X -= X.mean(axis=0)

W_enc = rng.normal(0, 0.1, size=(k, d))  # encoder: z = W_enc x
W_dec = rng.normal(0, 0.1, size=(d, k))  # decoder: x_hat = W_dec z
lr = 0.02
for step in range(5000):
    Z = X @ W_enc.T  # (n, k) codes
    R = Z @ W_dec.T - X  # (n, d) reconstruction errors
    grad_dec = 2 * R.T @ Z / n  # gradient of mean ||x_hat - x||^2
    grad_enc = 2 * (R @ W_dec).T @ X / n
    W_dec -= lr * grad_dec
    W_enc -= lr * grad_enc
    if step == 0:
        print(f"initial reconstruction MSE per sample: {np.mean(np.sum(R**2, 1)):.3f}")

mse = np.mean(np.sum((X @ W_enc.T @ W_dec.T - X) ** 2, axis=1))
eigvals = np.linalg.eigvalsh(X.T @ X / n)[::-1]  # PCA: covariance eigenvalues
pca_mse = eigvals[k:].sum()  # best possible with a k-dimensional linear code
print(f"trained reconstruction MSE per sample:  {mse:.4f}")
print(f"PCA optimum (sum of discarded eigenvalues): {pca_mse:.4f}")
assert abs(mse - pca_mse) < 1e-4

# The decoder spans the top-k principal subspace (principal angles near 0).
top = np.linalg.eigh(X.T @ X / n)[1][:, ::-1][:, :k]
dec_basis = np.linalg.qr(W_dec)[0]
cosines = np.linalg.svd(top.T @ dec_basis, compute_uv=False)
assert np.all(cosines > 0.999)
print(f"cosines of principal angles, decoder vs PCA: {np.round(cosines, 5)}")
print(f"compression: {d} numbers -> {k} numbers per sample")
