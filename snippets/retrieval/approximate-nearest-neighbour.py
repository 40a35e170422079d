"""IVF and product quantisation on random clustered vectors: recall@10 against
exact search, distance computations per query and memory per vector."""

import numpy as np

rng = np.random.default_rng(0)
N, D, NQ, K = 5000, 32, 100, 10
centres = rng.normal(size=(50, D))
X = (centres[rng.integers(50, size=N)] + rng.normal(size=(N, D))).astype(np.float32)
Q = (centres[rng.integers(50, size=NQ)] + rng.normal(size=(NQ, D))).astype(np.float32)


def sq_dists(A, B):
    return (A * A).sum(1)[:, None] - 2 * A @ B.T + (B * B).sum(1)[None, :]


def kmeans(data, k, iters=10):
    c = data[rng.choice(len(data), k, replace=False)].copy()
    for _ in range(iters):
        a = sq_dists(data, c).argmin(1)
        n = np.bincount(a, minlength=k)
        s = np.zeros_like(c)
        np.add.at(s, a, data)
        c[n > 0] = s[n > 0] / n[n > 0, None]
    return c, sq_dists(data, c).argmin(1)


def recall(found, truth):
    return np.mean([len(set(f) & set(t)) / K for f, t in zip(found, truth)])


exact = np.argsort(sq_dists(Q, X), 1)[:, :K]          # brute force: N distances per query

# IVF: k-means into NLIST cells; a query scans only the NPROBE nearest cells.
NLIST = 64
coarse, cell = kmeans(X, NLIST)
lists = [np.flatnonzero(cell == j) for j in range(NLIST)]
print(f"IVF, {NLIST} lists; exact search computes {N} distances per query")
prev = -1.0
for nprobe in (1, 4, 16, 64):
    found, scanned = [], 0
    for q in Q:
        probe = np.argsort(((coarse - q) ** 2).sum(1))[:nprobe]
        cand = np.concatenate([lists[j] for j in probe])
        scanned += len(cand)
        found.append(cand[np.argsort(((X[cand] - q) ** 2).sum(1))[:K]])
    r = recall(found, exact)
    print(f"  nprobe={nprobe:2d}: recall@10 {r:.3f}, distances per query {scanned / NQ:7.1f}")
    assert r >= prev                       # more cells probed, never worse recall
    if nprobe == 4:                        # a few cells already find most neighbours, cheaply
        assert r > 0.95 and scanned / NQ < N / 10
    prev = r
assert prev == 1.0                         # probing every cell is exact search

# PQ: split each vector into M sub-vectors of D/M dims, quantise each with 256 centroids.
M, KS = 8, 256
sub = D // M
books, codes = [], np.zeros((N, M), dtype=np.uint8)
for m in range(M):
    c, a = kmeans(X[:, m * sub:(m + 1) * sub], KS, iters=8)
    books.append(c)
    codes[:, m] = a
recon = np.hstack([books[m][codes[:, m]] for m in range(M)])

# Asymmetric distance: per query, an M x 256 table; a vector's distance is M look-ups.
adc = np.zeros((NQ, N))
for m in range(M):
    table = sq_dists(Q[:, m * sub:(m + 1) * sub], books[m])          # (NQ, 256)
    adc += table[:, codes[:, m]]
assert np.allclose(adc, sq_dists(Q, recon), rtol=1e-3, atol=1e-2)    # = distance to the decoded vector

bytes_float, bytes_pq = X[0].nbytes, codes[0].nbytes
assert (bytes_float, bytes_pq) == (D * 4, M)
r_pq = recall(np.argsort(adc, 1)[:, :K], exact)
short = np.argsort(adc, 1)[:, :100]                                   # re-rank 100 with full vectors
rer = [s[np.argsort(((X[s] - q) ** 2).sum(1))[:K]] for s, q in zip(short, Q)]
r_rr = recall(rer, exact)
print(f"PQ, M={M} x 8 bits: {bytes_pq} bytes per vector instead of {bytes_float} "
      f"({bytes_float // bytes_pq}x smaller)")
print(f"  recall@10 from PQ distances alone: {r_pq:.3f}")
print(f"  recall@10 after re-ranking the top 100 exactly: {r_rr:.3f}")
assert r_pq < r_rr <= 1.0
