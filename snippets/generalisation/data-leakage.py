"""Show that selecting features before cross-validation 'learns' pure-noise labels."""

import numpy as np

rng = np.random.default_rng(0)
n, d, top, k = 60, 5000, 20, 5
x = rng.normal(size=(n, d))  # features: pure noise
y = rng.choice([-1.0, 1.0], size=n)  # labels: coin flips, nothing to learn


def select(xs, ys, m):
    """Indices of the m features most correlated (in absolute value) with the labels."""
    xc = xs - xs.mean(axis=0)
    corr = xc.T @ (ys - ys.mean()) / (np.linalg.norm(xc, axis=0) + 1e-12)
    return np.argsort(-np.abs(corr))[:m]


def centroid_accuracy(x_tr, y_tr, x_va, y_va):
    """Nearest class-mean classifier."""
    mu_pos, mu_neg = x_tr[y_tr > 0].mean(axis=0), x_tr[y_tr < 0].mean(axis=0)
    d_pos = ((x_va - mu_pos) ** 2).sum(axis=1)
    d_neg = ((x_va - mu_neg) ** 2).sum(axis=1)
    return np.mean(np.where(d_pos < d_neg, 1.0, -1.0) == y_va)


def cv_accuracy(leaky, repeats=20):
    chosen_all = select(x, y, top)  # uses the labels of the validation folds too
    accs = []
    for _ in range(repeats):
        folds = np.array_split(rng.permutation(n), k)
        for i in range(k):
            va = folds[i]
            tr = np.concatenate([folds[j] for j in range(k) if j != i])
            cols = chosen_all if leaky else select(x[tr], y[tr], top)
            accs.append(centroid_accuracy(x[tr][:, cols], y[tr], x[va][:, cols], y[va]))
    return np.mean(accs)


leaky = cv_accuracy(leaky=True)
honest = cv_accuracy(leaky=False)
print(f"select on all data, then 5-fold CV : accuracy {leaky:.3f}")
print(f"select inside each training fold   : accuracy {honest:.3f}")
print("true accuracy of any classifier    : 0.500 (labels are random)")
# The honest estimate differs from 0.5 only by the sampling noise of 60 examples.
assert leaky > 0.85
assert abs(honest - 0.5) < 0.08
