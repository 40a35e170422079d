"""Counting epochs, iterations and batches, with the last partial batch."""

import math

import numpy as np


def batches_per_epoch(n, batch_size, drop_last=False):
    return n // batch_size if drop_last else math.ceil(n / batch_size)


def epoch_batches(n, batch_size, rng, drop_last=False):
    """Index arrays of one shuffled epoch, as a typical data loader yields them."""
    perm = rng.permutation(n)
    stop = n - n % batch_size if drop_last else n
    return [perm[i : i + batch_size] for i in range(0, stop, batch_size)]


rng = np.random.default_rng(0)
n, B, epochs = 50_000, 128, 30

# Worked example: 50,000 samples in batches of 128.
full, rest = divmod(n, B)
assert (full, rest) == (390, 80)  # 390 * 128 = 49,920, leaving 80
assert batches_per_epoch(n, B) == 391
assert batches_per_epoch(n, B, drop_last=True) == 390
assert batches_per_epoch(n, B) * epochs == 11_730
per_epoch = batches_per_epoch(n, B)
print(f"n={n}, B={B}: {full} full batches + 1 of {rest} = {per_epoch} iterations")
print(f"with drop_last: {full} iterations, {rest} samples skipped per epoch")
print(f"{epochs} epochs = {per_epoch * epochs} iterations (parameter updates)")

# A simulated loader: every sample exactly once per epoch, last batch has 80.
batches = epoch_batches(n, B, rng)
sizes = [len(b) for b in batches]
assert len(batches) == 391 and sizes[-1] == 80 and set(sizes[:-1]) == {128}
assert np.array_equal(np.sort(np.concatenate(batches)), np.arange(n))

# drop_last with reshuffling: a different 80 are skipped each epoch.
seen = np.zeros(n, dtype=bool)
for _ in range(5):
    kept = np.concatenate(epoch_batches(n, B, rng, drop_last=True))
    assert kept.size == 49_920
    seen[kept] = True
assert seen.all()
print("drop_last over 5 reshuffled epochs: every sample was used at least once")

# ImageNet-1k training set: 1,281,167 images, batch 256.
n_in = 1_281_167
assert batches_per_epoch(n_in, 256) == 5005  # 5004 full + a batch of 143
assert n_in % 256 == 143
print(
    f"ImageNet {n_in} images, B=256: {batches_per_epoch(n_in, 256)} iterations "
    f"per epoch (last has {n_in % 256})"
)

# Converting a step budget to epochs: 100,000 updates at B=128 on 50,000 samples.
steps = 100_000
assert steps * B / n == 256.0
print(f"{steps} updates x {B} samples / {n} = {steps * B / n:.0f} epochs")

# Halving the batch doubles the updates per epoch (up to rounding).
assert batches_per_epoch(n, 64) == 782 and batches_per_epoch(n, 256) == 196
counts = [batches_per_epoch(n, b) for b in (64, 128, 256)]
print(f"updates per epoch for B=64, 128, 256: {counts}")
