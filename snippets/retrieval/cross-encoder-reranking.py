"""A toy retrieve-then-rerank pipeline: a single-vector bi-encoder retrieves k
candidates, a joint query-document scorer (a toy stand-in for a cross-encoder, not a
learned model) reranks them; ColBERT-style MaxSim reranks from stored token vectors."""

import numpy as np

rng = np.random.default_rng(0)
V, N, L, DIM, NQ = 5000, 3000, 20, 64, 300
emb = rng.normal(size=(V, DIM)) / np.sqrt(DIM)          # token embeddings, near-orthogonal
docs = rng.integers(V, size=(N, L))
target = rng.integers(N, size=NQ)
queries = np.array([np.r_[rng.choice(docs[t], 4, replace=False), rng.integers(V, size=1)]
                    for t in target])                  # 4 words from the target, 1 random


def unit(a):
    return a / np.linalg.norm(a, axis=-1, keepdims=True)


# Bi-encoder: one pooled vector per text, precomputed for every document.
doc_vec = unit(emb[docs].mean(1))
bi = unit(emb[queries].mean(1)) @ doc_vec.T            # (NQ, N), one matrix product


has = np.zeros((N, V), dtype=bool)
has[np.arange(N)[:, None], docs] = True


def cross(q, cands):
    """Stand-in for a cross-encoder: reads query and document tokens together (here:
    how many query words occur in the document). Its cost is one call per candidate."""
    return has[cands][:, q].sum(1)


def maxsim(q, cands):
    """ColBERT late interaction: each query token takes its best-matching document token."""
    return (emb[docs[cands]] @ emb[q].T).max(1).sum(1)


# With one token per text, late interaction is exactly the bi-encoder's dot product.
a, b = rng.integers(V, size=2)
assert np.isclose((emb[[a]] @ emb[[b]].T).max(1).sum(), emb[a] @ emb[b])

rank = np.argsort(-bi, 1)
print(f"bi-encoder alone: success@1 {np.mean(rank[:, 0] == target):.3f}")
results = {}
for k in (1, 10, 100, 1000):
    recall_k = np.mean([t in r[:k] for t, r in zip(target, rank)])
    top1 = [r[:k][np.argmax(cross(q, r[:k]))] for q, r in zip(queries, rank)]
    s = np.mean(np.array(top1) == target)
    results[k] = s
    print(f"rerank top {k:4d}: {k:4d} cross-encoder calls per query, first-stage recall@k "
          f"{recall_k:.3f}, success@1 {s:.3f}")
    assert s <= recall_k + 1e-12                       # a reranker cannot recover a missed document
    assert s == recall_k                               # this toy judge is perfect: it hits the ceiling
assert results[1] < results[10] < results[100]
col = [r[:100][np.argmax(maxsim(q, r[:100]))] for q, r in zip(queries, rank)]
print(f"MaxSim rerank of top 100: success@1 {np.mean(np.array(col) == target):.3f}, "
      f"storing {L} vectors per document instead of 1")
assert np.mean(np.array(col) == target) > results[1]
