"""Forward propagation step by step, and a check that a batched pass equals a loop."""

import itertools

import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))  # shift for numerical stability
    return e / e.sum(axis=-1, keepdims=True)


def forward(x, layers):
    """x: (batch, n_in). Each layer is (W, b, activation) with W of shape (n_out, n_in)."""
    a = x
    for w, b, act in layers:
        z = a @ w.T + b  # affine step, row-per-example convention
        a = act(z)  # non-linearity
    return a


# Worked example from the page: 2 inputs -> 3 ReLU units -> 2 softmax outputs.
x = np.array([1.0, -1.0])
w1 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
b1 = np.array([0.0, 0.0, 0.5])
w2 = np.array([[2.0, 1.0, 0.0], [0.0, 1.0, -2.0]])
b2 = np.array([0.0, 1.0])

z1 = w1 @ x + b1
a1 = relu(z1)
z2 = w2 @ a1 + b2
p = softmax(z2)
loss = -np.log(p[0])  # the true class is class 0
print("step 1  z1 = W1 x + b1 =", z1)
print("step 2  a1 = relu(z1)  =", a1)
print("step 3  z2 = W2 a1 + b2 =", z2)
print("step 4  p = softmax(z2) =", p.round(4))
print(f"step 5  loss = -log p[0] = {loss:.4f}")
assert np.allclose(z1, [1, -1, 0.5]) and np.allclose(a1, [1, 0, 0.5])
assert np.allclose(z2, [2, 0])
assert np.isclose(p[0], np.exp(2) / (np.exp(2) + 1))
assert np.isclose(loss, np.log1p(np.exp(-2)))

# A batch of 5 examples through a random 4 -> 8 -> 8 -> 3 network.
rng = np.random.default_rng(0)
sizes = [4, 8, 8, 3]
layers = []
for n_in, n_out in itertools.pairwise(sizes):
    act = softmax if n_out == sizes[-1] else relu
    layers.append((rng.normal(size=(n_out, n_in)), rng.normal(size=n_out), act))
batch = rng.normal(size=(5, 4))
out = forward(batch, layers)
looped = np.stack([forward(row[None, :], layers)[0] for row in batch])
print("batch in", batch.shape, "-> out", out.shape)
print("row sums of softmax output:", out.sum(axis=1).round(6))
assert out.shape == (5, 3)
assert np.allclose(out.sum(axis=1), 1.0)
assert np.allclose(out, looped)
# Count the multiply-adds of one example with scalar loops, and check that the loop
# computes the same output: the count should equal the number of weights.
macs, a = 0, batch[0]
for w, b, act in layers:
    z = b.copy()
    for i, j in itertools.product(range(w.shape[0]), range(w.shape[1])):
        z[i] += w[i, j] * a[j]
        macs += 1
    a = act(z)
n_weights = sum(w.size for w, _, _ in layers)
print(f"multiply-adds per example (counted): {macs}; weights: {n_weights}")
assert np.allclose(a, out[0]) and macs == n_weights
