"""Calibration error of an overconfident model, fixed by temperature scaling."""

import numpy as np

rng = np.random.default_rng(0)
K, n = 5, 20000


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def sample(n):
    true_logits = rng.normal(size=(n, K)) * 1.5
    p = softmax(true_logits)
    y = (p.cumsum(1) > rng.random((n, 1))).argmax(1)  # labels drawn from p
    return 3.0 * true_logits, y  # the model's logits are 3x too sharp


def nll(z, y):
    return -np.mean(np.log(softmax(z)[np.arange(len(y)), y]))


def ece(z, y, bins=15):
    p = softmax(z)
    conf, correct = p.max(1), p.argmax(1) == y
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    gap = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            gap += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return gap


z_val, y_val = sample(n)
z_test, y_test = sample(n)

# Temperature scaling: one scalar T > 0 fitted by minimising validation NLL.
Ts = np.linspace(0.5, 6.0, 221)  # step 0.025
T = Ts[np.argmin([nll(z_val / t, y_val) for t in Ts])]

acc = np.mean(z_test.argmax(1) == y_test)
print(f"fitted temperature T = {T:.3f} (true overconfidence factor 3)")
print(f"test accuracy {acc:.3f} before and after (argmax unchanged)")
ece0, ece1 = ece(z_test, y_test), ece(z_test / T, y_test)
print(f"test ECE  before {ece0:.3f}  after {ece1:.3f}")
nll0, nll1 = nll(z_test, y_test), nll(z_test / T, y_test)
print(f"test NLL  before {nll0:.3f}  after {nll1:.3f}")
assert abs(T - 3.0) < 0.15
assert np.array_equal(z_test.argmax(1), (z_test / T).argmax(1))
assert ece1 < 0.02 and ece0 > 0.1
