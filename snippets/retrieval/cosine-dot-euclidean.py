"""When cosine, dot product and Euclidean distance agree and when they do not."""

import numpy as np


def cosine(q, X):
    return X @ q / (np.linalg.norm(X, axis=1) * np.linalg.norm(q))


# 1. Worked example: each measure picks a different nearest neighbour.
q = np.array([1.0, 0.0])
names = ["a", "b", "c"]
X = np.array([[3.0, 3.0], [0.2, 0.02], [1.1, 0.6]])
cos, dot, dist = cosine(q, X), X @ q, np.linalg.norm(X - q, axis=1)
for n, c_, p_, e_ in zip(names, cos, dot, dist, strict=True):
    print(f"{n}: cosine {c_:.3f}  dot {p_:.2f}  euclidean {e_:.3f}")
winners = (names[cos.argmax()], names[dot.argmax()], names[dist.argmin()])
print("nearest by cosine, dot, euclidean:", winners)
assert winners == ("b", "a", "c")

# 2. On unit vectors all three give the same ranking: |x - q|^2 = 2 - 2 cos.
rng = np.random.default_rng(0)
Y = rng.normal(size=(1000, 32))
Y /= np.linalg.norm(Y, axis=1, keepdims=True)
qu = Y[0] + 0.5 * rng.normal(size=32)
qu /= np.linalg.norm(qu)
c_u, d_u = Y @ qu, np.linalg.norm(Y - qu, axis=1)
assert np.allclose(d_u**2, 2 - 2 * c_u)
assert (np.argsort(-c_u) == np.argsort(d_u)).all()
print("unit vectors: cosine, dot and euclidean rankings of 1000 items identical")

# 3. For a fixed query, euclidean ranks by q.x - |x|^2 / 2: long vectors are penalised.
Z = rng.normal(size=(1000, 32)) * rng.uniform(0.2, 3.0, size=(1000, 1))
qz = rng.normal(size=32)
order_e = np.argsort(np.linalg.norm(Z - qz, axis=1))
order_s = np.argsort(-(Z @ qz - 0.5 * (Z**2).sum(1)))
assert (order_e == order_s).all()
top_cos, top_dot = np.argsort(-cosine(qz, Z))[:10], np.argsort(-(Z @ qz))[:10]
overlap = {
    "cos/dot": len(set(top_cos) & set(top_dot)),
    "cos/euc": len(set(top_cos) & set(order_e[:10])),
    "dot/euc": len(set(top_dot) & set(order_e[:10])),
}
print("varied norms, shared items in the top 10:", overlap)
assert max(overlap.values()) < 10

# 4. Max inner product search as euclidean search: append sqrt(M^2 - |x|^2).
M = np.linalg.norm(Z, axis=1).max()
Z_aug = np.hstack([Z, np.sqrt(M**2 - (Z**2).sum(1, keepdims=True))])
q_aug = np.append(qz, 0.0)
assert (np.argsort(np.linalg.norm(Z_aug - q_aug, axis=1)) == np.argsort(-(Z @ qz))).all()
print("augmented vectors: euclidean ranking == dot-product ranking")

# 5. 1 - cosine breaks the triangle inequality; the angle does not.
u, v, w = (np.array([np.cos(t), np.sin(t)]) for t in (0, np.pi / 4, np.pi / 2))


def one_minus(a, b):
    return 1 - a @ b


print(f"1-cos: d(u,w) = {one_minus(u, w):.3f} > d(u,v) + d(v,w) ="
      f" {one_minus(u, v) + one_minus(v, w):.3f}")
assert one_minus(u, w) > one_minus(u, v) + one_minus(v, w)


def angle(a, b):
    return np.arccos(np.clip(a @ b, -1, 1))


assert angle(u, w) <= angle(u, v) + angle(v, w) + 1e-12

# 6. Subtracting the mean changes cosine rankings but never euclidean ones.
shift = Z.mean(0) + 1.0
assert (np.argsort(np.linalg.norm((Z - shift) - (qz - shift), axis=1)) == order_e).all()
changed = (np.argsort(-cosine(qz - shift, Z - shift)) != np.argsort(-cosine(qz, Z))).any()
print("after centring: euclidean ranking unchanged, cosine ranking changed:", changed)
assert changed
