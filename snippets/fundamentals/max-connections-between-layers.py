"""Worked MCQ: connections between a 10-node layer and a 5-node layer."""

import numpy as np

rng = np.random.default_rng(0)
n_in, n_hidden = 10, 5


def connections(layer):
    """Count (input, hidden) pairs where the hidden node depends on the input node."""
    x0 = rng.normal(size=n_in)
    jac = np.column_stack([layer(x0 + e) - layer(x0) for e in np.eye(n_in)])
    return int(np.count_nonzero(np.abs(jac) > 1e-12))


# Dense layer: every hidden node depends on every input node.
w, b = rng.normal(size=(n_hidden, n_in)), rng.normal(size=n_hidden)
dense_edges = connections(lambda x: w @ x + b)
print(f"dense layer {n_in} -> {n_hidden}: {dense_edges} connections")
print(f"parameters: {w.size} weights + {b.size} biases = {w.size + b.size}")
assert dense_edges == n_in * n_hidden == 50  # the maximum: every pair is connected

# Fewer connections are possible: a 1-D convolution, kernel 2, stride 2, no padding,
# also maps 10 inputs to 5 hidden nodes, each seeing 2 inputs with the same 2 weights.
kernel, stride = np.array([0.7, -1.3]), 2
n_out = (n_in - len(kernel)) // stride + 1


def conv1d(x):
    return np.array([kernel @ x[stride * i : stride * i + 2] for i in range(n_out)])


conv_edges = connections(conv1d)
print(f"1-D conv, kernel 2, stride 2: {n_out} outputs, {conv_edges} connections, 2 weights")
assert n_out == n_hidden and conv_edges == 10 < dense_edges
