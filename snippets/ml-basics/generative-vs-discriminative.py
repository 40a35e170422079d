"""A generative model (Gaussian classes) gives p(y|x) by Bayes' rule and samples x."""

import numpy as np

rng = np.random.default_rng(0)
n = 2000
cov = np.array([[1.0, 0.6], [0.6, 2.0]])
mu = {0: np.array([0.0, 0.0]), 1: np.array([2.0, 1.0])}
y = (rng.random(n) < 0.3).astype(int)
L = np.linalg.cholesky(cov)
X = np.array([mu[c] for c in y]) + rng.normal(size=(n, 2)) @ L.T

# Generative: fit p(y) and p(x|y) = N(mu_y, Sigma) with a shared Sigma.
prior = np.array([np.mean(y == 0), np.mean(y == 1)])
m = np.array([X[y == c].mean(0) for c in (0, 1)])
R = X - m[y]
S = R.T @ R / n
Si = np.linalg.inv(S)


def log_gauss(X, mean):
    d = X - mean
    return -0.5 * np.einsum("ij,jk,ik->i", d, Si, d) - 0.5 * np.log(
        (2 * np.pi) ** 2 * np.linalg.det(S)
    )


joint = np.column_stack([np.log(prior[c]) + log_gauss(X, m[c]) for c in (0, 1)])
post_bayes = np.exp(joint[:, 1] - np.logaddexp(joint[:, 0], joint[:, 1]))

# The same posterior is a logistic function of a linear score.
w = Si @ (m[1] - m[0])
b = -0.5 * m[1] @ Si @ m[1] + 0.5 * m[0] @ Si @ m[0] + np.log(prior[1] / prior[0])
post_linear = 1 / (1 + np.exp(-(X @ w + b)))
assert np.allclose(post_bayes, post_linear)

# Discriminative: logistic regression fits p(y|x) directly (gradient descent on NLL).
A = np.column_stack([X, np.ones(n)])
theta = np.zeros(3)
for _ in range(5000):
    p = 1 / (1 + np.exp(-A @ theta))
    theta -= 0.5 * A.T @ (p - y) / n

acc_gen = np.mean((post_bayes > 0.5) == y)
acc_dis = np.mean((A @ theta > 0) == y)
print(f"generative  w, b = {np.round(w, 2)}, {b:.2f}   accuracy {acc_gen:.3f}")
print(
    f"logistic    w, b = {np.round(theta[:2], 2)}, {theta[2]:.2f}   "
    f"accuracy {acc_dis:.3f}"
)
assert abs(acc_gen - acc_dis) < 0.02
assert np.allclose(w, theta[:2], atol=0.1) and abs(b - theta[2]) < 0.1  # same boundary

# Only the generative model can produce new inputs for a chosen class.
new = m[1] + rng.normal(size=(5000, 2)) @ np.linalg.cholesky(S).T
print("mean of 5000 sampled class-1 inputs:", np.round(new.mean(0), 2))
assert np.allclose(new.mean(0), mu[1], atol=0.1)
