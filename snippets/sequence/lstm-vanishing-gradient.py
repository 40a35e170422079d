"""The gradient along the LSTM cell-state path is a product of forget gates."""

import numpy as np

rng = np.random.default_rng(0)
h_dim, x_dim, T = 16, 8, 100
xs = rng.normal(size=(T, x_dim))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# LSTM whose gates see only the input (recurrent gate weights set to zero), so the cell
# state is the only route from c_0 to c_T and the Jacobian can be compared exactly.
W_x = rng.normal(0, 1 / np.sqrt(x_dim), size=(4 * h_dim, x_dim))


def lstm_cells(c0, forget_bias):
    b = np.zeros(4 * h_dim)
    b[:h_dim] = forget_bias
    c, f_prod = c0.copy(), np.ones(h_dim)
    for x in xs:
        z = W_x @ x + b
        f, i = sigmoid(z[:h_dim]), sigmoid(z[h_dim : 2 * h_dim])
        g = np.tanh(z[2 * h_dim : 3 * h_dim])
        c = f * c + i * g  # additive update
        f_prod *= f
    return c, f_prod


c0 = rng.normal(size=h_dim)
eps = 1e-5
for bias in (0.0, 3.0, 6.0):
    _, f_prod = lstm_cells(c0, bias)
    J = np.empty((h_dim, h_dim))
    for k in range(h_dim):
        d = np.zeros(h_dim)
        d[k] = eps
        J[:, k] = (lstm_cells(c0 + d, bias)[0] - lstm_cells(c0 - d, bias)[0]) / (
            2 * eps
        )
    assert np.allclose(J, np.diag(f_prod), atol=1e-9)  # dc_T/dc_0 = diag(prod f_t)
    print(
        f"LSTM, forget bias {bias}: mean of dc_T/dc_0 over units = {f_prod.mean():.1e}"
    )
assert f_prod.mean() > 0.5  # forget gates near 1 keep the gradient over 100 steps

# Plain tanh RNN, orthogonal W_hh (all singular values 1), same length.
Q, _ = np.linalg.qr(rng.normal(size=(h_dim, h_dim)))
W_xh = rng.normal(0, 1 / np.sqrt(x_dim), size=(h_dim, x_dim))
h, J_rnn = np.zeros(h_dim), np.eye(h_dim)
for x in xs:
    h = np.tanh(Q @ h + W_xh @ x)
    J_rnn = ((1 - h**2)[:, None] * Q) @ J_rnn
rnn_norm = np.linalg.norm(J_rnn, 2)
assert rnn_norm < 1e-10
print(f"tanh RNN, orthogonal W_hh: ||dh_T/dh_0|| = {rnn_norm:.1e}")

# Constant forget gates: the decay is f**T whatever is written into the cell,
# set by the gate, not by a weight matrix (checked by finite differences).
writes = rng.normal(size=T)  # i_t * g_t, arbitrary additions to the cell


def cell_after(c0, f):
    c = c0
    for w in writes:
        c = f * c + w
    return c


for f in (0.9, 0.99, 1.0):
    slope = (cell_after(1.0 + 1e-4, f) - cell_after(1.0 - 1e-4, f)) / 2e-4
    assert np.isclose(slope, f**T, rtol=1e-6, atol=1e-12)
    print(f"constant forget gate {f}: dc_{T}/dc_0 = {slope:.2e}")
