"""A tiny RBM by brute force: Z, factorised p(h|v), and the log-likelihood gradient."""

import itertools

import numpy as np

rng = np.random.default_rng(0)
n_v, n_h = 4, 3
W = rng.normal(0, 0.5, size=(n_v, n_h))  # symmetric visible-hidden weights
a = rng.normal(0, 0.1, size=n_v)  # visible biases
b = rng.normal(0, 0.1, size=n_h)  # hidden biases
V_all = np.array(list(itertools.product([0, 1], repeat=n_v)), dtype=float)
H_all = np.array(list(itertools.product([0, 1], repeat=n_h)), dtype=float)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def joint(W, a, b):
    """p(v, h) for every configuration, shape (2^n_v, 2^n_h)."""
    E = -(V_all @ W @ H_all.T) - (V_all @ a)[:, None] - (H_all @ b)[None, :]
    unnorm = np.exp(-E)
    return unnorm / unnorm.sum(), unnorm.sum()


P, Z = joint(W, a, b)
n_params = W.size + a.size + b.size
assert n_params == n_v * n_h + n_v + n_h == 19
print(f"units: {n_v} visible + {n_h} hidden, parameters: {n_params}")
print(f"configurations summed for Z: {P.size} (2^{n_v + n_h}), Z = {Z:.3f}")

# No hidden-hidden links: p(h | v) is a product of sigmoids.
v = V_all[5]
p_h_given_v = P[5] / P[5].sum()
p_unit = sigmoid(b + v @ W)  # p(h_j = 1 | v)
product = np.prod(np.where(H_all == 1, p_unit, 1 - p_unit), axis=1)
assert np.allclose(p_h_given_v, product)
print(f"p(h_j = 1 | v = {v.astype(int)}): {np.round(p_unit, 3)}  (factorises)")

# d/dW of the mean log-likelihood = <v h^T>_data - <v h^T>_model.
data = V_all[[1, 6, 6, 11, 15]]  # a small training set of visible vectors


def mean_log_lik(W):
    P, _ = joint(W, a, b)
    p_v = P.sum(axis=1)
    idx = [int("".join(str(int(x)) for x in row), 2) for row in data]
    return np.mean(np.log(p_v[idx]))


data_term = np.mean([np.outer(x, sigmoid(b + x @ W)) for x in data], axis=0)
model_term = np.einsum("vh,vi,hj->ij", P, V_all, H_all)
grad = data_term - model_term
eps, numeric = 1e-6, np.zeros_like(W)
for i, j in np.ndindex(W.shape):
    Wp, Wm = W.copy(), W.copy()
    Wp[i, j] += eps
    Wm[i, j] -= eps
    numeric[i, j] = (mean_log_lik(Wp) - mean_log_lik(Wm)) / (2 * eps)
assert np.allclose(grad, numeric, atol=1e-8)
print(
    f"<vh>_data - <vh>_model matches finite differences: "
    f"max error {np.abs(grad - numeric).max():.1e}"
)
