"""Check weight sharing across time in an RNN and across branches in a Siamese net."""

import numpy as np

rng = np.random.default_rng(0)
d_in, d_h = 3, 4

# --- RNN: the same (W_x, W_h, b) at every time step. ---
w_x = rng.standard_normal((d_h, d_in)) * 0.5
w_h = rng.standard_normal((d_h, d_h)) * 0.5
b = np.zeros(d_h)


def rnn_loss(w_h, xs):
    h = np.zeros(d_h)
    for x in xs:
        h = np.tanh(w_x @ x + w_h @ h + b)
    return 0.5 * np.sum(h**2)


def rnn_grad_w_h(w_h, xs):
    """Backprop through time: one gradient contribution per step, summed."""
    hs = [np.zeros(d_h)]
    for x in xs:
        hs.append(np.tanh(w_x @ x + w_h @ hs[-1] + b))
    grad, dh = np.zeros_like(w_h), hs[-1]
    contributions = []
    for t in range(len(xs), 0, -1):
        dz = dh * (1 - hs[t] ** 2)
        contributions.append(np.outer(dz, hs[t - 1]))
        grad += contributions[-1]
        dh = w_h.T @ dz
    return grad, contributions


n_params = w_x.size + w_h.size + b.size
for steps in (5, 50):
    value = rnn_loss(
        w_h, rng.standard_normal((steps, d_in))
    )  # same weights, any length
    print(f"RNN over {steps:2d} steps: {n_params} parameters, loss {value:.3f}")
assert n_params == d_h * d_in + d_h * d_h + d_h == 32

xs = rng.standard_normal((6, d_in))
grad, contribs = rnn_grad_w_h(w_h, xs)
eps = 1e-6
numeric = np.zeros_like(w_h)
for idx in np.ndindex(*w_h.shape):
    e = np.zeros_like(w_h)
    e[idx] = eps
    numeric[idx] = (rnn_loss(w_h + e, xs) - rnn_loss(w_h - e, xs)) / (2 * eps)
assert np.allclose(grad, numeric, atol=1e-7)
assert np.allclose(np.sum(contribs, axis=0), grad)
print(
    f"BPTT: dL/dW_h = sum of {len(contribs)} per-step terms; matches finite diff:", True
)

# --- Siamese network: one encoder applied to both inputs. ---
w_left, w_right = rng.standard_normal((2, 2, 5))


def encode(w, v):
    return np.maximum(w @ v, 0)


a = rng.standard_normal(5)
shared = np.linalg.norm(encode(w_left, a) - encode(w_left, a))
untied = np.linalg.norm(encode(w_left, a) - encode(w_right, a))
assert shared == 0 and untied > 0
print(f"distance of an input to itself: shared branches {shared}, untied {untied:.3f}")

# --- Tied autoencoder: decoder uses the transpose of the encoder matrix. ---
w_ae = rng.standard_normal((8, 32))
untied, tied = 2 * w_ae.size, w_ae.size
assert tied * 2 == untied == 512
print(f"autoencoder 32->8->32 weights: untied {untied}, tied {tied}")
