"""Batch, stochastic and mini-batch gradient descent on the same least-squares task."""

import math

import numpy as np

rng = np.random.default_rng(0)
n, d = 1000, 5
X = rng.normal(size=(n, d)) * np.array([1.0, 0.7, 0.5, 0.3, 0.1])  # ill-conditioned
y = X @ rng.normal(size=d) + 0.5 * rng.normal(size=n)
w_star = np.linalg.lstsq(X, y, rcond=None)[0]


def loss(w):
    return 0.5 * np.mean((X @ w - y) ** 2)


def grad(w, idx):
    Xb = X[idx]
    return Xb.T @ (Xb @ w - y[idx]) / len(idx)


# Mini-batch gradients from one shuffled pass average to the full-batch gradient
# (exactly here, because every batch has the same size: 1000 / 40 = 25 batches).
w = rng.normal(size=d)
perm = rng.permutation(n)
batches = np.split(perm, n // 40)
mean_of_batches = np.mean([grad(w, b) for b in batches], axis=0)
assert np.allclose(mean_of_batches, grad(w, np.arange(n)))


def train(batch_size, eta, epochs, seed=1):
    r = np.random.default_rng(seed)
    w = np.zeros(d)
    steps = 0
    for _ in range(epochs):
        perm = r.permutation(n)
        for start in range(0, n, batch_size):
            w -= eta * grad(w, perm[start : start + batch_size])
            steps += 1
    return w, steps


# Batch GD gets its best fixed rate, 2 / (lambda_max + lambda_min) of the Hessian.
lam = np.linalg.eigvalsh(X.T @ X / n)
eta_batch = 2 / (lam[-1] + lam[0])
epochs = 3
runs = {
    "batch (B=1000)": (n, eta_batch),
    "mini-batch (B=32)": (32, 0.5),
    "SGD (B=1)": (1, 0.02),
}
results = {}
for name, (b, eta) in runs.items():
    w_end, steps = train(b, eta, epochs)
    assert steps == epochs * math.ceil(n / b)
    results[name] = loss(w_end) - loss(w_star)
    print(f"{name:18s} updates={steps:5d}  excess loss={results[name]:.2e}")

# Per pass over the data, the noisy variants make far more progress than batch GD.
assert results["mini-batch (B=32)"] < results["batch (B=1000)"]
assert results["SGD (B=1)"] < results["batch (B=1000)"]


# With a fixed rate, SGD does not settle: started at the optimum itself, it is pushed
# off and jitters at a noise floor that shrinks with eta (mean over 20 epoch ends).
def noise_floor(eta, epochs=20, seed=2):
    r = np.random.default_rng(seed)
    w, excess = w_star.copy(), []
    for _ in range(epochs):
        for i in r.permutation(n):
            w = w - eta * grad(w, [i])
        excess.append(loss(w) - loss(w_star))
    return np.mean(excess)


floor = {eta: noise_floor(eta) for eta in (0.02, 0.002)}
assert floor[0.02] > 1e-3 and floor[0.002] < floor[0.02] / 5
for eta, f in floor.items():
    print(f"SGD eta={eta:<6} started at the optimum: mean excess loss={f:.2e}")
