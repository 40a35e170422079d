"""LSTM cell step in NumPy: shapes, parameter count, gating, cell-state Jacobian."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def init_lstm(x_dim, h_dim, rng):
    """Four gate blocks stacked row-wise: forget, input, candidate, output."""
    scale = 1.0 / np.sqrt(h_dim + x_dim)
    W = rng.normal(0.0, scale, size=(4 * h_dim, h_dim + x_dim))
    b = np.zeros(4 * h_dim)
    return W, b


def lstm_step(x, h_prev, c_prev, W, b):
    """One time step for a batch: x (B, x_dim), h_prev and c_prev (B, h_dim)."""
    h_dim = h_prev.shape[1]
    z = np.concatenate([h_prev, x], axis=1) @ W.T + b  # (B, 4h)
    f = sigmoid(z[:, :h_dim])
    i = sigmoid(z[:, h_dim : 2 * h_dim])
    g = np.tanh(z[:, 2 * h_dim : 3 * h_dim])
    o = sigmoid(z[:, 3 * h_dim :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, f


rng = np.random.default_rng(0)
B, T, x_dim, h_dim = 3, 5, 64, 128
W, b = init_lstm(x_dim, h_dim, rng)

# Parameter count: four gates, each h x (h + x) weights and h biases.
n_params = W.size + b.size
assert n_params == 4 * (h_dim * (h_dim + x_dim) + h_dim) == 98_816
print(f"parameters (x=64, h=128): {n_params}")
print(f"with two bias vectors (PyTorch style): {n_params + 4 * h_dim}")

# Run a short sequence and check every shape and range.
xs = rng.normal(size=(T, B, x_dim))
h = np.zeros((B, h_dim))
c = np.zeros((B, h_dim))
for t in range(T):
    h, c, f = lstm_step(xs[t], h, c, W, b)
    assert h.shape == c.shape == (B, h_dim)
    assert np.all(np.abs(h) < 1.0)  # h = o * tanh(c), both factors in (-1, 1)
print(f"h_T shape: {h.shape}, c_T shape: {c.shape}")

# Worked scalar example from the page.
c_new = 0.9 * 2.0 + 0.2 * 0.5
h_new = 0.5 * np.tanh(c_new)
assert np.isclose(c_new, 1.9) and np.isclose(h_new, 0.4781, atol=1e-4)
print(f"worked example: c_t = {c_new:.2f}, h_t = {h_new:.4f}")

# Forget gate open (f=1) and input gate shut (i=0): the cell state is copied exactly.
W_copy = np.zeros_like(W)
b_copy = np.zeros(4 * h_dim)
b_copy[:h_dim] = 50.0  # forget gate -> sigmoid(50) = 1.0 in float64
b_copy[h_dim : 2 * h_dim] = -50.0  # input gate -> about 2e-22
c0 = rng.normal(size=(B, h_dim))
c_mem = c0
for t in range(T):
    _, c_mem, _ = lstm_step(xs[t], np.zeros((B, h_dim)), c_mem, W_copy, b_copy)
assert np.allclose(c_mem, c0, atol=1e-12)
print(f"memory kept over {T} steps, max change: {np.abs(c_mem - c0).max():.1e}")

# With h_{t-1} held fixed, dc_t/dc_{t-1} is diag(f_t): check by finite differences.
x1, h1 = xs[0][:1], rng.normal(size=(1, h_dim))
c1 = rng.normal(size=(1, h_dim))
_, c_out, f_t = lstm_step(x1, h1, c1, W, b)
eps = 1e-6
J = np.empty((h_dim, h_dim))
for k in range(h_dim):
    dc = np.zeros((1, h_dim))
    dc[0, k] = eps
    c_plus = lstm_step(x1, h1, c1 + dc, W, b)[1]
    c_minus = lstm_step(x1, h1, c1 - dc, W, b)[1]
    J[:, k] = (c_plus - c_minus)[0] / (2 * eps)
assert np.allclose(J, np.diag(f_t[0]), atol=1e-8)
print(
    f"dc_t/dc_(t-1) equals diag(f_t): max error {np.abs(J - np.diag(f_t[0])).max():.1e}"
)
