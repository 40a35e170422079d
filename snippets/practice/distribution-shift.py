"""Label, covariate and concept shift: what unlabelled monitoring can and cannot see."""

import numpy as np

rng = np.random.default_rng(0)
means = np.array([[0.0, 2.0], [-1.7, -1.0], [1.7, -1.0]])      # three classes in 2-D


def sample(n, prior, shift=(0.0, 0.0)):
    y = rng.choice(3, size=n, p=prior)
    return means[y] + rng.normal(size=(n, 2)) + np.asarray(shift), y


def predict(x):                                                 # fixed nearest-mean classifier
    return np.argmin(((x[:, None, :] - means[None]) ** 2).sum(-1), axis=1)


def psi(ref, new, bins=10):
    """Population stability index of one feature, with quantile bins of the reference."""
    edges = np.quantile(ref, np.linspace(0, 1, bins + 1))[1:-1]
    e = np.bincount(np.searchsorted(edges, ref), minlength=bins) / len(ref)
    a = np.bincount(np.searchsorted(edges, new), minlength=bins) / len(new)
    return float(np.sum((a - e) * np.log(a / e)))


source_prior = np.array([1 / 3, 1 / 3, 1 / 3])
x_val, y_val = sample(50000, source_prior)
acc_val = np.mean(predict(x_val) == y_val)
print(f"validation accuracy {acc_val:.3f}")

# 1. Label shift: class proportions change, p(x | y) does not. Black-box shift
#    estimation (Lipton et al., 2018) recovers the new prior from unlabelled data:
#    solve C w = mu, with C[i, j] = P_val(pred = i, y = j) and mu[i] = P_target(pred = i).
target_prior = np.array([0.6, 0.3, 0.1])
x_t, y_t = sample(50000, target_prior)
conf = np.zeros((3, 3))
np.add.at(conf, (predict(x_val), y_val), 1 / len(y_val))
mu = np.bincount(predict(x_t), minlength=3) / len(x_t)
estimate = np.linalg.solve(conf, mu) * source_prior
print("label shift: estimated target prior", estimate.round(3), " true", target_prior)
assert np.allclose(estimate, target_prior, atol=0.02)

# 2. Covariate shift: inputs move (sensor offset), visible in the input feature's PSI.
x_c, y_c = sample(50000, source_prior, shift=np.array([1.0, 0.0]))
psi_cov = psi(x_val[:, 0], x_c[:, 0])
acc_cov = np.mean(predict(x_c) == y_c)
print(f"covariate shift: PSI of feature 0 = {psi_cov:.3f}, accuracy {acc_cov:.3f}")
assert psi_cov > 0.25

# 3. Concept shift: the same inputs, but the meaning of the labels changes in a region
#    (class 1 and class 2 swap where x0 > 1). Input and prediction monitoring see nothing.
x_k, y_k = sample(50000, source_prior)
flip = x_k[:, 0] > 1
was1, was2 = flip & (y_k == 1), flip & (y_k == 2)
y_k[was1], y_k[was2] = 2, 1
psi_in = max(psi(x_val[:, i], x_k[:, i]) for i in range(2))
pred_shift = np.abs(np.bincount(predict(x_k), minlength=3) / len(x_k)
                    - np.bincount(predict(x_val), minlength=3) / len(x_val)).max()
acc_k = np.mean(predict(x_k) == y_k)
print(f"concept shift: max input PSI {psi_in:.4f}, max change in predicted-class share "
      f"{pred_shift:.3f}, accuracy {acc_k:.3f}")
assert psi_in < 0.01 and pred_shift < 0.01 and acc_val - acc_k > 0.15
