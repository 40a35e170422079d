"""Norm of dh_t/dh_0 in an RNN: geometric decay, the s^t bound, and explosion."""

import numpy as np

rng = np.random.default_rng(0)
h_dim, x_dim, T = 32, 8, 100
Q, _ = np.linalg.qr(
    rng.normal(size=(h_dim, h_dim))
)  # orthogonal: all singular values 1
W_xh = rng.normal(0, 1 / np.sqrt(x_dim), size=(h_dim, x_dim))
xs = rng.normal(size=(T, x_dim))
checkpoints = (1, 10, 50, 100)


def jacobian_norms(scale, activation=True):
    """||dh_t/dh_0||_2 for W_hh = scale * Q, at the checkpoint steps."""
    W = scale * Q
    h = np.zeros(h_dim)
    J = np.eye(h_dim)
    norms = {}
    for t in range(1, T + 1):
        a = W @ h + W_xh @ xs[t - 1]
        h = np.tanh(a) if activation else a
        d = 1 - h**2 if activation else np.ones(h_dim)
        J = (d[:, None] * W) @ J  # dh_t/dh_{t-1} = diag(phi'(a_t)) W_hh
        norms[t] = np.linalg.norm(J, 2)
    return norms


def show(label, norms):
    print(f"{label:22s}" + "  ".join(f"t={t}: {norms[t]:.1e}" for t in checkpoints))


lin = jacobian_norms(0.9, activation=False)
assert all(np.isclose(lin[t], 0.9**t) for t in checkpoints)  # exactly s^t
show("linear, s=0.9", lin)

small = jacobian_norms(0.9)
assert all(small[t] <= 0.9**t + 1e-12 for t in checkpoints)  # tanh' <= 1
show("tanh, s=0.9", small)

ortho = jacobian_norms(1.0)
assert ortho[100] < 1e-10  # tanh' < 1 alone makes it vanish
show("tanh, s=1.0", ortho)

big = jacobian_norms(3.0)
assert big[100] > 1e6
show("tanh, s=3.0", big)

# Figure: the norm against the number of steps back, log scale.
import matplotlib.pyplot as plt

steps = np.arange(1, T + 1)
fig, ax = plt.subplots()
for label, norms, style in [
    ("tanh, s = 3", big, "-"),
    ("linear, s = 0.9 ($= 0.9^t$)", lin, "-."),
    ("tanh, s = 1", ortho, "--"),
    ("tanh, s = 0.9", small, ":"),
]:
    ax.semilogy(steps, [norms[t] for t in steps], style, label=label)
ax.axhline(1.0, color="grey", linewidth=0.8)
ax.set_xlabel("steps back, t")
ax.set_ylabel(r"$\|\partial h_t / \partial h_0\|_2$")
ax.legend(loc="lower left", fontsize=9)
fig.savefig("gradient-norm.svg")
plt.close(fig)
