"""Rolling-origin splits never test on the past; random splits leak the future."""

import numpy as np

rng = np.random.default_rng(0)
T = 600
y = np.zeros(T)
for t in range(1, T):  # AR(1): strongly autocorrelated
    y[t] = 0.98 * y[t - 1] + rng.normal()


def knn_time(train_idx, test_idx, k=4):  # predict from the k nearest time points
    d = np.abs(test_idx[:, None] - train_idx[None, :])
    nearest = np.argsort(d, axis=1)[:, :k]
    return y[train_idx][nearest].mean(1)


def mse(train_idx, test_idx):
    return np.mean((knn_time(train_idx, test_idx) - y[test_idx]) ** 2)


perm = rng.permutation(T)
rand = mse(np.sort(perm[:480]), np.sort(perm[480:]))
chrono = mse(np.arange(480), np.arange(480, 600))
print(f"random 80/20 split MSE        {rand:6.2f}  (neighbours on both sides)")
print(f"chronological 80/20 split MSE {chrono:6.2f}  (honest forecast)")
assert chrono > 5 * rand


def rolling_origin(n, n_folds, test_size, gap=0, min_train=None):
    """Expanding-window splits; `gap` samples between train and test are dropped."""
    start = min_train or n - n_folds * test_size
    for i in range(n_folds):
        test_start = start + i * test_size
        yield (
            np.arange(0, test_start - gap),
            np.arange(test_start, test_start + test_size),
        )


fold_mse = []
for tr, te in rolling_origin(T, n_folds=4, test_size=60, gap=5):
    assert tr.max() + 5 < te.min()  # no test point precedes or touches training
    fold_mse.append(mse(tr, te))
    print(
        f"train [0, {tr.max()}]  gap 5  test [{te.min()}, {te.max()}]  "
        f"MSE {fold_mse[-1]:6.2f}"
    )
# One split can mislead: the fold errors differ by a large factor.
assert max(fold_mse) > 3 * min(fold_mse)
