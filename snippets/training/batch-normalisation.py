"""Checks batch norm: statistics, gradient, scale invariance, train vs inference."""

import numpy as np

EPS = 1e-5
rng = np.random.default_rng(0)


def bn_train(x, gamma, beta):
    """Normalise with the batch's own mean and variance (training mode)."""
    mu, var = x.mean(0), x.var(0)
    x_hat = (x - mu) / np.sqrt(var + EPS)
    return gamma * x_hat + beta, (x_hat, var)


def bn_backward(dy, gamma, cache):
    """Gradient of the loss with respect to the BN input, from dL/dy."""
    x_hat, var = cache
    n = len(dy)
    d_xhat = dy * gamma
    return (n * d_xhat - d_xhat.sum(0) - x_hat * (d_xhat * x_hat).sum(0)) / (
        n * np.sqrt(var + EPS))


# 0. The worked example: batch (1, 2, 3, 6), gamma = 2, beta = 0.5.
y_ex, (x_hat_ex, var_ex) = bn_train(np.array([[1.0], [2.0], [3.0], [6.0]]), 2.0, 0.5)
assert np.isclose(var_ex[0], 3.5)
assert np.allclose(y_ex.ravel(), [-1.638, -0.569, 0.5, 3.707], atol=5e-4)
print("worked example: x_hat", x_hat_ex.ravel().round(3), " y", y_ex.ravel().round(3))

# 1. Features on very different scales come out with mean 0 and variance 1.
x = rng.normal(loc=[5.0, -3.0, 0.0], scale=[10.0, 0.5, 1.0], size=(64, 3))
gamma, beta = np.array([1.0, 2.0, 0.5]), np.array([0.0, 1.0, -1.0])
y, cache = bn_train(x, np.ones(3), np.zeros(3))
assert np.allclose(y.mean(0), 0) and np.allclose(y.var(0), 1, atol=1e-3)
print("input  means", x.mean(0).round(2), " stds", x.std(0).round(2))
print("output means", y.mean(0).round(2), " stds", y.std(0).round(2))
y, _ = bn_train(x, gamma, beta)
assert np.allclose(y.mean(0), beta) and np.allclose(y.std(0), gamma, atol=1e-3)
print("with gamma, beta: means", y.mean(0).round(2), " stds", y.std(0).round(2))

# 2. Analytic backward pass agrees with finite differences.
x_small = rng.normal(size=(5, 3))
upstream = rng.normal(size=(5, 3))
y, cache = bn_train(x_small, gamma, beta)
grad = bn_backward(upstream, gamma, cache)
num = np.zeros_like(x_small)
for idx in np.ndindex(*x_small.shape):
    e = np.zeros_like(x_small)
    e[idx] = 1e-6
    num[idx] = ((bn_train(x_small + e, gamma, beta)[0]
                 - bn_train(x_small - e, gamma, beta)[0]) * upstream).sum() / 2e-6
assert np.allclose(grad, num, atol=1e-6)
print(f"backward vs finite differences: max error {np.abs(grad - num).max():.1e}")

# 3. BN(x W) does not depend on the scale of W, and a bias before BN is useless.
inp, w = rng.normal(size=(32, 4)), rng.normal(size=(4, 3))
out = bn_train(inp @ w, gamma, beta)[0]
assert np.allclose(out, bn_train(inp @ (3 * w), gamma, beta)[0], atol=1e-5)
assert np.allclose(out, bn_train(inp @ w + 7.0, gamma, beta)[0])
print("BN(x @ 3W) == BN(x @ W) and BN(x @ W + b) == BN(x @ W): True")
up = rng.normal(size=(32, 3))


def grad_w(weights):
    _, c = bn_train(inp @ weights, gamma, beta)
    return inp.T @ bn_backward(up, gamma, c)


assert np.allclose(grad_w(3 * w), grad_w(w) / 3, atol=1e-6)
print("gradient w.r.t. 3W is 1/3 of the gradient w.r.t. W: True")

# 4. Training mode: one example's output depends on the rest of the batch.
batch = rng.normal(2.0, 3.0, size=(8, 3))
first = bn_train(batch, gamma, beta)[0][0]
batch2 = batch.copy()
batch2[1:] += 1.0                       # change only the other examples
assert not np.allclose(first, bn_train(batch2, gamma, beta)[0][0])
print("training mode: example 0's output changes when only others change: True")

# 5. Running averages (momentum 0.1) converge to the population statistics,
#    and inference uses them: a fixed, per-example affine map.
run_mu, run_var = np.zeros(3), np.ones(3)
for _ in range(500):
    b = rng.normal(2.0, 3.0, size=(256, 3))
    run_mu = 0.9 * run_mu + 0.1 * b.mean(0)
    run_var = 0.9 * run_var + 0.1 * b.var(0, ddof=1)
assert np.allclose(run_mu, 2.0, atol=0.2) and np.allclose(run_var, 9.0, atol=1.0)
print("running mean", run_mu.round(2), " running var", run_var.round(2))


def bn_eval(x):
    return gamma * (x - run_mu) / np.sqrt(run_var + EPS) + beta


assert np.allclose(bn_eval(batch)[0], bn_eval(batch[:1])[0])   # batch-independent

# 6. At inference BN folds into the preceding linear layer: x W' + b'.
w_lin, b_lin = rng.normal(size=(3, 3)), rng.normal(size=3)
scale = gamma / np.sqrt(run_var + EPS)
w_fold, b_fold = w_lin * scale, (b_lin - run_mu) * scale + beta
assert np.allclose(bn_eval(batch @ w_lin + b_lin), batch @ w_fold + b_fold)
print("inference BN folded into the previous layer: outputs match")
