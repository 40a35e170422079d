"""GRU cell step vs LSTM: parameter counts, multiply-adds per step, state size."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def gru_step(x, h_prev, W, b):
    """W: (3h, h+x), rows = update, reset, candidate. x (B, x), h_prev (B, h)."""
    h = h_prev.shape[1]
    W_z, W_r, W_n = W[:h], W[h : 2 * h], W[2 * h :]
    b_z, b_r, b_n = b[:h], b[h : 2 * h], b[2 * h :]
    hx = np.concatenate([h_prev, x], axis=1)
    z = sigmoid(hx @ W_z.T + b_z)  # update gate
    r = sigmoid(hx @ W_r.T + b_r)  # reset gate
    n = np.tanh(np.concatenate([r * h_prev, x], axis=1) @ W_n.T + b_n)  # candidate
    return (1 - z) * h_prev + z * n


rng = np.random.default_rng(0)
B, x_dim, h_dim = 2, 64, 128
W = rng.normal(0, 1 / np.sqrt(h_dim + x_dim), size=(3 * h_dim, h_dim + x_dim))
b = np.zeros(3 * h_dim)
h_prev = rng.normal(size=(B, h_dim))
h_new = gru_step(rng.normal(size=(B, x_dim)), h_prev, W, b)
assert h_new.shape == (B, h_dim)

block = h_dim * (h_dim + x_dim) + h_dim  # one gate block: weights + bias
gru, lstm = W.size + b.size, 4 * block
assert gru == 3 * block == 74_112 and lstm == 98_816
print(f"parameters (x=64, h=128): GRU {gru}, LSTM {lstm}, ratio {gru / lstm:.2f}")
print(f"PyTorch-style two biases: GRU {gru + 3 * h_dim}, LSTM {lstm + 4 * h_dim}")

macs_gru, macs_lstm = 3 * h_dim * (h_dim + x_dim), 4 * h_dim * (h_dim + x_dim)
assert macs_gru / macs_lstm == 0.75
print(f"multiply-adds per step and example: GRU {macs_gru}, LSTM {macs_lstm}")
print(f"state carried per step: GRU {h_dim} numbers (h), LSTM {2 * h_dim} (h and c)")

# Update gate shut (z = 0): the state is copied unchanged, as the LSTM's f=1, i=0.
b_shut = b.copy()
b_shut[:h_dim] = -50.0
h_kept = gru_step(rng.normal(size=(B, x_dim)), h_prev, W, b_shut)
assert np.allclose(h_kept, h_prev, atol=1e-12)
print(f"z = 0 copies the state: max change {np.abs(h_kept - h_prev).max():.1e}")
