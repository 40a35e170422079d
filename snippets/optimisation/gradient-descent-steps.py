"""The five steps of gradient descent, in order, training a small network on XOR."""

import numpy as np

X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = np.array([0.0, 1.0, 1.0, 0.0])

# Step 1: initialise weights and biases randomly.
rng = np.random.default_rng(0)
params = {
    "W1": rng.normal(scale=1.0, size=(2, 8)),
    "b1": np.zeros(8),
    "w2": rng.normal(scale=1.0, size=8),
    "b2": np.zeros(1),
}


def forward(p):
    h = np.tanh(X @ p["W1"] + p["b1"])
    out = 1 / (1 + np.exp(-(h @ p["w2"] + p["b2"])))
    return h, out


def error(out):
    return -np.mean(y * np.log(out) + (1 - y) * np.log(1 - out))  # cross-entropy


def loss_fn(p):
    return error(forward(p)[1])


def gradients(p, h, out):
    d_z2 = (out - y) / len(y)  # d loss / d logit for sigmoid + cross-entropy
    d_h = np.outer(d_z2, p["w2"]) * (1 - h**2)
    return {
        "W1": X.T @ d_h,
        "b1": d_h.sum(0),
        "w2": h.T @ d_z2,
        "b2": d_z2.sum(keepdims=True),
    }


# Backpropagated gradients agree with finite differences (central, h = 1e-6).
g = gradients(params, *forward(params))
for name, value in params.items():
    for idx in np.ndindex(value.shape):
        old = value[idx]
        value[idx] = old + 1e-6
        up = loss_fn(params)
        value[idx] = old - 1e-6
        down = loss_fn(params)
        value[idx] = old
        assert abs((up - down) / 2e-6 - g[name][idx]) < 1e-7

eta, history = 0.5, []
for _ in range(2000):
    h, out = forward(params)  # Step 2: forward pass, get the outputs
    history.append(error(out))  # Step 3: error between outputs and targets
    g = gradients(params, h, out)  # Step 4: backprop the error to every parameter
    for name in params:
        params[name] -= eta * g[name]  # ...and move each parameter against it
    # Step 5: repeat until the loss stops improving (here: a fixed budget).

_, out = forward(params)
assert history[-1] < 0.05 < history[0]
assert np.array_equal(out > 0.5, y > 0.5)
for k in (0, 100, 500, 1999):
    print(f"iteration {k:4d}: loss {history[k]:.4f}")
print(f"outputs after training: {np.round(out, 3)} (targets {y})")
