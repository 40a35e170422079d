"""Layers of a 784-128-32-128-784 autoencoder: shapes, parameters, tied weights."""

import itertools

import numpy as np


def relu(a):
    return np.maximum(a, 0.0)


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


rng = np.random.default_rng(0)
sizes = [784, 128, 32, 128, 784]  # input, encoder hidden, code, decoder hidden, output
layers = [
    (rng.normal(0, np.sqrt(2 / m), size=(m, k)), np.zeros(k))
    for m, k in itertools.pairwise(sizes)
]

x = rng.uniform(size=(4, 784))  # a batch of 4 flattened 28x28 images in [0, 1]
a, acts = x, []
names = ["encoder hidden", "code (bottleneck)", "decoder hidden", "output"]
for i, ((W, b), name) in enumerate(zip(layers, names)):
    a = a @ W + b
    a = sigmoid(a) if i == len(layers) - 1 else relu(a)
    acts.append(a)
    print(f"{name:18s} {a.shape}")
code = acts[1]
assert code.shape == (4, 32) and a.shape == x.shape
assert np.all((a > 0) & (a < 1))  # sigmoid output matches inputs in [0, 1]

n_params = sum(W.size + b.size for W, b in layers)
assert n_params == 100_480 + 4_128 + 4_224 + 101_136 == 209_968
print(f"parameters: {n_params:,}")

# Tied weights: decoder layer j reuses the transpose of the matching encoder matrix.
tied = sum(W.size for W, _ in layers[:2]) + sum(b.size for _, b in layers)
assert tied == 105_520
print(f"parameters with tied weights: {tied:,}")
print(f"compression ratio: {784 / 32:.1f}x")
