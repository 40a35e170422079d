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

# Figure: reliability diagram on the test set, with the 15 confidence bins of the ECE.
import matplotlib.pyplot as plt


def reliability(z, y, bins=15, min_count=50):
    """Mean confidence and accuracy of every bin holding at least min_count examples."""
    p = softmax(z)
    conf, correct = p.max(1), p.argmax(1) == y
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    keep = [b for b in range(bins) if np.sum(idx == b) >= min_count]
    return np.array([[conf[idx == b].mean(), correct[idx == b].mean()] for b in keep])


before, after = reliability(z_test, y_test), reliability(z_test / T, y_test)
assert np.all(before[:, 1] < before[:, 0])  # every bin: accuracy below confidence
fig, ax = plt.subplots()
ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect calibration")
ax.plot(*before.T, marker="o", label=f"before (ECE {ece0:.3f})")
ax.plot(*after.T, marker="s", linestyle="--", label=f"after T = {T:.2f} (ECE {ece1:.3f})")
ax.set_xlabel("mean confidence in bin (max softmax probability)")
ax.set_ylabel("accuracy in bin")
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.set_aspect("equal")
ax.legend(fontsize=9, loc="upper left")
fig.savefig("reliability.svg")
plt.close(fig)
print("figure: reliability.svg")
