"""Backpropagation by hand for a two-layer network, checked by finite differences."""

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def forward(params, x, y):
    """Return the loss and the intermediates the backward pass needs."""
    w1, b1, w2, b2 = params
    z1 = w1 @ x + b1  # hidden pre-activation, shape (hidden units, n)
    a1 = relu(z1)  # hidden activation
    z2 = w2 @ a1 + b2  # output, shape (1, n); linear output unit
    n = x.shape[1]
    loss = 0.5 * np.sum((z2 - y) ** 2) / n  # mean over examples of (y_hat - y)^2 / 2
    return loss, (x, z1, a1, z2)


def backward(params, cache, y):
    """Chain rule from the loss back to every parameter."""
    _, _, w2, _ = params
    x, z1, a1, z2 = cache
    n = x.shape[1]
    delta2 = (z2 - y) / n  # dL/dz2
    g_w2 = delta2 @ a1.T  # dL/dW2 = delta2 a1^T
    g_b2 = delta2.sum(axis=1, keepdims=True)
    delta1 = (w2.T @ delta2) * (z1 > 0)  # dL/dz1 = W2^T delta2 * relu'(z1)
    g_w1 = delta1 @ x.T  # dL/dW1 = delta1 x^T
    g_b1 = delta1.sum(axis=1, keepdims=True)
    return [g_w1, g_b1, g_w2, g_b2]


def numerical_grads(params, x, y, eps=1e-6):
    """Central differences, one parameter entry at a time."""
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for idx in np.ndindex(p.shape):
            old = p[idx]
            p[idx] = old + eps
            up, _ = forward(params, x, y)
            p[idx] = old - eps
            down, _ = forward(params, x, y)
            p[idx] = old
            g[idx] = (up - down) / (2 * eps)
        grads.append(g)
    return grads


# 1. The worked example on the page: one input, exact numbers.
x = np.array([[1.0], [2.0]])
y = np.array([[1.0]])
params = [
    np.array([[1.0, -1.0], [0.5, 0.5]]),  # W1
    np.array([[0.5], [-1.0]]),  # b1
    np.array([[2.0, -1.0]]),  # W2
    np.array([[0.5]]),  # b2
]
loss, cache = forward(params, x, y)
g_w1, g_b1, g_w2, g_b2 = backward(params, cache, y)
print("z1 =", cache[1].ravel(), " a1 =", cache[2].ravel(), " y_hat =", cache[3].item())
print("loss =", loss)
print("dL/dW2 =", g_w2.ravel(), " dL/db2 =", g_b2.item())
print("dL/dW1 =", g_w1.tolist(), " dL/db1 =", g_b1.ravel())
assert np.allclose(cache[1].ravel(), [-0.5, 0.5]) and loss == 0.5
assert np.allclose(g_w2, [[0.0, -0.5]]) and np.isclose(g_b2.item(), -1.0)
assert np.allclose(g_w1, [[0.0, 0.0], [1.0, 2.0]]) and np.allclose(g_b1.ravel(), [0, 1])

numeric = numerical_grads(params, x, y)
err = max(np.max(np.abs(a - b)) for a, b in zip(backward(params, cache, y), numeric))
print(f"worked example: max |backprop - finite diff| = {err:.1e}")
assert err < 1e-8

# 2. A random network on a batch of 8 examples: 3 inputs, 4 hidden units.
rng = np.random.default_rng(0)
x = rng.normal(size=(3, 8))
y = rng.normal(size=(1, 8))
params = [
    rng.normal(size=(4, 3)),
    rng.normal(size=(4, 1)),
    rng.normal(size=(1, 4)),
    rng.normal(size=(1, 1)),
]
loss, cache = forward(params, x, y)
analytic = backward(params, cache, y)
numeric = numerical_grads(params, x, y)
names = ["W1", "b1", "W2", "b2"]
for name, a, b in zip(names, analytic, numeric):
    rel = np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))
    print(f"random batch: {name} shape {a.shape}, relative error {rel:.1e}")
    assert rel < 1e-7
n_params = sum(p.size for p in params)
print(
    f"parameters: {n_params}; finite differences needed {2 * n_params} forward passes,"
)
print("backprop needed one forward and one backward pass")
