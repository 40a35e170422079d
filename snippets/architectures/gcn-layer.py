"""GCN layer (Kipf and Welling, 2017): normalisation, spectrum, equivalence, over-smoothing."""

import numpy as np

rng = np.random.default_rng(0)


def adjacency(n, edges):
    a = np.zeros((n, n))
    for u, v in edges:
        a[u, v] = a[v, u] = 1.0
    return a


def gcn_matrix(a):
    """A_hat = D~^(-1/2) (A + I) D~^(-1/2)."""
    a_tilde = a + np.eye(len(a))
    d_inv_sqrt = 1.0 / np.sqrt(a_tilde.sum(1))
    return d_inv_sqrt[:, None] * a_tilde * d_inv_sqrt[None, :]


# 1. Worked example: the path 0 - 1 - 2 with scalar features 1, 2, 3 and W = 1.
a = adjacency(3, [(0, 1), (1, 2)])
a_hat = gcn_matrix(a)
x = np.array([1.0, 2.0, 3.0])
print("degrees with self-loops:", (a + np.eye(3)).sum(1))
print("A_hat =\n", a_hat.round(3))
print("A_hat @ x =", (a_hat @ x).round(3))
assert np.isclose(a_hat[0, 1], 1 / np.sqrt(6)) and np.isclose(a_hat[1, 1], 1 / 3)
assert np.allclose(a_hat @ x, [0.5 + 2 / np.sqrt(6), 4 / np.sqrt(6) + 2 / 3,
                               2 / np.sqrt(6) + 1.5])
ones = a_hat @ np.ones(3)               # rows do not sum to 1: not a mean
print("A_hat @ (1, 1, 1) =", ones.round(3))
assert not np.allclose(ones, ones[0])

# 2. The matrix form equals the per-node sum over N(v) and v of h_u W / sqrt(d_u d_v).
n, d_in, d_out = 8, 4, 3
edges = [(0, 1), (1, 2), (2, 3), (3, 0), (2, 4), (4, 5), (5, 6), (6, 7), (4, 7), (1, 6)]
a = adjacency(n, edges)
h, w = rng.normal(size=(n, d_in)), rng.normal(size=(d_in, d_out))
dense = np.maximum(gcn_matrix(a) @ h @ w, 0)
deg = a.sum(1) + 1
per_node = np.zeros((n, d_out))
for v in range(n):
    for u in [v] + [u for u in range(n) if a[u, v]]:
        per_node[v] += (h[u] @ w) / np.sqrt(deg[u] * deg[v])
per_node = np.maximum(per_node, 0)
assert np.allclose(dense, per_node)
print("matrix form == per-node normalised sum: True")

# 3. Permutation equivariance.
p = np.eye(n)[rng.permutation(n)]
assert np.allclose(np.maximum(gcn_matrix(p @ a @ p.T) @ (p @ h) @ w, 0), p @ dense)
print("GCN(P A P^T, P H) == P GCN(A, H): True")

# 4. Spectrum. Without self-loops, I + D^-1/2 A D^-1/2 has eigenvalues in [0, 2];
#    the renormalised A_hat has them in (-1, 1], with eigenvalue 1 on sqrt(d~).
d_is = 1.0 / np.sqrt(a.sum(1))
first_order = np.eye(n) + d_is[:, None] * a * d_is[None, :]
ev_first = np.linalg.eigvalsh(first_order)
ev_hat, vec_hat = np.linalg.eigh(gcn_matrix(a))
assert ev_first.min() > -1e-12 and ev_first.max() <= 2 + 1e-12
assert ev_hat.min() > -1 and np.isclose(ev_hat.max(), 1.0)
top = vec_hat[:, -1] * np.sign(vec_hat[0, -1])
assert np.allclose(top, np.sqrt(deg) / np.linalg.norm(np.sqrt(deg)))
print(f"eigenvalues of I + D^-1/2 A D^-1/2: [{ev_first.min():.3f}, {ev_first.max():.3f}]")
print(f"eigenvalues of A_hat:               [{ev_hat.min():.3f}, {ev_hat.max():.3f}]")
# The mistake of normalising A + I with the degrees of A: top eigenvalue above 1.
wrong_top = np.linalg.eigvalsh(d_is[:, None] * (a + np.eye(n)) * d_is[None, :]).max()
print(f"top eigenvalue of D^-1/2 (A + I) D^-1/2 (degrees of A): {wrong_top:.2f}")
assert wrong_top > 1.01

# 5. Stacking: unnormalised (A + I)^k blows up; A_hat^k stays bounded but
#    over-smooths: every column converges to a multiple of sqrt(d~).
feat = rng.normal(size=(n, 2))
raw = np.linalg.matrix_power(a + np.eye(n), 20) @ feat
lam = np.linalg.eigvalsh(a + np.eye(n)).max()           # growth factor per layer
print(f"largest eigenvalue of A + I: {lam:.2f} (average degree {a.sum() / n:.2f}, "
      f"largest {a.sum(1).max():.0f})")
assert a.sum() / n <= lam - 1 <= a.sum(1).max()
smooth = np.linalg.matrix_power(gcn_matrix(a), 50) @ feat
ratio = smooth / np.sqrt(deg)[:, None]
print(f"max |(A + I)^20 X| = {np.abs(raw).max():.2e},  max |A_hat^20 X| = "
      f"{np.abs(np.linalg.matrix_power(gcn_matrix(a), 20) @ feat).max():.3f}")
print("A_hat^50 X / sqrt(d~), per node (column 0):", ratio[:, 0].round(4))
assert np.abs(raw).max() > 1e6
assert np.allclose(ratio, ratio[0], atol=1e-3)
