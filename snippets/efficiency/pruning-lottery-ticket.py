"""Unstructured, 2:4 and structured pruning of an MLP: accuracy cost versus real savings."""

import numpy as np

rng = np.random.default_rng(0)
d_in, h, d_out, n = 64, 256, 32, 2000
W1 = rng.normal(0, 1, (d_in, h)) / np.sqrt(d_in) * rng.lognormal(0, 0.5, h)  # uneven neurons
W2 = rng.normal(0, 1, (h, d_out)) / np.sqrt(h)
X = rng.normal(size=(n, d_in))


def mlp(x, w1, w2):
    return np.maximum(x @ w1, 0) @ w2


Y = mlp(X, W1, W2)


def rel_err(y_hat):
    return np.linalg.norm(Y - y_hat) / np.linalg.norm(Y)


def magnitude_mask(w, sparsity):
    """Unstructured: zero the smallest-magnitude fraction of the weights."""
    return np.abs(w) > np.quantile(np.abs(w), sparsity)


def two_four_mask(w):
    """Semi-structured 2:4: in each group of 4 consecutive inputs keep the 2 largest."""
    g = np.abs(w.T).reshape(w.shape[1], -1, 4)
    keep = np.argsort(g, axis=-1)[..., 2:]
    m = np.zeros_like(g, bool)
    np.put_along_axis(m, keep, True, axis=-1)
    return m.reshape(w.shape[1], -1).T


# 1. Remove 50% of the weights of both layers in three ways.
unstructured = mlp(X, W1 * magnitude_mask(W1, 0.5), W2 * magnitude_mask(W2, 0.5))
m1, m2 = two_four_mask(W1), two_four_mask(W2)
assert m1.mean() == 0.5 and np.all(m1.T.reshape(h, -1, 4).sum(-1) == 2)
semi = mlp(X, W1 * m1, W2 * m2)
score = np.linalg.norm(W1, axis=0) * np.linalg.norm(W2, axis=1)  # importance of each neuron
keep = np.sort(np.argsort(score)[h // 2:])                        # drop the weakest half
structured = mlp(X, W1[:, keep], W2[keep])
errs = [rel_err(unstructured), rel_err(semi), rel_err(structured)]
print(f"50% of weights removed, relative output error: unstructured {errs[0]:.3f}, "
      f"2:4 {errs[1]:.3f}, structured (half the neurons) {errs[2]:.3f}")
assert errs[0] < min(errs[1], errs[2])  # the unconstrained choice loses least

# 2. Structured pruning gives a smaller dense network with exactly the same outputs as the
#    masked one, and half the FLOPs on any hardware.
mask = np.zeros(h, bool)
mask[keep] = True
assert np.allclose(structured, mlp(X, W1 * mask, W2 * mask[:, None]))
flops_dense = 2 * (d_in * h + h * d_out)
flops_small = 2 * (d_in * len(keep) + len(keep) * d_out)
print(f"FLOPs per example: dense {flops_dense:,}, structured {flops_small:,} "
      f"({flops_small / flops_dense:.0%})")
assert flops_small * 2 == flops_dense

# 3. Unstructured sparsity saves nothing unless the format and kernel exploit it: a dense
#    kernel still multiplies the zeros, and CSR storage in 16-bit values with 16-bit column
#    indices (plus row pointers) is larger than the dense matrix at 50% sparsity.
csr = {}
for sparsity in (0.5, 0.9):
    nnz = int(magnitude_mask(W1, sparsity).sum())
    csr[sparsity] = nnz * (2 + 2) + (d_in + 1) * 4  # values, column indices, row pointers
    print(f"W1 at {sparsity:.0%} sparsity: dense {W1.size * 2:,} B, CSR {csr[sparsity]:,} B")
assert csr[0.5] > W1.size * 2 > csr[0.9]
