"""GPTQ and AWQ against round-to-nearest INT4, and why activation outliers hurt."""

import numpy as np

rng = np.random.default_rng(0)
n_out, k = 128, 256
QMAX = 7  # symmetric INT4


def scales_of(w):
    return np.abs(w).max(axis=1, keepdims=True) / QMAX  # one scale per output channel


def rtn(w, s):
    return np.clip(np.round(w / s), -QMAX, QMAX) * s


def rel_err(x, w, w_hat):
    return np.linalg.norm(x @ (w - w_hat).T) / np.linalg.norm(x @ w.T)


# Activations as in LLMs: correlated channels (a low-rank part plus noise), and a few
# input channels much larger than the rest.
outliers = rng.choice(k, 4, replace=False)
mag = np.ones(k)
mag[outliers] = 20.0
MIX = rng.normal(size=(16, k))


def activations(m):
    return (rng.normal(size=(m, 16)) @ MIX / 4 + 0.5 * rng.normal(size=(m, k))) * mag


W = rng.normal(0, 0.05, (n_out, k))
X_cal, X_test = activations(1024), activations(1024)  # calibration set and held-out inputs
S = scales_of(W)
err_rtn = rel_err(X_test, W, rtn(W, S))


def gptq(w, x, s, damp=0.01):
    """Quantise input columns one at a time; push each column's rounding error onto the
    columns not yet quantised, weighted by the inverse Hessian of ||x w^T - x w_hat^T||^2."""
    w = w.copy()
    h = 2 * x.T @ x
    h += damp * np.mean(np.diag(h)) * np.eye(len(h))
    u = np.linalg.cholesky(np.linalg.inv(h)).T  # upper factor: H^-1 = U^T U
    q = np.zeros_like(w)
    for i in range(w.shape[1]):
        q[:, i] = rtn(w[:, i:i + 1], s)[:, 0]
        e = (w[:, i] - q[:, i]) / u[i, i]
        w[:, i + 1:] -= np.outer(e, u[i, i + 1:])
    return q


err_gptq = rel_err(X_test, W, gptq(W, X_cal, S))


def awq(w, x):
    """Scale input channel j of W by a_j^alpha (a_j = mean |x_j|), quantise, divide back
    (in practice the 1/a_j^alpha is folded into the previous operation); grid-search alpha."""
    a = np.abs(x).mean(axis=0)
    best = None
    for alpha in np.linspace(0, 1, 21):
        c = a**alpha
        w_hat = rtn(w * c, scales_of(w * c)) / c
        e = rel_err(x, w, w_hat)
        if best is None or e < best[0]:
            best = (e, alpha, w_hat)
    return best[1], best[2]


alpha, w_awq = awq(W, X_cal)
err_awq = rel_err(X_test, W, w_awq)
print(f"INT4 per-channel, relative output error on held-out inputs:\n"
      f"  round-to-nearest {err_rtn:.4f}   GPTQ {err_gptq:.4f}   AWQ (alpha={alpha:.2f}) "
      f"{err_awq:.4f}")
assert err_gptq < 0.8 * err_rtn and err_awq < 0.8 * err_rtn

# Where RTN's error comes from: the 4 outlier channels (1.6% of inputs) carry most of it.
d = W - rtn(W, S)
share = np.linalg.norm(X_test[:, outliers] @ d[:, outliers].T) / np.linalg.norm(X_test @ d.T)
print(f"norm of the RTN output error from the {len(outliers)} outlier channels alone, "
      f"relative to the whole error: {share:.0%}")
assert share > 0.5


# Activations are harder: per-tensor INT8 of X itself, with and without the outliers.
def quant_act(x, bits=8):
    s = np.abs(x).max() / (2 ** (bits - 1) - 1)
    return np.round(x / s) * s


plain = rng.normal(size=(2048, k))
e_plain = np.linalg.norm(plain - quant_act(plain)) / np.linalg.norm(plain)
e_out = np.linalg.norm(X_test - quant_act(X_test)) / np.linalg.norm(X_test)
normal_ch = np.setdiff1d(np.arange(k), outliers)
e_normal = (np.linalg.norm(X_test[:, normal_ch] - quant_act(X_test)[:, normal_ch])
            / np.linalg.norm(X_test[:, normal_ch]))
print(f"INT8 per-tensor activations: relative error {e_plain:.4f} without outliers, "
      f"{e_out:.4f} with them ({e_normal:.4f} on the ordinary channels)")
assert e_normal > 10 * e_plain
