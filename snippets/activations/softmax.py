"""Check softmax: sums to 1, shift invariance, Jacobian, temperature, 2 classes."""

import numpy as np


def softmax(z, axis=-1):
    """Softmax along `axis`, computed after subtracting the max (same result)."""
    z = np.asarray(z, dtype=float)
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


rng = np.random.default_rng(0)

# Worked example from the page.
z = np.array([2.0, 1.0, 0.1])
p = softmax(z)
s = sigmoid(z)
print("logits              :", z)
print("softmax             :", np.round(p, 3), "sum =", round(p.sum(), 6))
print("sigmoid per logit   :", np.round(s, 3), "sum =", round(s.sum(), 3))
assert np.allclose(p, [0.659, 0.242, 0.099], atol=1e-3)
assert abs(p.sum() - 1.0) < 1e-12
assert abs(s.sum() - 2.137) < 1e-3  # independent sigmoids do not sum to 1

# 1. Every row of a batch of random logits sums to 1 and is strictly positive.
Z = rng.normal(scale=5.0, size=(1000, 10))
P = softmax(Z)
assert np.allclose(P.sum(axis=1), 1.0) and (P > 0).all()
print("rows summing to 1   :", int(np.isclose(P.sum(axis=1), 1.0).sum()), "of 1000")

# 2. Shift invariance: adding the same constant to every logit changes nothing.
shift_err = np.abs(softmax(z + 100.0) - p).max()
print("max |p(z+100)-p(z)| :", f"{shift_err:.1e}")
assert shift_err < 1e-12
# ... but scaling is not harmless: doubling the logits sharpens the output.
print("softmax(2z)         :", np.round(softmax(2 * z), 3))
assert softmax(2 * z)[0] > p[0]

# 3. Jacobian J = diag(p) - p p^T, checked by central finite differences.
z5 = rng.normal(size=5)
p5 = softmax(z5)
J = np.diag(p5) - np.outer(p5, p5)
h = 1e-6
J_fd = np.empty((5, 5))
for j in range(5):
    dz = np.zeros(5)
    dz[j] = h
    J_fd[:, j] = (softmax(z5 + dz) - softmax(z5 - dz)) / (2 * h)
jac_err = np.abs(J - J_fd).max()
print("max |J - J_numeric| :", f"{jac_err:.1e}")
assert jac_err < 1e-9
assert np.allclose(J, J.T)  # symmetric
assert np.allclose(J @ np.ones(5), 0.0)  # (1,...,1) is in the null space
assert np.linalg.matrix_rank(J) == 4  # rank K - 1
assert np.linalg.eigvalsh(J).min() > -1e-12  # positive semi-definite

# 4. Temperature: T -> 0 approaches one-hot argmax, large T approaches uniform.
for T in (0.1, 1.0, 10.0):
    print(f"T = {T:<4}            :", np.round(softmax(z / T), 3))
assert softmax(z / 0.01)[0] > 0.999
assert np.abs(softmax(z / 1000.0) - 1 / 3).max() < 1e-3

# 5. Two classes: softmax([a, b])[0] = sigmoid(a - b).
a, b = 1.3, -0.4
two = softmax([a, b])[0]
print(
    "2-class softmax     :", round(two, 6), "= sigmoid(a-b) =", round(sigmoid(a - b), 6)
)
assert abs(two - sigmoid(a - b)) < 1e-12

# Figure: the three probabilities of the worked example as the temperature varies.
import matplotlib.pyplot as plt

temps = np.geomspace(0.05, 20, 241)
probs = np.array([softmax(z / T) for T in temps])  # one row per temperature
assert (np.diff(probs[:, 0]) < 0).all() and (np.diff(probs[:, 2]) > 0).all()
fig, ax = plt.subplots()
for i, (style, marker) in enumerate((("-", "o"), ("--", "s"), ("-.", "^"))):
    ax.plot(temps, probs[:, i], linestyle=style, label=f"logit {z[i]:g}")
    marked = [softmax(z / T)[i] for T in (0.1, 1.0, 10.0)]
    ax.plot((0.1, 1.0, 10.0), marked, marker=marker, linestyle="none", color=f"C{i}")
ax.axhline(1 / 3, color="grey", linestyle=":", linewidth=1)
ax.text(0.06, 1 / 3 + 0.02, "uniform 1/3", fontsize=9)
ax.set_xscale("log")
ax.set_xlabel("temperature T (markers at T = 0.1, 1, 10)")
ax.set_ylabel("softmax(z / T)")
ax.legend(loc="center right", fontsize=9)
fig.savefig("temperature.svg")
plt.close(fig)
print("figure              : temperature.svg")
