"""PagedAttention: a KV cache in fixed-size blocks gives exact attention with little waste."""

import numpy as np

rng = np.random.default_rng(0)
BLOCK, D = 16, 8  # tokens per block, head size


class BlockPool:
    """Physical KV blocks, handed out in scattered order, with reference counts."""

    def __init__(self, n_blocks):
        self.k = np.zeros((n_blocks, BLOCK, D))
        self.v = np.zeros((n_blocks, BLOCK, D))
        self.free = list(rng.permutation(n_blocks))
        self.refs = np.zeros(n_blocks, int)

    def alloc(self):
        b = self.free.pop()
        self.refs[b] = 1
        return b

    def used(self):
        return int((self.refs > 0).sum())


class Sequence:
    def __init__(self, pool, table=None, length=0):
        self.pool, self.table, self.len = pool, list(table or []), length
        for b in self.table:
            pool.refs[b] += 1  # shared with the parent: no copy yet

    def append(self, k, v):
        pool, slot = self.pool, self.len % BLOCK
        if slot == 0:
            self.table.append(pool.alloc())
        elif pool.refs[self.table[-1]] > 1:  # copy-on-write of a shared, partly full block
            old, new = self.table[-1], pool.alloc()
            pool.k[new], pool.v[new] = pool.k[old], pool.v[old]
            pool.refs[old] -= 1
            self.table[-1] = new
        pool.k[self.table[-1], slot], pool.v[self.table[-1], slot] = k, v
        self.len += 1

    def attend(self, q):
        """Attention for one query, reading the cache block by block through the table."""
        k = self.pool.k[self.table].reshape(-1, D)[: self.len]
        v = self.pool.v[self.table].reshape(-1, D)[: self.len]
        s = k @ q / np.sqrt(D)
        w = np.exp(s - s.max())
        return (w / w.sum()) @ v


def reference(k, v, q):
    s = k @ q / np.sqrt(D)
    w = np.exp(s - s.max())
    return (w / w.sum()) @ v


# 1. Sequences of different lengths grow token by token in scattered physical blocks;
#    attention through the block table equals attention over a contiguous cache.
pool = BlockPool(64)
lengths = [37, 5, 80, 16]
seqs, dense = [Sequence(pool) for _ in lengths], []
for s, n in zip(seqs, lengths):
    k, v = rng.normal(size=(2, n, D))
    for i in range(n):
        s.append(k[i], v[i])
    dense.append((k, v))
q = rng.normal(size=D)
for s, (k, v) in zip(seqs, dense):
    assert np.allclose(s.attend(q), reference(k, v, q))
need = sum(-(-n // BLOCK) for n in lengths)
assert pool.used() == need
print(f"lengths {lengths}: {pool.used()} blocks of {BLOCK} tokens, tables e.g. "
      f"{[int(b) for b in seqs[0].table]}; paged attention == contiguous attention")

# 2. Parallel sampling: 4 continuations of one 40-token prompt share its blocks and copy
#    only the partly filled last block when they diverge (copy-on-write).
pool = BlockPool(64)
parent = Sequence(pool)
pk, pv = rng.normal(size=(2, 40, D))
for i in range(40):
    parent.append(pk[i], pv[i])
children = [Sequence(pool, parent.table, parent.len) for _ in range(4)]
for c in children:
    ck, cv = rng.normal(size=(2, 10, D))
    for i in range(10):
        c.append(ck[i], cv[i])
    assert np.allclose(c.attend(q), reference(np.vstack([pk, ck]), np.vstack([pv, cv]), q))
unshared = 4 * -(-50 // BLOCK)
print(f"4 samples of 40+10 tokens: {pool.used()} blocks with sharing, {unshared} without")
assert pool.used() == 3 + 4 * 2 < unshared  # 3 prompt blocks (the last kept by parent)

# 3. Memory waste: reserving the maximum length per request versus paging.
max_len = 2048
final = rng.integers(50, 600, 1000) + rng.geometric(1 / 300, 1000).clip(max=max_len - 600)
reserved, paged = final.size * max_len, int((-(-final // BLOCK) * BLOCK).sum())
print(f"1000 requests, mean final length {final.mean():.0f}: tokens stored / memory used "
      f"= {final.sum() / reserved:.1%} when reserving {max_len}, "
      f"{final.sum() / paged:.1%} with {BLOCK}-token blocks")
assert (paged - final.sum()) < BLOCK * final.size and final.sum() / paged > 0.97
