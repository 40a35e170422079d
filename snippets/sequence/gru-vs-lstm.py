"""GRU and LSTM cell steps: parameter counts, multiply-adds per step, state size."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


MACS = [0]  # multiply-adds counted as the matrix products are actually done


def mm(a, w):
    """a (B, n) times w.T with w (m, n); counts n * m multiply-adds per example."""
    MACS[0] += w.shape[0] * w.shape[1]
    return a @ w.T


def gru_step(x, h_prev, W, b):
    """W: (3h, h+x), rows = update, reset, candidate. x (B, x), h_prev (B, h)."""
    h = h_prev.shape[1]
    W_z, W_r, W_n = W[:h], W[h : 2 * h], W[2 * h :]
    b_z, b_r, b_n = b[:h], b[h : 2 * h], b[2 * h :]
    hx = np.concatenate([h_prev, x], axis=1)
    z = sigmoid(mm(hx, W_z) + b_z)  # update gate
    r = sigmoid(mm(hx, W_r) + b_r)  # reset gate
    n = np.tanh(mm(np.concatenate([r * h_prev, x], axis=1), W_n) + b_n)  # candidate
    return (1 - z) * h_prev + z * n


def lstm_step(x, h_prev, c_prev, W, b):
    """W: (4h, h+x), rows = input, forget, candidate, output."""
    h = h_prev.shape[1]
    a = mm(np.concatenate([h_prev, x], axis=1), W) + b
    i, f = sigmoid(a[:, :h]), sigmoid(a[:, h : 2 * h])
    g, o = np.tanh(a[:, 2 * h : 3 * h]), sigmoid(a[:, 3 * h :])
    c = f * c_prev + i * g
    return o * np.tanh(c), c


rng = np.random.default_rng(0)
B, x_dim, h_dim = 2, 64, 128
W = rng.normal(0, 1 / np.sqrt(h_dim + x_dim), size=(3 * h_dim, h_dim + x_dim))
b = np.zeros(3 * h_dim)
h_prev = rng.normal(size=(B, h_dim))
x_t = rng.normal(size=(B, x_dim))
MACS[0] = 0
h_new = gru_step(x_t, h_prev, W, b)
macs_gru = MACS[0]
assert h_new.shape == (B, h_dim)

W_l = rng.normal(0, 1 / np.sqrt(h_dim + x_dim), size=(4 * h_dim, h_dim + x_dim))
b_l = np.zeros(4 * h_dim)
MACS[0] = 0
h_l, c_l = lstm_step(x_t, h_prev, np.zeros((B, h_dim)), W_l, b_l)
macs_lstm = MACS[0]
assert h_l.shape == c_l.shape == (B, h_dim)

gru, lstm = W.size + b.size, W_l.size + b_l.size  # the arrays the steps used
assert (gru, lstm) == (74_112, 98_816)
print(f"parameters (x=64, h=128): GRU {gru}, LSTM {lstm}, ratio {gru / lstm:.2f}")
print(f"PyTorch-style two biases: GRU {gru + 3 * h_dim}, LSTM {lstm + 4 * h_dim}")

assert (macs_gru, macs_lstm) == (73_728, 98_304)  # 3 vs 4 blocks of h(h+x)
print(f"multiply-adds per step and example: GRU {macs_gru}, LSTM {macs_lstm}")
print(f"state carried per step: GRU {h_dim} numbers (h), LSTM {2 * h_dim} (h and c)")

# Update gate shut (z = 0): the state is copied unchanged, as the LSTM's f=1, i=0.
b_shut = b.copy()
b_shut[:h_dim] = -50.0
h_kept = gru_step(rng.normal(size=(B, x_dim)), h_prev, W, b_shut)
assert np.allclose(h_kept, h_prev, atol=1e-12)
print(f"z = 0 copies the state: max change {np.abs(h_kept - h_prev).max():.1e}")
