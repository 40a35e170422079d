"""Run discrete AdaBoost with stumps and check its weight and alpha formulas."""

import numpy as np

rng = np.random.default_rng(0)
n = 300
x = rng.uniform(-1, 1, size=(n, 2))
y = np.where(np.sum(x**2, axis=1) < 0.5, 1.0, -1.0)  # a disc: no single stump fits


def best_stump(x, y, w):
    """Return (weighted error, feature, threshold, sign) of the best stump."""
    best = (np.inf, 0, 0.0, 1.0)
    for j in range(x.shape[1]):
        for t in np.unique(x[:, j]):
            pred = np.where(x[:, j] <= t, 1.0, -1.0)
            err = w[pred != y].sum()
            for s, e in ((1.0, err), (-1.0, 1.0 - err)):
                if e < best[0]:
                    best = (e, j, t, s)
    return best


def stump(x, j, t, s):
    return s * np.where(x[:, j] <= t, 1.0, -1.0)


w = np.full(n, 1.0 / n)  # D_1: uniform weights
score = np.zeros(n)  # F(x) = sum_t alpha_t h_t(x)
z_prod = 1.0
rounds = 40
print("eps: weighted error of the new stump; error: training error of the ensemble")
for r in range(rounds):
    eps, j, t, s = best_stump(x, y, w)
    h = stump(x, j, t, s)
    alpha = 0.5 * np.log((1 - eps) / eps)
    w_new = w * np.exp(-alpha * y * h)  # wrong: times e^alpha, right: times e^-alpha
    z = w_new.sum()
    w_new /= z
    # Z_t = 2 sqrt(eps (1 - eps)); the stump just added is a coin flip under D_{t+1}.
    assert np.isclose(z, 2 * np.sqrt(eps * (1 - eps)))
    assert np.isclose(w_new[h != y].sum(), 0.5)
    # Freund and Schapire's form: multiply correct points by beta = eps / (1 - eps).
    w_fs = w * np.where(h == y, eps / (1 - eps), 1.0)
    assert np.allclose(w_fs / w_fs.sum(), w_new)
    score += alpha * h
    z_prod *= z
    w = w_new
    if r in (0, 1, 4, 9, 19, 39):
        err = np.mean(np.sign(score) != y)
        print(f"round {r + 1:2d}  eps {eps:.3f}  alpha {alpha:.3f}  error {err:.3f}")

train_err = np.mean(np.sign(score) != y)
exp_loss = np.mean(np.exp(-y * score))
print(f"exponential loss {exp_loss:.4f} = product of Z_t {z_prod:.4f}")
print(f"training error {train_err:.3f} <= bound {z_prod:.4f}")
assert np.isclose(exp_loss, z_prod) and train_err <= z_prod
assert train_err < 0.05
