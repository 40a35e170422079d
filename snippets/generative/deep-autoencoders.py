"""Deep autoencoder vs PCA on a curved 1-D manifold, and a classic parameter count."""

import itertools

import numpy as np

rng = np.random.default_rng(0)

# Parameter count of the 784-1000-500-250-30 deep autoencoder (mirrored decoder).
enc = [784, 1000, 500, 250, 30]
sizes = enc + enc[::-1][1:]
count = sum(m * k + k for m, k in itertools.pairwise(sizes))
assert count == 1_418_280 + 1_419_034 == 2_837_314
print(f"784-1000-500-250-30-250-500-1000-784 parameters: {count:,}")

# Data on a parabola arc in 2-D: one intrinsic dimension, but curved.
t = rng.uniform(-1, 1, size=(300, 1))
X = np.hstack([t, t**2]) + 0.01 * rng.normal(size=(300, 2))
X -= X.mean(axis=0)

# PCA with a 1-D code: project onto the top eigenvector.
vals, vecs = np.linalg.eigh(X.T @ X / len(X))
pca_mse = vals[0]  # the discarded eigenvalue
print(f"PCA, 1-D code:             reconstruction MSE {pca_mse:.2e}")

# Non-linear autoencoder 2-32-1-32-2 (tanh hidden layers), full-batch Adam.
dims = [2, 32, 1, 32, 2]
params = []
for m, k in itertools.pairwise(dims):
    params += [rng.normal(0, 1 / np.sqrt(m), size=(m, k)), np.zeros(k)]
acts = [np.tanh, lambda a: a, np.tanh, lambda a: a]  # the code layer is linear


def matmul(A, B):
    """Plain einsum instead of BLAS, so results do not depend on the thread count."""
    return np.einsum("ij,jk->ik", A, B)


def forward(X):
    outs = [X]
    for i, act in enumerate(acts):
        outs.append(act(matmul(outs[-1], params[2 * i]) + params[2 * i + 1]))
    return outs


m_, v_ = [np.zeros_like(p) for p in params], [np.zeros_like(p) for p in params]
lr, b1, b2 = 0.01, 0.9, 0.999
for step in range(1, 3001):
    outs = forward(X)
    delta = 2 * (outs[-1] - X) / len(X)  # d(mean squared error) / d(output)
    grads = [None] * len(params)
    for i in reversed(range(len(acts))):
        if acts[i] is np.tanh:
            delta = delta * (1 - outs[i + 1] ** 2)
        grads[2 * i] = matmul(outs[i].T, delta)
        grads[2 * i + 1] = delta.sum(axis=0)
        delta = matmul(delta, params[2 * i].T)
    for j, g in enumerate(grads):
        m_[j] = b1 * m_[j] + (1 - b1) * g
        v_[j] = b2 * v_[j] + (1 - b2) * g**2
        m_hat, v_hat = m_[j] / (1 - b1**step), v_[j] / (1 - b2**step)
        params[j] -= lr * m_hat / (np.sqrt(v_hat) + 1e-8)

ae_mse = np.mean(np.sum((forward(X)[-1] - X) ** 2, axis=1))
print(f"deep autoencoder, 1-D code: reconstruction MSE {ae_mse:.2e}")
assert ae_mse < 0.2 * pca_mse
print(f"error ratio autoencoder / PCA: {ae_mse / pca_mse:.4f}")
