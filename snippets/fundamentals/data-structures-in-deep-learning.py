"""Common deep-learning data structures: lookup tables, padded batches with masks, COO."""

from collections import deque

import numpy as np

rng = np.random.default_rng(0)

# 1. Vocabulary (hash map) + embedding table (a 2-D tensor): lookup = one-hot product.
vocab = {"<pad>": 0, "the": 1, "cat": 2, "sat": 3, "down": 4}
emb = rng.normal(size=(len(vocab), 3))
ids = np.array([vocab[w] for w in ["the", "cat", "sat"]])
one_hot = np.eye(len(vocab))[ids]
assert np.allclose(emb[ids], one_hot @ emb)
print("token ids:", ids.tolist(), "-> embeddings of shape", emb[ids].shape)

# 2. Ragged sequences -> padded tensor + boolean mask.
seqs = [[1, 2, 3], [1, 4], [2, 3, 4, 4]]
t_max = max(len(s) for s in seqs)
batch = np.zeros((len(seqs), t_max), dtype=np.int64)
mask = np.zeros((len(seqs), t_max), dtype=bool)
for i, s in enumerate(seqs):
    batch[i, : len(s)] = s
    mask[i, : len(s)] = True
vectors = emb[batch]  # (3, 4, 3)
mean = (vectors * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
print("padded batch:", batch.tolist())
assert np.allclose(mean[1], emb[[1, 4]].mean(axis=0))  # padding ignored
# Zero vectors at the padded positions still change an unmasked mean (it shrinks by 2/4).
zeroed = vectors * mask[..., None]
assert np.allclose(zeroed[1].mean(axis=0), 0.5 * mean[1])
ratio = zeroed[1].mean(axis=0) / mean[1]
print("unmasked / masked mean for [1, 4, pad, pad]:", np.round(ratio, 3))

# 3. A sparse graph: edges in COO form (two index arrays) versus a dense adjacency matrix.
n_nodes, n_edges = 10_000, 50_000
src = rng.integers(0, n_nodes, n_edges)
dst = rng.integers(0, n_nodes, n_edges)
coo_bytes = src.nbytes + dst.nbytes
dense_bytes = n_nodes * n_nodes * 4  # float32 adjacency
print(
    f"graph with {n_nodes} nodes, {n_edges} edges: COO {coo_bytes / 1e6:.1f} MB, "
    f"dense {dense_bytes / 1e6:.0f} MB"
)
assert dense_bytes / coo_bytes > 400
h = rng.normal(size=(n_nodes, 8))
agg = np.zeros_like(h)
np.add.at(agg, dst, h[src])  # message passing: sum of neighbours' features
assert np.allclose(agg[dst[0]], h[src[dst == dst[0]]].sum(axis=0))

# 4. A fixed-size replay buffer (ring buffer) as used in reinforcement learning.
buffer = deque(maxlen=3)
for step in range(5):
    buffer.append(step)
print("replay buffer after 5 inserts with capacity 3:", list(buffer))
assert list(buffer) == [2, 3, 4]
