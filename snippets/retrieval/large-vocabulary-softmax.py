"""Hierarchical softmax sums to 1 with ~log2 V decisions; sampled softmax needs the
log Q correction to get the full-softmax gradient right on average."""

import heapq

import numpy as np

rng = np.random.default_rng(0)
V, d = 16, 8
freq = 1.0 / np.arange(1, V + 1)  # Zipf-like word frequencies
freq /= freq.sum()

# 1. Huffman tree over the vocabulary (as in word2vec's hierarchical softmax).
heap = [(f, i, (i,)) for i, f in enumerate(freq)]  # (weight, tie-break, node)
heapq.heapify(heap)
counter = V
while len(heap) > 1:
    f1, _, a = heapq.heappop(heap)
    f2, _, b = heapq.heappop(heap)
    heapq.heappush(heap, (f1 + f2, counter, (a, b)))
    counter += 1
paths = {}  # word -> list of (inner node id, direction +1 left / -1 right)
inner = {}


def walk(node, path):
    if len(node) == 1 and isinstance(node[0], int):
        paths[node[0]] = path
        return
    nid = inner.setdefault(id(node), len(inner))
    walk(node[0], [*path, (nid, 1.0)])
    walk(node[1], [*path, (nid, -1.0)])


walk(heap[0][2], [])
theta = rng.normal(size=(len(inner), d))  # one vector per inner node (V - 1 of them)
assert len(inner) == V - 1


def hs_prob(h, w):
    """p(w | h) = product over the path of sigmoid(+-theta_node . h)."""
    return np.prod([1 / (1 + np.exp(-s * theta[n] @ h)) for n, s in paths[w]])


for _ in range(5):
    h = rng.normal(size=d)
    total = sum(hs_prob(h, w) for w in range(V))
    assert abs(total - 1.0) < 1e-12  # a proper distribution, no normaliser needed
lengths = np.array([len(paths[w]) for w in range(V)])
avg_len = float(freq @ lengths)
entropy = float(-(freq * np.log2(freq)).sum())
print(f"hierarchical softmax: probabilities sum to 1; {V - 1} inner nodes")
print(f"path lengths {lengths.min()}..{lengths.max()}, expected {avg_len:.3f}"
      f" (entropy {entropy:.3f} bits, log2 V = {np.log2(V):.0f})")
assert entropy <= avg_len < entropy + 1  # Huffman code length bound
assert lengths[0] < lengths[-1]  # frequent words get shorter paths

# 2. Sampled softmax: average gradient over many draws versus the exact one.
V2, y, R = 50, 3, 4_000
s = rng.normal(scale=2.0, size=V2)  # logits for one position
p = np.exp(s - s.max())
p /= p.sum()
full_grad = p - np.eye(V2)[y]
Q = np.arange(1, V2 + 1, dtype=float) ** -1.0  # proposal: a unigram-like table
Q /= Q.sum()


def sampled_grad_error(m, correct):
    """L1 distance between the mean sampled-softmax gradient and the exact one."""
    draws = rng.choice(V2, size=(R, m), p=Q)  # m negatives per draw, with replacement
    shift = np.log(Q) if correct else np.zeros(V2)
    a = s[draws] - shift[draws]
    a = np.where(draws == y, -np.inf, a)  # remove accidental hits of the target
    a_y = s[y] - shift[y]
    top = np.maximum(a.max(1), a_y)
    e, e_y = np.exp(a - top[:, None]), np.exp(a_y - top)
    z = e.sum(1) + e_y
    g = np.zeros((R, V2))
    np.add.at(g, (np.arange(R)[:, None], draws), e / z[:, None])
    g[:, y] += e_y / z - 1.0
    return np.abs(g.mean(0) - full_grad).sum()


print("sampled softmax over 50 classes, L1 error of the mean gradient:")
errs = {}
for m in (5, 20, 80):
    errs[m] = (sampled_grad_error(m, False), sampled_grad_error(m, True))
    print(f"  m = {m:2d} samples: without log Q {errs[m][0]:.3f}, with log Q {errs[m][1]:.3f}")
# The corrected estimator's bias shrinks as m grows; the uncorrected one does not.
assert errs[5][1] > errs[20][1] > errs[80][1] and errs[80][1] < 0.1
assert all(raw > 0.3 for raw, _ in errs.values())

# 3. Cost of the full output layer for a Llama-3-sized vocabulary.
V3, d3 = 128_256, 4096
print(f"full softmax: {2 * V3 * d3 / 1e9:.2f} GFLOP per token; hierarchical:"
      f" about {np.ceil(np.log2(V3)):.0f} dot products instead of {V3:,}")
