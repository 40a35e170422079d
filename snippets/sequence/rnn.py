"""Vanilla RNN forward pass: shared weights, any length, order, parameter count."""

import numpy as np


def rnn_forward(xs, W_hh, W_xh, b_h):
    """xs: (T, x_dim). Returns all hidden states, shape (T, h_dim)."""
    h = np.zeros(W_hh.shape[0])
    states = []
    for x in xs:
        h = np.tanh(W_hh @ h + W_xh @ x + b_h)
        states.append(h)
    return np.array(states)


rng = np.random.default_rng(0)
x_dim, h_dim, n_classes = 10, 20, 3
W_hh = rng.normal(0, 0.3, size=(h_dim, h_dim))
W_xh = rng.normal(0, 0.3, size=(h_dim, x_dim))
b_h = np.zeros(h_dim)
W_hy = rng.normal(0, 0.3, size=(n_classes, h_dim))
b_y = np.zeros(n_classes)

n_rec = W_hh.size + W_xh.size + b_h.size
assert n_rec == h_dim * (h_dim + x_dim) + h_dim == 620
n_out = W_hy.size + b_y.size
assert n_rec + n_out == 683
print(f"recurrent parameters h(h+x)+h: {n_rec}, output layer: {n_out}")

# The same 683 numbers process a sequence of any length.
for T in (3, 50):
    H = rnn_forward(rng.normal(size=(T, x_dim)), W_hh, W_xh, b_h)
    logits = W_hy @ H[-1] + b_y  # many-to-one: classify from the last state
    assert H.shape == (T, h_dim) and logits.shape == (n_classes,)
    print(f"T={T:2d}: states {H.shape}, logits {logits.shape}")

# Order matters: the same inputs reversed give a different final state.
xs = rng.normal(size=(6, x_dim))
h_fwd = rnn_forward(xs, W_hh, W_xh, b_h)[-1]
h_rev = rnn_forward(xs[::-1], W_hh, W_xh, b_h)[-1]
diff = np.linalg.norm(h_fwd - h_rev)
assert diff > 0.1
print(f"||h_T(x) - h_T(reversed x)|| = {diff:.3f}")
