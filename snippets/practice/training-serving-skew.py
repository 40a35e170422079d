"""Training-serving skew: the same raw requests turned into features by two
pipelines. Two bugs (units, missing-value fill) shift the feature distribution
and a population-stability check sees them; a join bug leaves every
distribution unchanged and only a per-example comparison of logged serving
features catches it. Sharing one transform removes all three."""

import numpy as np

rng = np.random.default_rng(0)
n = 4000

# Raw events: session duration in seconds, pages viewed (sometimes missing), age.
duration_s = rng.gamma(2.0, 60.0, n)
pages = rng.poisson(5, n).astype(float)
age = rng.normal(40, 12, n)
logit = 0.02 * (duration_s - 120) + 0.4 * (pages - 5) - 0.1 * (age - 40)
label = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(float)
pages_raw = pages.copy()
pages_raw[rng.random(n) < 0.2] = np.nan                # 20% missing
PAGES_FILL = float(np.nanmean(pages_raw))              # training-time fill value
tr, te = slice(0, 3000), slice(3000, n)


def features_train(dur_s, pg, ag):
    """The offline (training) pipeline."""
    return np.stack([dur_s / 60.0, np.where(np.isnan(pg), PAGES_FILL, pg), ag], 1)


def features_serving_buggy(dur_ms, pg, ag):
    """A re-implementation for the online service: the log sends milliseconds
    and the author filled missing values with 0."""
    return np.stack([dur_ms / 60.0, np.nan_to_num(pg, nan=0.0), ag], 1)


F_train = features_train(duration_s, pages_raw, age)
mu, sd = F_train[tr].mean(0), F_train[tr].std(0)


def fit(F, y, steps=2000, lr=0.5):
    Z = np.c_[(F - mu) / sd, np.ones(len(F))]
    w = np.zeros(Z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-Z @ w))
        w -= lr * Z.T @ (p - y) / len(y)
    return w


def accuracy(w, F, y):
    z = np.c_[(F - mu) / sd, np.ones(len(F))] @ w
    return float(np.mean((z > 0) == (y == 1)))


def psi(expected, actual, bins=10):
    """Population stability index over the training quantile bins."""
    edges = np.quantile(expected, np.linspace(0, 1, bins + 1))[1:-1]
    e = np.bincount(np.searchsorted(edges, expected), minlength=bins) / len(expected)
    a = np.bincount(np.searchsorted(edges, actual), minlength=bins) / len(actual)
    e, a = np.clip(e, 1e-4, None), np.clip(a, 1e-4, None)
    return float(np.sum((a - e) * np.log(a / e)))


w = fit(F_train[tr], label[tr])
acc_offline = accuracy(w, F_train[te], label[te])

# Serving the held-out requests through the buggy pipeline.
F_bug = features_serving_buggy(duration_s[te] * 1000, pages_raw[te], age[te])
acc_bug = accuracy(w, F_bug, label[te])

# A join bug: ages attached to the wrong request (shifted by one row).
# Every column has exactly the training distribution.
F_join = features_train(duration_s[te], pages_raw[te], np.roll(age[te], 1))
acc_join = accuracy(w, F_join, label[te])

# One shared transform for both paths: no skew by construction.
F_shared = features_train(duration_s[te], pages_raw[te], age[te])
assert np.array_equal(F_shared, F_train[te])

names = ["duration_min", "pages", "age"]
print(f"accuracy offline {acc_offline:.3f}, buggy serving {acc_bug:.3f},"
      f" join bug {acc_join:.3f}")
for j, name in enumerate(names):
    p_bug, p_join = psi(F_train[tr, j], F_bug[:, j]), psi(F_train[tr, j], F_join[:, j])
    m_bug = np.mean(~np.isclose(F_bug[:, j], F_train[te, j]))
    m_join = np.mean(~np.isclose(F_join[:, j], F_train[te, j]))
    print(f"{name:13s} PSI buggy {p_bug:6.3f}  join {p_join:.3f} |"
          f" per-example mismatch buggy {m_bug:5.1%}  join {m_join:5.1%}")
    if j == 0:
        assert p_bug > 0.25 and m_bug == 1.0
    if j == 1:                          # only the missing 20% differ
        assert p_bug > 0.1 and 0.15 < m_bug < 0.25
    if j == 2:                          # distribution checks cannot see the join bug
        assert p_join < 0.01 and m_join > 0.99

assert acc_offline - acc_bug > 0.1 and acc_offline - acc_join > 0.05
# The unit bug makes every prediction positive: accuracy is just the base rate.
z_bug = np.c_[(F_bug - mu) / sd, np.ones(len(F_bug))] @ w
assert np.all(z_bug > 0) and acc_bug == float(np.mean(label[te]))
print(f"share of positive labels in the held-out requests: {np.mean(label[te]):.3f}")
