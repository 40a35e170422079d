"""Rosenblatt's perceptron rule: learns AND, and obeys Novikoff's mistake bound."""

import numpy as np


def train_perceptron(x, y, max_epochs=1000):
    """x: (n, d), y in {-1, +1}. Bias folded in as a weight on a constant input 1."""
    xa = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xa.shape[1])
    mistakes = 0
    for epoch in range(1, max_epochs + 1):
        errors = 0
        for xi, yi in zip(xa, y):
            if yi * (w @ xi) <= 0:  # wrong side of the boundary (or on it)
                w += yi * xi  # the perceptron update, learning rate 1
                errors += 1
        mistakes += errors
        if errors == 0:
            return w, epoch, mistakes
    raise RuntimeError("did not converge")


# AND gate: output +1 only for input (1, 1).
x_and = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
y_and = np.array([-1, -1, -1, 1])
w, epochs, mistakes = train_perceptron(x_and, y_and)
pred = np.where(x_and @ w[:2] + w[2] > 0, 1, -1)
print(f"AND: weights {w[:2]}, bias {w[2]}, first error-free pass: epoch {epochs}")
print("AND predictions:", pred)
assert np.array_equal(pred, y_and)

# Separable data with a known separator and margin: check mistakes <= (R / gamma)^2.
rng = np.random.default_rng(0)
w_true = np.array([2.0, -1.0, 0.5])  # (w1, w2, b) of a separating line
x = rng.uniform(-1, 1, size=(2000, 2))
xa = np.hstack([x, np.ones((2000, 1))])
u = w_true / np.linalg.norm(w_true)  # unit-norm separator in augmented space
margin_all = xa @ u
keep = np.abs(margin_all) > 0.1  # drop points too close to the line
x, xa, y = x[keep], xa[keep], np.sign(margin_all[keep])
gamma = np.min(y * (xa @ u))
radius = np.max(np.linalg.norm(xa, axis=1))
w, epochs, mistakes = train_perceptron(x, y)
bound = (radius / gamma) ** 2
print(f"separable data: {len(y)} points, {mistakes} mistakes in {epochs} epochs")
print(f"Novikoff bound (R / gamma)^2 = ({radius:.3f} / {gamma:.3f})^2 = {bound:.0f}")
assert mistakes <= bound
assert np.all(y * (xa @ w) > 0)

# Figure: a sample of the separable data with the learned and the true boundary.
import matplotlib.pyplot as plt

show = rng.choice(len(y), size=150, replace=False)
line = np.linspace(-1, 1, 2)
fig, ax = plt.subplots()
for label, sign, marker in [("y = +1", 1, "o"), ("y = -1", -1, "x")]:
    pts = x[show][y[show] == sign]
    ax.scatter(pts[:, 0], pts[:, 1], marker=marker, s=16, label=label)
# w1 x1 + w2 x2 + b = 0  ->  x2 = -(w1 x1 + b) / w2
ax.plot(line, -(w[0] * line + w[2]) / w[1], "k-", label="learned boundary")
ax.plot(line, -(w_true[0] * line + w_true[2]) / w_true[1], "k:", label="true boundary")
ax.set_xlim(-1, 1)
ax.set_ylim(-1, 1)
ax.set_aspect("equal")
ax.set_xlabel("$x_1$")
ax.set_ylabel("$x_2$")
ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=9)
fig.savefig("perceptron.svg")
plt.close(fig)
