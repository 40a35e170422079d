"""Over-smoothing: the Dirichlet energy of node features under repeated GCN
propagation decays geometrically; initial-residual propagation (APPNP) and
PairNorm keep the nodes apart."""

import numpy as np

rng = np.random.default_rng(0)

# Two communities of 10 nodes: dense inside, 3 edges between.
n = 20
A = np.zeros((n, n))
for block in (range(10), range(10, 20)):
    for u in block:
        for v in block:
            if u < v and rng.random() < 0.5:
                A[u, v] = A[v, u] = 1
for u, v in [(0, 10), (3, 15), (7, 12)]:
    A[u, v] = A[v, u] = 1
At = A + np.eye(n)
dt = At.sum(1)
A_hat = At / np.sqrt(np.outer(dt, dt))   # D^-1/2 (A + I) D^-1/2
L = np.eye(n) - A_hat                    # its normalised Laplacian


def energy(X):
    """Dirichlet energy tr(X^T L X)."""
    return float(np.trace(X.T @ L @ X))


def energy_edges(X):
    """The same, as a sum over edges of degree-scaled squared differences."""
    Y = X / np.sqrt(dt)[:, None]
    return 0.5 * sum(At[u, v] * np.sum((Y[u] - Y[v]) ** 2)
                     for u in range(n) for v in range(n))


X0 = rng.normal(size=(n, 4))
assert np.isclose(energy(X0), energy_edges(X0))

# 1. Linear propagation: E(A_hat X) <= s^2 E(X), s = largest |eigenvalue| below 1.
mu = np.sort(np.linalg.eigvalsh(A_hat))
s = max(abs(mu[0]), abs(mu[-2]))
assert np.isclose(mu[-1], 1.0) and s < 1
X, E = X0.copy(), [energy(X0)]
for _ in range(64):
    X = A_hat @ X
    E.append(energy(X))
ratios = np.array(E[1:]) / np.array(E[:-1])
assert np.all(ratios <= s**2 * (1 + 1e-9))
assert abs(ratios[-1] / s**2 - 1) < 0.01          # the slowest mode sets the late rate
print(f"eigenvalues of A_hat: top {mu[-1]:.3f}, next {mu[-2]:.3f}, lowest {mu[0]:.3f};"
      f" bound s^2 = {s**2:.3f}")
print("energy after k layers:", ", ".join(f"k={k}: {E[k]:.2e}" for k in (0, 2, 8, 32, 64)))

# The limit: every feature column is a multiple of sqrt(degree), so nodes differ
# only through their degree.
v = np.sqrt(dt) / np.linalg.norm(np.sqrt(dt))
resid = X - np.outer(v, v @ X)
assert np.linalg.norm(resid) < 1e-2 * np.linalg.norm(X)
print(f"after 64 layers, part of X outside span(sqrt(degree)):"
      f" {np.linalg.norm(resid) / np.linalg.norm(X):.1e}")

# 2. ReLU never raises the energy, and a weight matrix raises it at most by
#    its largest squared singular value: E(relu(A_hat X W)) <= s^2 ||W||^2 E(X).
W = rng.normal(size=(4, 4)) / 2
Z = np.maximum(A_hat @ X0 @ W, 0)
assert energy(Z) <= energy(A_hat @ X0 @ W) + 1e-12
assert energy(Z) <= s**2 * np.linalg.norm(W, 2) ** 2 * energy(X0) + 1e-12
print(f"one GCN layer with ReLU: E {energy(X0):.3f} -> {energy(Z):.3f}"
      f" (bound {s**2 * np.linalg.norm(W, 2) ** 2 * energy(X0):.3f})")

# 3. Initial residual (APPNP): Z <- (1 - a) A_hat Z + a X0 converges to a
#    fixed point that keeps a share of X0 and does not collapse. Compare the
#    scale-free ratio E(X) / ||X||^2.


def rayleigh(X):
    return energy(X) / np.sum(X**2)


a, Z = 0.1, X0.copy()
for _ in range(64):
    Z = (1 - a) * A_hat @ Z + a * X0
Z_inf = a * np.linalg.solve(np.eye(n) - (1 - a) * A_hat, X0)
assert np.allclose(Z, Z_inf, atol=1e-2)
r_plain, r_appnp = rayleigh(X), rayleigh(Z_inf)
assert r_appnp > 100 * r_plain
print(f"E/||X||^2 after 64 layers: plain {r_plain:.1e}, APPNP (alpha 0.1) {r_appnp:.3f},"
      f" input {rayleigh(X0):.3f}")

# 4. PairNorm: centre, then rescale so the mean squared row norm is scale^2;
#    the sum of squared pairwise distances is then fixed at 2 n^2 scale^2.


def pairnorm(X, scale=1.0):
    Xc = X - X.mean(0)
    return scale * np.sqrt(n) * Xc / np.linalg.norm(Xc)


P = X0.copy()
for _ in range(64):
    P = pairnorm(A_hat @ P)
pair = sum(np.sum((P[u] - P[w]) ** 2) for u in range(n) for w in range(n))
assert np.isclose(pair, 2 * n**2)
plain_pair = sum(np.sum((X[u] - X[w]) ** 2) for u in range(n) for w in range(n))
print(f"sum of squared pairwise distances after 64 layers: plain {plain_pair:.2e},"
      f" PairNorm {pair:.1f} (= 2 n^2)")
side = np.sign(np.linalg.svd(P)[0][:, 0])
print("PairNorm, sign of the top direction per node:", side.astype(int))
assert abs(side[:10].sum()) == 10 and abs(side[10:].sum()) == 10 and side[0] != side[10]
