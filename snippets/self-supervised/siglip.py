"""SigLIP's pairwise sigmoid loss: sums over independent pairs, and starts balanced with b = -10."""

import numpy as np

rng = np.random.default_rng(0)


def normalise(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def log_sigmoid(x):
    return -np.logaddexp(0.0, -x)


def sigmoid_loss(u, v, t, b):
    """-(1/N) sum_ij log sigmoid(z_ij (t u_i.v_j + b)), z = +1 on the diagonal, -1 elsewhere."""
    z = 2 * np.eye(len(u), len(v)) - 1
    return -log_sigmoid(z * (t * u @ v.T + b)).sum() / len(u)


def softmax_i2t(u, v, t):
    s = t * u @ v.T
    m = s.max(1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(s - m).sum(1))
    return (lse - np.diag(s)).sum() / len(u)


N, d, t, b = 16, 8, 10.0, -10.0
u, v = normalise(rng.normal(size=(N, d))), normalise(rng.normal(size=(N, d)))

# 1. Split the batch over 4 "devices": the sigmoid loss is the sum of 4 x 4 independent blocks.
blocks = np.array_split(np.arange(N), 4)
total = 0.0
for rows in blocks:
    for cols in blocks:
        s = t * u[rows] @ v[cols].T + b
        z = np.where(rows[:, None] == cols[None, :], 1.0, -1.0)
        total += -log_sigmoid(z * s).sum()
total /= N
print(f"sigmoid loss: full matrix {sigmoid_loss(u, v, t, b):.6f}, sum of blocks {total:.6f}")
assert abs(total - sigmoid_loss(u, v, t, b)) < 1e-12

# The softmax (CLIP) loss of a block is not a piece of the full loss: each row's normaliser
# needs the similarities to all N texts.
local = sum(softmax_i2t(u[r], v[r], t) * len(r) for r in blocks) / N
print(f"softmax loss: full {softmax_i2t(u, v, t):.4f}, device-local normalisers {local:.4f}")
assert abs(local - softmax_i2t(u, v, t)) > 0.5

# 2. Start of training, embeddings unrelated (cosines near 0), batch of 1024:
# N positives but N^2 - N negatives per batch.
N = 1024
u, v = normalise(rng.normal(size=(N, 512))), normalise(rng.normal(size=(N, 512)))
z = 2 * np.eye(N) - 1
for bias in (0.0, -10.0):
    loss = sigmoid_loss(u, v, 10.0, bias)
    # d loss / d b = -(1/N) sum_ij z_ij sigmoid(-z_ij x_ij): how hard the first steps push b.
    x = 10.0 * u @ v.T + bias
    grad_b = -(z / (1 + np.exp(z * x))).sum() / N
    print(f"t = 10, b = {bias:>5}: initial loss per image {loss:.3f}, d loss / d b = {grad_b:.3f}")
assert abs(sigmoid_loss(u, v, 10.0, 0.0) - N * np.log(2)) < 0.05 * N  # about N log 2
assert sigmoid_loss(u, v, 10.0, -10.0) < 10.1  # about log(1 + e^10) for the one positive
assert sigmoid_loss(u, v, 10.0, -10.0) < 0.02 * sigmoid_loss(u, v, 10.0, 0.0)
