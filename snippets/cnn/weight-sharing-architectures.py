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


n_params = w_x.size + w_h.size + b.size  # d_h*d_in + d_h^2 + d_h = 32
for steps in (5, 50):
    value = rnn_loss(
        w_h, rng.standard_normal((steps, d_in))
    )  # same weights, any length
    print(f"RNN over {steps:2d} steps: {n_params} parameters, loss {value:.3f}")

xs = rng.standard_normal((6, d_in))
grad, contribs = rnn_grad_w_h(w_h, xs)
eps = 1e-6
numeric = np.zeros_like(w_h)
for idx in np.ndindex(*w_h.shape):
    e = np.zeros_like(w_h)
    e[idx] = eps
    numeric[idx] = (rnn_loss(w_h + e, xs) - rnn_loss(w_h - e, xs)) / (2 * eps)
assert np.allclose(
    grad, numeric, atol=1e-7
)  # the summed per-step terms are the gradient
assert not np.allclose(contribs[0], numeric, atol=1e-3)  # the last step alone is not
print(
    f"BPTT: dL/dW_h = sum of {len(contribs)} per-step terms; matches finite diff:", True
)

# --- Siamese network: one encoder applied to both inputs. ---
w_left, w_right = rng.standard_normal((2, 4, 5))


def encode(w, v):
    return np.maximum(w @ v, 0)


def dist(w1, w2, u, v):
    return np.linalg.norm(encode(w1, u) - encode(w2, v))


a, c = rng.standard_normal((2, 5))
assert dist(w_left, w_left, a, a) == 0 and dist(w_left, w_right, a, a) > 0
assert dist(w_left, w_left, a, c) == dist(w_left, w_left, c, a)  # shared: symmetric
assert not np.isclose(dist(w_left, w_right, a, c), dist(w_left, w_right, c, a))
print(
    f"d(a, a): shared {dist(w_left, w_left, a, a)}, untied "
    f"{dist(w_left, w_right, a, a):.3f}; untied d(a, c) vs d(c, a): "
    f"{dist(w_left, w_right, a, c):.3f} vs {dist(w_left, w_right, c, a):.3f}"
)

# --- Tied linear autoencoder x -> W^T W x: half the weights (256 instead of 512), and the
# one shared W gets one gradient, the sum of its encoder and decoder contributions. ---
w_ae = rng.standard_normal((8, 32)) * 0.2
x = rng.standard_normal(32)


def ae_loss(w_enc, w_dec):
    return 0.5 * np.sum((w_dec.T @ (w_enc @ x) - x) ** 2)


r = w_ae.T @ (w_ae @ x) - x
g_enc = np.outer(w_ae @ r, x)  # d loss / d W used as encoder
g_dec = np.outer(w_ae @ x, r)  # d loss / d W used as decoder
num = np.zeros_like(w_ae)
for idx in np.ndindex(*w_ae.shape):
    e = np.zeros_like(w_ae)
    e[idx] = eps
    num[idx] = (ae_loss(w_ae + e, w_ae + e) - ae_loss(w_ae - e, w_ae - e)) / (2 * eps)
assert np.allclose(num, g_enc + g_dec, atol=1e-6)
print(
    f"tied autoencoder 32->8->32: {w_ae.size} weights instead of {2 * w_ae.size}; "
    "gradient = encoder part + decoder part:",
    True,
)
