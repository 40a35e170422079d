"""Autoencoder uses on toy data: anomaly detection by reconstruction, denoising."""

import numpy as np

rng = np.random.default_rng(0)
d, k = 20, 3
A = rng.normal(size=(d, k))


def sample_normal(n):
    """Normal data: 3 latent factors mapped linearly into 20 dimensions, small noise."""
    return rng.normal(size=(n, k)) @ A.T + 0.05 * rng.normal(size=(n, d))


train = sample_normal(2000)
mean = train.mean(axis=0)

# Optimal linear autoencoder with a 3-number code = projection onto the top-3 PCs.
U = np.linalg.svd(train - mean, full_matrices=False)[2][:k].T  # (d, k)


def reconstruct(X):
    return (X - mean) @ U @ U.T + mean  # encode to k numbers, decode back


def score(X):
    return np.sum((X - reconstruct(X)) ** 2, axis=1)


# Threshold on held-out normal data: the training error is optimistically low for a
# model that has partly fitted its own training points.
held_out = sample_normal(1000)
threshold = np.quantile(score(held_out), 0.99)
test_normal = sample_normal(1000)
test_anomal = rng.normal(0, 1.0, size=(50, d))  # points off the learned subspace
false_alarm = np.mean(score(test_normal) > threshold)
detected = np.mean(score(test_anomal) > threshold)
print(f"threshold (99th percentile of held-out normal error): {threshold:.4f}")
print(
    f"normal test points flagged: {false_alarm:.1%}, anomalies flagged: {detected:.0%}"
)
assert false_alarm < 0.03 and detected == 1.0

# Denoising: reconstructing a noisy input removes the noise off the subspace.
clean = sample_normal(1000)
noisy = clean + 0.5 * rng.normal(size=clean.shape)
err_noisy = np.mean(np.sum((noisy - clean) ** 2, axis=1))
err_recon = np.mean(np.sum((reconstruct(noisy) - clean) ** 2, axis=1))
print(
    f"squared error to clean data: noisy {err_noisy:.2f}, reconstructed {err_recon:.2f}"
)
assert err_recon < 0.2 * err_noisy  # about k/d of the noise survives
