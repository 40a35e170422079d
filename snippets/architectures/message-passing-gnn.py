"""Message passing on a graph: a worked layer, permutation equivariance, limits of 1-WL."""

import numpy as np

rng = np.random.default_rng(0)


def adjacency(n, edges):
    a = np.zeros((n, n))
    for u, v in edges:
        a[u, v] = a[v, u] = 1.0
    return a


def mp_layer(a, h, w_self, w_msg, w_upd, b, aggregate="sum"):
    """One message-passing layer, written edge by edge.

    message  m_uv = relu(h_u @ w_msg)            (from neighbour u to node v)
    aggregate M_v = sum (or mean) of m_uv over neighbours u of v
    update   h_v' = relu(h_v @ w_self + M_v @ w_upd + b)
    """
    n = len(h)
    out = np.zeros((n, w_self.shape[1]))
    for v in range(n):
        msgs = [np.maximum(h[u] @ w_msg, 0) for u in range(n) if a[u, v]]
        agg = np.sum(msgs, axis=0) if aggregate == "sum" else np.mean(msgs, axis=0)
        out[v] = np.maximum(h[v] @ w_self + agg @ w_upd + b, 0)
    return out


# 1. Worked example: triangle 0-1-2 plus edge 2-3, scalar features 1, 2, 3, 4.
#    Messages are the neighbours' features; h' = relu(1 * h + 0.5 * sum - 3).
a = adjacency(4, [(0, 1), (1, 2), (0, 2), (2, 3)])
x = np.array([[1.0], [2.0], [3.0], [4.0]])
one = np.eye(1)
h1 = mp_layer(a, x, one, one, 0.5 * one, -3.0)
print("neighbour sums:", (a @ x).ravel(), " h' =", h1.ravel())
assert np.allclose((a @ x).ravel(), [5, 4, 7, 3])
assert np.allclose(h1.ravel(), [0.5, 1.0, 3.5, 2.5])

# 2. The edge-by-edge loop equals the matrix form relu(H Ws + A relu(H Wm) Wu + b).
n, d, k = 7, 3, 5
edges = [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0), (1, 5), (5, 6), (2, 6)]
a = adjacency(n, edges)
h = rng.normal(size=(n, d))
ws, wm, wu = rng.normal(size=(d, k)), rng.normal(size=(d, k)), rng.normal(size=(k, k))
b = rng.normal(size=k)
loop = mp_layer(a, h, ws, wm, wu, b)
matrix = np.maximum(h @ ws + a @ np.maximum(h @ wm, 0) @ wu + b, 0)
assert np.allclose(loop, matrix)
print("edge-by-edge loop == matrix form: True")


def two_layers(a, h):
    z = mp_layer(a, h, ws, wm, wu, b)
    return mp_layer(a, z, wu, wu, wu, b)


# 3. Permutation equivariance: relabel nodes with P; outputs are relabelled the same way.
perm = rng.permutation(n)
p = np.eye(n)[perm]                       # (P h)[i] = h[perm[i]]
out = two_layers(a, h)
out_perm = two_layers(p @ a @ p.T, p @ h)
assert np.allclose(out_perm, p @ out)
assert np.allclose(out_perm.sum(0), out.sum(0))          # sum readout is invariant
print("layer(P A P^T, P H) == P layer(A, H): True;  sum readout unchanged: True")

# An MLP on the flattened node features is not equivariant: relabelling changes its output.
w_flat = rng.normal(size=(n * d, n * k))
flat = (h.reshape(-1) @ w_flat).reshape(n, k)
flat_perm = ((p @ h).reshape(-1) @ w_flat).reshape(n, k)
assert not np.allclose(flat_perm, p @ flat)
print("MLP on flattened features is equivariant: False")

# 4. Sum tells multisets apart that mean and max cannot: {1, 1} versus {1}.
star2 = adjacency(3, [(0, 1), (0, 2)])    # centre 0 has two neighbours
star1 = adjacency(2, [(0, 1)])            # centre 0 has one neighbour
f2, f1 = np.ones((3, 1)), np.ones((2, 1))
for agg in ("sum", "mean"):
    c2 = mp_layer(star2, f2, one, one, one, 0.0, agg)[0, 0]
    c1 = mp_layer(star1, f1, one, one, one, 0.0, agg)[0, 0]
    print(f"{agg:4s} aggregation: centre of 2-star {c2}, centre of 1-star {c1}")
    assert (c2 != c1) == (agg == "sum")

# 5. The 1-WL limit: two triangles and one hexagon are different graphs (one is not
#    even connected), but every node has degree 2 and the same features, so any
#    message-passing network gives every node, and both graphs, the same output.
tri2 = adjacency(6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)])
hexa = adjacency(6, [(i, (i + 1) % 6) for i in range(6)])
feat = np.ones((6, d))
g1, g2 = two_layers(tri2, feat), two_layers(hexa, feat)
assert np.allclose(g1, g2)
assert not np.allclose(np.linalg.matrix_power(tri2, 3).trace(),
                       np.linalg.matrix_power(hexa, 3).trace())
print("two triangles vs hexagon: identical node outputs:", np.allclose(g1, g2),
      f"; triangles counted by trace(A^3)/6: {np.trace(tri2 @ tri2 @ tri2) / 6:.0f}"
      f" vs {np.trace(hexa @ hexa @ hexa) / 6:.0f}")
