"""Compute-optimal model size from the Chinchilla loss fit L(N, D) = E + A/N^a + B/D^b."""

import numpy as np

# Hoffmann et al. (2022), approach 3 fit (their equation 10).
E, A, B, alpha, beta = 1.69, 406.4, 410.7, 0.34, 0.28


def loss(N, D):
    return E + A / N**alpha + B / D**beta


def optimum(C):
    """Closed-form minimiser of loss(N, D) subject to 6 N D = C."""
    G = (alpha * A / (beta * B)) ** (1 / (alpha + beta))
    N = G * (C / 6) ** (beta / (alpha + beta))
    return N, C / (6 * N)


C = 5.76e23  # Gopher's training budget, as quoted by Hoffmann et al.
N_opt, D_opt = optimum(C)

# Check the closed form against a brute-force search along the iso-FLOP curve.
N_grid = np.logspace(9, 12, 200_001)
best = N_grid[np.argmin(loss(N_grid, C / (6 * N_grid)))]
assert abs(best / N_opt - 1) < 1e-3
print(f"budget {C:.3g} FLOPs: optimal N = {N_opt / 1e9:.1f}B, D = {D_opt / 1e12:.2f}T "
      f"tokens, {D_opt / N_opt:.0f} tokens per parameter (grid search agrees)")

# Exponents: N_opt ~ C^a with a = beta / (alpha + beta).
a = np.log(optimum(1e25)[0] / optimum(1e21)[0]) / np.log(1e25 / 1e21)
assert np.isclose(a, beta / (alpha + beta))
print(f"N_opt grows as C^{a:.3f}, D_opt as C^{1 - a:.3f}")

# Same budget, two allocations: Gopher (280B, 300B tokens), Chinchilla (70B, 1.4T).
runs = {"Gopher 280B x 300B": (280e9, 300e9), "Chinchilla 70B x 1.4T": (70e9, 1.4e12)}
for name, (N, D) in runs.items():
    print(f"{name}: 6ND = {6 * N * D:.3g}, predicted loss {loss(N, D):.4f}")
assert loss(70e9, 1.4e12) < loss(280e9, 300e9)

# Kaplan-style allocation (N ~ C^0.73): the same 100x more compute goes mostly to N.
for name, p in (("Kaplan", 0.73), ("Chinchilla", 0.5)):
    print(f"{name}: 100x compute -> N x{100**p:.1f}, D x{100 ** (1 - p):.1f}")

# Figure: compute-optimal parameters and tokens against the compute budget, log-log.
import matplotlib.pyplot as plt

Cs = np.logspace(18, 26, 50)
Ns, Ds = optimum(Cs)
fig, ax = plt.subplots()
ax.loglog(Cs, Ns, "-", label="optimal parameters N")
ax.loglog(Cs, Ds, "--", label="optimal tokens D")
ax.loglog([C, C], [N_opt, D_opt], "ko")
ax.annotate(f"Gopher budget: N = {N_opt / 1e9:.0f}B, D = {D_opt / 1e12:.1f}T",
            (C, N_opt), xytext=(1e19, 3e11), arrowprops={"arrowstyle": "->"})
ax.set_xlabel("training compute C = 6ND (FLOPs)")
ax.set_ylabel("parameters or tokens")
ax.legend(loc="upper left")
fig.savefig("chinchilla-optimum.svg")
plt.close(fig)
print(f"figure: at C = 1e21, N = {optimum(1e21)[0]:.2g}, D = {optimum(1e21)[1]:.2g};"
      f" at C = 1e25, N = {optimum(1e25)[0]:.2g}, D = {optimum(1e25)[1]:.2g}")
