"""Data, tensor and pipeline parallelism on a two-layer MLP: each gives the same result."""

import numpy as np

rng = np.random.default_rng(0)
B, d, h, N = 8, 6, 16, 4  # batch, width, hidden width, number of devices
X, T = rng.normal(size=(B, d)), rng.normal(size=(B, d))
W1, W2 = rng.normal(size=(d, h)) / np.sqrt(d), rng.normal(size=(h, d)) / np.sqrt(h)


def grads(x, t, w1, w2):
    """Gradients of the mean over examples of 0.5 * ||relu(x W1) W2 - t||^2."""
    z = x @ w1
    a = np.maximum(z, 0)
    dy = (a @ w2 - t) / len(x)
    return x.T @ ((dy @ w2.T) * (z > 0)), a.T @ dy


full = grads(X, T, W1, W2)

# Data parallel: each device has the whole model and B/N examples; the all-reduce
# averages their gradients, which equals the full-batch gradient.
local = [grads(x, t, W1, W2) for x, t in zip(np.split(X, N), np.split(T, N), strict=True)]
dp = [sum(g[i] for g in local) / N for i in range(2)]
assert all(np.allclose(a, b) for a, b in zip(dp, full, strict=True))
print(f"data parallel: mean of {N} shard gradients == full-batch gradient")

# Tensor parallel (Megatron MLP): W1 split by columns, W2 by rows. Each device computes
# relu(X W1_i) W2_i without talking to the others; one all-reduce sums the partial outputs.
Y = np.maximum(X @ W1, 0) @ W2
parts = [np.maximum(X @ w1, 0) @ w2
         for w1, w2 in zip(np.split(W1, N, axis=1), np.split(W2, N, axis=0), strict=True)]
assert np.allclose(sum(parts), Y)
print(f"tensor parallel: sum of {N} partial outputs == full output "
      f"(each device holds {W1.size // N + W2.size // N} of {W1.size + W2.size} weights)")

# Splitting W1 by rows instead would need a sum BEFORE the ReLU: relu(sum) != sum(relu).
row_parts = [np.maximum(x @ w, 0) for x, w in
             zip(np.split(X, 2, axis=1), np.split(W1, 2, axis=0), strict=True)]
assert not np.allclose(sum(row_parts), np.maximum(X @ W1, 0))
print("row-split W1: summing after the ReLU is wrong, so it costs an extra all-reduce")

# Pipeline parallel: layer 1 on device 0, layer 2 on device 1, the batch cut into
# micro-batches; accumulating micro-batch gradients equals the full-batch gradient.
m = 4
acc = [np.zeros_like(W1), np.zeros_like(W2)]
sent = 0
for x, t in zip(np.split(X, m), np.split(T, m), strict=True):
    a = np.maximum(x @ W1, 0)  # stage 0 forward, then send a to stage 1
    sent += a.size
    dy = (a @ W2 - t) / B      # stage 1: loss is a mean over the whole batch
    acc[1] += a.T @ dy
    da = dy @ W2.T             # send da back to stage 0
    sent += da.size
    acc[0] += x.T @ (da * (x @ W1 > 0))
assert all(np.allclose(a, b) for a, b in zip(acc, full, strict=True))
assert sent == 2 * B * h
print(f"pipeline parallel: {m} micro-batches accumulate the full-batch gradient; "
      f"{sent} activation values crossed the stage boundary")

# Communication per step for this MLP, in values:
print(f"per step: data parallel all-reduces {W1.size + W2.size} gradient values; "
      f"tensor parallel all-reduces {Y.size} outputs (and as many in backward)")
