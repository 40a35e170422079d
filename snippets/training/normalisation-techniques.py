"""Applies common input normalisation techniques and checks what each guarantees."""

import numpy as np

rng = np.random.default_rng(0)
train = rng.lognormal(mean=3.0, sigma=1.0, size=(1000, 3))
train[0, 0] = 1e5                            # one extreme outlier in feature 0

# Statistics come from the training split only, then are applied to both splits.
lo, hi = train.min(0), train.max(0)
mu, sd = train.mean(0), train.std(0)
med = np.median(train, 0)
iqr = np.percentile(train, 75, 0) - np.percentile(train, 25, 0)

minmax = (train - lo) / (hi - lo)
zscore = (train - mu) / sd
robust = (train - med) / iqr
logged = np.log1p(train)

assert np.allclose(minmax.min(0), 0) and np.allclose(minmax.max(0), 1)
assert np.allclose(zscore.mean(0), 0) and np.allclose(zscore.std(0), 1)
assert np.allclose(np.median(robust, 0), 0)
print("min-max: range [0, 1]; z-score: mean 0, std 1; robust: median 0, IQR 1")

# The outlier squeezes min-max and z-score for feature 0, not robust scaling.
spread = {name: np.percentile(v[:, 0], 75) - np.percentile(v[:, 0], 25)
          for name, v in (("min-max", minmax), ("z-score", zscore),
                          ("robust", robust))}
for name, s in spread.items():
    print(f"feature 0 after {name:7s}: interquartile range of typical values {s:.5f}")
assert spread["min-max"] < 1e-3 and spread["z-score"] < 0.02
assert np.isclose(spread["robust"], 1.0)


# Log transform: skewness of the lognormal features drops to about 0.
def skew(v):
    return np.mean(((v - v.mean(0)) / v.std(0)) ** 3, 0)


print(f"skewness of feature 1: raw {skew(train)[1]:.2f}, log1p {skew(logged)[1]:.2f}")
assert abs(skew(logged)[1]) < 0.3 and skew(train)[1] > 3

# New data is transformed with the training statistics, so it can leave [0, 1].
new = np.array([2 * hi[1]])
print(f"a test value of twice the training maximum maps to "
      f"{((new - lo[1]) / (hi[1] - lo[1]))[0]:.3f} under min-max")
assert (new - lo[1]) / (hi[1] - lo[1]) > 1

# PCA whitening: decorrelate and scale so the covariance becomes the identity.
corr = rng.multivariate_normal([0, 0], [[4.0, 3.0], [3.0, 4.0]], size=5000)
cov = np.cov(corr, rowvar=False)
vals, vecs = np.linalg.eigh(cov)
white = (corr - corr.mean(0)) @ vecs / np.sqrt(vals)
assert np.allclose(np.cov(white, rowvar=False), np.eye(2), atol=1e-10)
print("PCA whitening: covariance of output = identity: True")
