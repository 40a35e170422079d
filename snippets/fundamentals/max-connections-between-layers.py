"""Worked MCQ: connections between a 10-node layer and a 5-node layer."""

import itertools

import numpy as np

n_in, n_hidden = 10, 5
pairs = list(itertools.product(range(n_in), range(n_hidden)))  # every possible edge
w = np.zeros((n_hidden, n_in))  # one weight per connection in a dense layer
print(f"possible (input, hidden) pairs: {len(pairs)}")
print(f"dense weight matrix shape {w.shape}: {w.size} weights, plus {n_hidden} biases")
assert len(pairs) == w.size == 50
assert w.size + n_hidden == 55  # parameters, not connections

# Fewer connections are possible: a 1-D convolution, kernel 2, stride 2, no padding,
# also maps 10 inputs to 5 hidden nodes. Write it as a 5 x 10 matrix and count edges.
kernel, stride = np.array([0.7, -1.3]), 2
n_out = (n_in - len(kernel)) // stride + 1
conv = np.zeros((n_out, n_in))
for i in range(n_out):
    conv[i, stride * i : stride * i + len(kernel)] = kernel
x = np.arange(1.0, n_in + 1)
assert np.allclose(conv @ x, [kernel @ x[2 * i : 2 * i + 2] for i in range(n_out)])
edges = np.count_nonzero(conv)
shared = len(np.unique(conv[conv != 0]))
print(
    f"1-D conv, kernel 2, stride 2: {n_out} outputs, {edges} connections, {shared} weights"
)
assert n_out == n_hidden and edges == 10 and shared == 2
assert edges < n_in * n_hidden
