"""Trace shapes and parameter counts through a LeNet-5-style CNN in NumPy."""

import numpy as np

rng = np.random.default_rng(0)


def conv(x, c_out, k, p=0):
    """Valid/zero-padded conv, stride 1. Returns output and parameter count."""
    c_in = x.shape[0]
    w = rng.standard_normal((c_out, c_in, k, k)) * np.sqrt(2 / (c_in * k * k))
    b = np.zeros(c_out)
    x = np.pad(x, ((0, 0), (p, p), (p, p)))
    h, wd = x.shape[1] - k + 1, x.shape[2] - k + 1
    y = np.empty((c_out, h, wd))
    for i in range(h):
        for j in range(wd):
            y[:, i, j] = np.tensordot(w, x[:, i : i + k, j : j + k], axes=3) + b
    return y, w.size + b.size


def max_pool(x):
    c, h, w = x.shape
    return x.reshape(c, h // 2, 2, w // 2, 2).max(axis=(2, 4)), 0


def dense(x, n_out):
    w = rng.standard_normal((n_out, x.size)) * np.sqrt(2 / x.size)
    b = np.zeros(n_out)
    return w @ x + b, w.size + b.size


def relu(x):
    return np.maximum(x, 0), 0


def dense_relu(x, n_out):
    y, n_params = dense(x, n_out)
    return np.maximum(y, 0), n_params


x = rng.standard_normal((1, 28, 28))  # one grey-scale 28x28 image
layers = [
    ("conv 5x5, 6 filters, p=2", lambda t: conv(t, 6, 5, p=2)),
    ("ReLU", relu),
    ("max pool 2x2", max_pool),
    ("conv 5x5, 16 filters", lambda t: conv(t, 16, 5)),
    ("ReLU", relu),
    ("max pool 2x2", max_pool),
    ("flatten", lambda t: (t.ravel(), 0)),
    ("dense 120 + ReLU", lambda t: dense_relu(t, 120)),
    ("dense 84 + ReLU", lambda t: dense_relu(t, 84)),
    ("dense 10", lambda t: dense(t, 10)),
    ("softmax", lambda t: (np.exp(t - t.max()) / np.exp(t - t.max()).sum(), 0)),
]
expected_shapes = [
    (6, 28, 28), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 10, 10),
    (16, 5, 5), (400,), (120,), (84,), (10,), (10,),
]  # fmt: skip
expected_params = [156, 0, 0, 2_416, 0, 0, 0, 48_120, 10_164, 850, 0]

total = 0
print(f"{'input':26s} {x.shape!s:14s}")
for (name, layer), shape, n_exp in zip(layers, expected_shapes, expected_params):
    x, n_params = layer(x)
    assert x.shape == shape and n_params == n_exp, name
    total += n_params
    print(f"{name:26s} {x.shape!s:14s} params {n_params:>6,}")

assert np.isclose(x.sum(), 1.0) and total == 61_706
print(f"total parameters: {total:,}; output sums to {x.sum():.1f}")
