"""A pretext task built from unlabelled data learns features that need few labels.

Data: 20-dimensional inputs driven by 2 hidden factors, plus noise that is large in a few
nuisance directions. The label (never seen during pretraining) depends on a hidden factor.
Pretext task: predict the second half of each input from the first half (a masked-feature
prediction task whose targets come from the data itself). A linear probe is then trained
on 20 labelled examples, on raw inputs and on the learned 2-D features.
"""

import numpy as np

rng = np.random.default_rng(0)
D, K = 20, 2


def make_data(n):
    z = rng.normal(size=(n, K))  # hidden factors
    x = z @ A + noise_scale * rng.normal(size=(n, D))
    y = (z[:, 0] > 0).astype(float)  # label depends on factor 0
    return x, y


A = rng.normal(size=(K, D))
noise_scale = np.full(D, 0.5)
noise_scale[[3, 14]] = 4.0  # loud nuisance directions, one in each half

# 1. Pretraining on 5000 unlabelled inputs: the "labels" are the hidden half of x.
x_unlab, _ = make_data(5000)
x1, x2 = x_unlab[:, :10], x_unlab[:, 10:]
W, *_ = np.linalg.lstsq(x1, x2, rcond=None)  # predict x2 from x1
_, _, vt = np.linalg.svd(x1 @ W, full_matrices=False)
enc_ssl = W @ vt[:K].T  # rank-2 encoder applied to the visible half: x1 -> 2 features

# For comparison: PCA (a classic unsupervised method) on the same half.
xc = x1 - x1.mean(0)
enc_pca = np.linalg.svd(xc, full_matrices=False)[2][:K].T


def principal_cosines(B, C):
    """Cosines of the principal angles between the column spaces of B and C."""
    qb, qc = np.linalg.qr(B)[0], np.linalg.qr(C)[0]
    return np.linalg.svd(qb.T @ qc, compute_uv=False)


# Where the signal lives in the visible half: the row space of A[:, :10] (as readout).
true_readout = np.linalg.pinv(A[:, :10])  # 10 x 2 map that recovers z from clean x1
cos_ssl = principal_cosines(enc_ssl, true_readout).min()
cos_pca = principal_cosines(enc_pca, true_readout).min()
print(f"smallest cosine with the signal subspace: pretext {cos_ssl:.3f}, PCA {cos_pca:.3f}")
assert cos_ssl > 0.9 > cos_pca  # the pretext task ignores noise the halves do not share


# 2. Downstream: a least-squares linear probe trained on 20 labelled examples.
def probe_accuracy(enc, n_train=20, trials=100):
    accs = []
    for _ in range(trials):
        xtr, ytr = make_data(n_train)
        xte, yte = make_data(1000)
        ftr, fte = enc(xtr), enc(xte)
        ftr1 = np.c_[ftr, np.ones(len(ftr))]
        w = np.linalg.pinv(ftr1) @ (2 * ytr - 1)
        pred = np.c_[fte, np.ones(len(fte))] @ w > 0
        accs.append((pred == (yte > 0)).mean())
    return float(np.mean(accs))


acc_raw = probe_accuracy(lambda x: x)
acc_pca = probe_accuracy(lambda x: x[:, :10] @ enc_pca)
acc_ssl = probe_accuracy(lambda x: x[:, :10] @ enc_ssl)
print(f"probe accuracy with 20 labels: raw 20-D {acc_raw:.3f}, "
      f"PCA 2-D {acc_pca:.3f}, pretext 2-D {acc_ssl:.3f}")
assert acc_ssl > acc_pca + 0.05 and acc_ssl > acc_raw + 0.05
