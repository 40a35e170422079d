"""Ring reduce-scatter, all-gather and all-reduce simulated on N ranks, with traffic counted."""

import numpy as np

rng = np.random.default_rng(0)
N, M = 4, 12  # ranks, elements per rank's vector (divisible by N)
data = [rng.integers(-9, 10, size=M).astype(float) for _ in range(N)]
total = np.sum(data, axis=0)


def chunks(v):
    return np.split(v.copy(), N)


def reduce_scatter(bufs, sent):
    """N - 1 steps; at step t rank r sends chunk (r - t) % N to rank r + 1, which adds it."""
    bufs = [chunks(v) for v in bufs]
    for t in range(N - 1):
        msgs = [(r, (r - t) % N, bufs[r][(r - t) % N].copy()) for r in range(N)]
        for r, c, payload in msgs:  # all ranks send simultaneously
            bufs[(r + 1) % N][c] += payload
            sent[r] += payload.size
    return [bufs[r][(r + 1) % N] for r in range(N)]  # rank r owns chunk r + 1


def all_gather(owned, sent):
    """N - 1 steps; each rank forwards the chunk it received last to rank r + 1."""
    bufs = [[None] * N for _ in range(N)]
    for r in range(N):
        bufs[r][(r + 1) % N] = owned[r]
    for t in range(N - 1):
        msgs = [(r, (r + 1 - t) % N, bufs[r][(r + 1 - t) % N]) for r in range(N)]
        for r, c, payload in msgs:
            bufs[(r + 1) % N][c] = payload.copy()
            sent[r] += payload.size
    return [np.concatenate(b) for b in bufs]


# Reduce-scatter: each rank ends with one N-th of the sum.
sent = [0] * N
owned = reduce_scatter(data, sent)
for r in range(N):
    c = (r + 1) % N
    assert np.array_equal(owned[r], np.split(total, N)[c])
assert sent == [(N - 1) * M // N] * N
print(f"reduce-scatter: rank r holds chunk r+1 of the sum; each rank sent {sent[0]} "
      f"= (N-1)/N * M elements")

# All-gather: every rank ends with every chunk.
sent_ag = [0] * N
gathered = all_gather(owned, sent_ag)
assert sent_ag == [(N - 1) * M // N] * N

# All-reduce = reduce-scatter + all-gather: every rank holds the full sum.
for r in range(N):
    assert np.array_equal(gathered[r], total)
per_rank = sent[0] + sent_ag[0]
assert per_rank == 2 * (N - 1) * M // N
print(f"ring all-reduce: all {N} ranks hold the sum {total[:4].astype(int)}...; "
      f"each sent {per_rank} = 2(N-1)/N * M elements")

# Naive all-reduce (gather to rank 0, sum, send back): rank 0's link carries 2(N-1) * M.
moved = [0] * N
acc = data[0].copy()
for r in range(1, N):
    acc += data[r]
    moved[0] += M  # rank 0 receives rank r's vector
result = [acc.copy() for _ in range(N)]
moved[0] += (N - 1) * M  # and sends the sum back to each of them
assert all(np.array_equal(v, total) for v in result)
assert moved[0] == 2 * (N - 1) * M
print(f"naive reduce-then-broadcast: rank 0 moves {moved[0]} elements, "
      f"ring: {2 * per_rank} (sent + received) per rank")

# The traffic factor 2(N-1)/N tends to 2 as N grows: ring cost per rank is ~independent of N.
for n in (2, 4, 8, 64, 1024):
    print(f"  N = {n:4d}: all-reduce sends {2 * (n - 1) / n:.3f} x the buffer per rank")

# Worked example: all-reduce of 7B bf16 gradients (13.48 GB) over 8 GPUs at 100 GB/s each.
grad_gb = 6_738_415_616 * 2 / 1e9
send_gb = 2 * 7 / 8 * grad_gb
print(f"7B bf16 gradients {grad_gb:.2f} GB, 8 GPUs: each sends {send_gb:.1f} GB, "
      f"{send_gb / 100:.3f} s at 100 GB/s")
