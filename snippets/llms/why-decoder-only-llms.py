"""Training signal per sequence (next-token vs masked tokens) and causal attention rank."""

import numpy as np

rng = np.random.default_rng(0)
n = 2048  # tokens in one training sequence
tokens = rng.integers(0, 50_000, size=n)

# Next-token prediction: inputs tokens[:-1], targets tokens[1:], loss at every position.
clm_targets = tokens[1:]
clm_loss_positions = np.ones(n - 1, dtype=bool)

# Masked LM (BERT recipe): each position is selected with probability 0.15 and
# only the selected positions enter the loss.
mlm_loss_positions = rng.random(n) < 0.15

n_clm, n_mlm = int(clm_loss_positions.sum()), int(mlm_loss_positions.sum())
assert n_clm == len(clm_targets) == n - 1
expected_mlm = 0.15 * n  # expected number of loss positions under the BERT recipe
assert n_clm / expected_mlm > 6
print(f"{n}-token sequence: next-token targets {n_clm}, masked-LM targets "
      f"{expected_mlm:.1f} expected ({n_mlm} in this draw), "
      f"{n_clm / expected_mlm:.1f}x more with next-token prediction")


# A hypothesis sometimes quoted: causal attention matrices are always full rank.
def attention_weights(x, causal):
    s = x @ x.T / np.sqrt(x.shape[1])
    if causal:
        s = np.where(np.tril(np.ones((len(x), len(x)), dtype=bool)), s, -np.inf)
    a = np.exp(s - s.max(-1, keepdims=True))
    return a / a.sum(-1, keepdims=True)


x = rng.normal(size=(6, 4))
x[4] = x[1]  # the same token vector twice (no position information)
bi, ca = attention_weights(x, causal=False), attention_weights(x, causal=True)
rank_bi, rank_ca = np.linalg.matrix_rank(bi), np.linalg.matrix_rank(ca)
# Lower-triangular with a strictly positive diagonal: determinant = product of diagonal.
assert np.allclose(np.triu(ca, 1), 0) and (np.diag(ca) > 0).all()
assert np.isclose(np.linalg.det(ca), np.prod(np.diag(ca)))
assert rank_ca == 6 and rank_bi < 6 and np.allclose(bi[1], bi[4])
print(f"6 tokens, two identical: bidirectional weights rank {rank_bi}, causal rank {rank_ca}")
