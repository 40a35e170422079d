"""Frechet distance between Gaussians (the formula behind FID), checked against known
cases; its small-sample bias; and the Inception Score's extreme values."""

import numpy as np

rng = np.random.default_rng(0)


def sqrtm_psd(a):
    """Square root of a symmetric positive semi-definite matrix by eigendecomposition."""
    vals, vecs = np.linalg.eigh((a + a.T) / 2)
    return (vecs * np.sqrt(np.clip(vals, 0, None))) @ vecs.T


def frechet(mu1, cov1, mu2, cov2):
    """|mu1 - mu2|^2 + Tr(C1 + C2 - 2 (C1^1/2 C2 C1^1/2)^1/2)."""
    r1 = sqrtm_psd(cov1)
    cross = sqrtm_psd(r1 @ cov2 @ r1)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(cov1 + cov2 - 2 * cross))


# 1. Known case: for diagonal (commuting) covariances the distance is
#    |mu1 - mu2|^2 + sum_i (sigma1_i - sigma2_i)^2.
mu1, mu2 = np.array([0.0, 1.0, 2.0]), np.array([1.0, 1.0, 0.0])
s1, s2 = np.array([1.0, 2.0, 0.5]), np.array([3.0, 2.0, 1.5])
fd = frechet(mu1, np.diag(s1**2), mu2, np.diag(s2**2))
known = np.sum((mu1 - mu2) ** 2) + np.sum((s1 - s2) ** 2)
assert np.isclose(fd, known)
print(f"diagonal case: formula {fd:.4f}, known closed form {known:.4f}")

# 2. A rotation of both Gaussians (non-diagonal covariances) leaves the distance unchanged,
#    and the distance of a Gaussian to itself is 0.
q, _ = np.linalg.qr(rng.standard_normal((3, 3)))
fd_rot = frechet(q @ mu1, q @ np.diag(s1**2) @ q.T, q @ mu2, q @ np.diag(s2**2) @ q.T)
assert np.isclose(fd_rot, known)
c = q @ np.diag(s1**2) @ q.T
assert abs(frechet(mu1, c, mu1, c)) < 1e-9
print(f"rotated (full covariances): {fd_rot:.4f}; distance to itself: 0")

# 3. Estimated from samples, FID is biased upwards: two sample sets from the SAME
#    64-dimensional Gaussian still give a positive distance, shrinking with n.
d = 64
fids = []
for n in (500, 2000, 10000):
    a, b = rng.standard_normal((2, n, d))
    fids.append(frechet(a.mean(0), np.cov(a.T), b.mean(0), np.cov(b.T)))
    print(f"same distribution, n = {n:5d} per set: FID = {fids[-1]:.3f}")
assert fids[0] > fids[1] > fids[2] > 0  # positive, and larger for smaller samples


# 4. Inception Score = exp(E_x KL(p(y|x) || p(y))): K for confident predictions spread
#    evenly over K classes, 1 when every sample gets the same class (mode collapse).
def inception_score(p_yx):
    p_y = p_yx.mean(0)
    kl = np.sum(p_yx * (np.log(p_yx + 1e-12) - np.log(p_y + 1e-12)), axis=1)
    return float(np.exp(kl.mean()))


K = 10
even = np.eye(K)[np.arange(1000) % K]  # one-hot, each class equally often
collapsed = np.eye(K)[np.zeros(1000, dtype=int)]  # all samples classified as class 0
unsure = np.full((1000, K), 1 / K)  # the classifier is unsure about every sample
scores = [inception_score(p) for p in (even, collapsed, unsure)]
assert np.allclose(scores, [K, 1, 1])
print(f"IS: confident and even {scores[0]:.2f}; collapsed {scores[1]:.2f};"
      f" unsure {scores[2]:.2f}")
