"""GloVe (weighted least squares on log counts) and a count-based SVD of PPMI
recover the same neighbours from one co-occurrence matrix."""

import numpy as np

rng = np.random.default_rng(0)

# Toy corpus: 'cat'/'dog' share contexts but never co-occur; same for 'car'/'bus'.
groups = {"cat": ["pet", "fur", "vet", "purr"], "dog": ["pet", "fur", "vet", "bark"],
          "car": ["road", "wheel", "fuel", "honk"], "bus": ["road", "wheel", "fuel", "stop"]}
vocab = list(groups) + sorted({w for ws in groups.values() for w in ws})
idx = {w: i for i, w in enumerate(vocab)}
n = len(vocab)
X = np.zeros((n, n))  # symmetric co-occurrence counts within a sentence
for _ in range(200):
    head = list(groups)[rng.integers(4)]
    words = [idx[head], *(idx[w] for w in rng.choice(groups[head], 3, replace=False))]
    for a in words:
        for b in words:
            if a != b:
                X[a, b] += 1

# 1. The identity behind both methods: log X_ij = PMI_ij + log X_i + log X_j - log X.
x_ij, x_i, x_j, total = 20, 1_000, 500, 1_000_000
pmi = np.log(x_ij * total / (x_i * x_j))
rhs = pmi + np.log(x_i) + np.log(x_j) - np.log(total)
print(f"log 20 = {np.log(x_ij):.3f} = PMI {pmi:.3f} + {np.log(x_i):.3f}"
      f" + {np.log(x_j):.3f} - {np.log(total):.3f}")
assert abs(rhs - np.log(x_ij)) < 1e-12


# 2. GloVe's weighting f(x) = min(1, (x / x_max)^0.75), paper values x_max = 100.
def weight(x, x_max=100.0, alpha=0.75):
    return np.minimum(1.0, (x / x_max) ** alpha)


print("f(1), f(50), f(200) =", np.round(weight(np.array([1.0, 50.0, 200.0])), 4))
assert np.allclose(weight(np.array([1.0, 50.0, 200.0])), [0.0316, 0.5946, 1.0], atol=1e-4)

# 3. Fit GloVe: sum over non-zero cells of f(X_ij)(w_i.c_j + b_i + c_j - log X_ij)^2,
# full-batch AdaGrad as in the paper (x_max lowered to 10 for the toy counts).
mask = X > 0
f = np.where(mask, weight(X, x_max=10.0), 0.0)
logX = np.log(np.where(mask, X, 1.0))
d, lr = 4, 0.1
params = [rng.normal(scale=0.1, size=(n, d)), rng.normal(scale=0.1, size=(n, d)),
          np.zeros(n), np.zeros(n)]  # W, C, b, b_tilde
hist = [np.full_like(p, 1e-8) for p in params]


def glove_loss(W, C, b, bt):
    return (f * (W @ C.T + b[:, None] + bt[None, :] - logX) ** 2).sum()


start = glove_loss(*params)
for _ in range(3000):
    W, C, b, bt = params
    err = f * (W @ C.T + b[:, None] + bt[None, :] - logX)  # zero where X_ij = 0
    grads = [2 * err @ C, 2 * err.T @ W, 2 * err.sum(1), 2 * err.sum(0)]
    for p, g, h in zip(params, grads, hist, strict=True):
        h += g**2
        p -= lr * g / np.sqrt(h)
end = glove_loss(*params)
print(f"GloVe weighted loss: {start:.1f} -> {end:.3f}")
assert end < 0.01 * start
glove = params[0] + params[1]  # the paper sums word and context vectors

# 4. Count-based: positive PMI, then a rank-4 SVD.
ppmi = np.maximum(0.0, np.log(np.where(mask, X * X.sum(), 1.0)
                              / np.outer(X.sum(1), X.sum(0))))
u, s, _ = np.linalg.svd(ppmi)
svd = u[:, :d] * np.sqrt(s[:d])


def head_cosines(E):
    En = E / np.linalg.norm(E, axis=1, keepdims=True)
    return {pair: float(En[idx[pair[:3]]] @ En[idx[pair[4:]]])
            for pair in ("cat-dog", "car-bus", "cat-car", "dog-bus")}


for name, E in [("GloVe", glove), ("PPMI+SVD", svd)]:
    cos = head_cosines(E)
    print(f"{name:8s} cosines:", {k: round(v, 2) for k, v in cos.items()})
    assert min(cos["cat-dog"], cos["car-bus"]) > 0.7
    assert max(cos["cat-car"], cos["dog-bus"]) < 0.05
# ... although neither pair ever co-occurs.
assert X[idx["cat"], idx["dog"]] == 0 and X[idx["car"], idx["bus"]] == 0
