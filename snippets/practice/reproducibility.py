"""Seeds make a run repeatable; reduction order alone changes float results, and training
amplifies the difference."""

import numpy as np

# 1. Floating-point addition is not associative: the same float32 numbers summed in
#    two orders give different totals.
vals = np.random.default_rng(0).normal(size=2000).astype(np.float32)
forward = np.float32(0)
for v in vals:
    forward += v
backward = np.float32(0)
for v in vals[::-1]:
    backward += v
pairwise = vals.sum()                  # NumPy sums pairwise, another order
print(f"float32 sums of the same 2000 numbers: {forward:.6f}, {backward:.6f}, {pairwise:.6f}")
assert len({float(forward), float(backward), float(pairwise)}) > 1


def train(init_seed, data_seed, reverse_reduction=False, steps=300):
    """Small tanh MLP, float32, mini-batch SGD. Returns the weights after each step."""
    init_rng, data_rng = np.random.default_rng(init_seed), np.random.default_rng(data_seed)
    x = np.random.default_rng(42).normal(size=(512, 8)).astype(np.float32)
    y = np.sin(x @ np.arange(1, 9, dtype=np.float32) / 4)
    w1 = init_rng.normal(size=(8, 64)).astype(np.float32) / np.float32(8**0.5)
    w2 = init_rng.normal(size=(64, 1)).astype(np.float32) / np.float32(8.0)
    history = []
    for _ in range(steps):
        idx = data_rng.choice(512, size=32, replace=False)      # shuffling uses data_rng
        xb, yb = x[idx], y[idx, None]
        h = np.tanh(xb @ w1)
        g = (h @ w2 - yb) / np.float32(32)
        if reverse_reduction:                                   # same maths, other order
            xb, h, g = xb[::-1], h[::-1], g[::-1]
        dh = (g @ w2.T) * (1 - h**2)
        w2 = w2 - np.float32(0.5) * (h.T @ g)
        w1 = w1 - np.float32(0.5) * (xb.T @ dh)
        history.append(np.concatenate([w1.ravel(), w2.ravel()]))
    return np.array(history)


# 2. Same seeds, same code: bitwise identical. Another shuffling seed: a different model.
a, b = train(0, 1), train(0, 1)
other_order = train(0, 2)
assert np.array_equal(a, b)
print("same seeds twice: bitwise identical weights:", np.array_equal(a, b))
print(f"different data-order seed: max weight difference {np.abs(a[-1] - other_order[-1]).max():.3f}")
assert np.abs(a[-1] - other_order[-1]).max() > 1e-2

# 3. Only the summation order inside the gradient changes (as with a non-deterministic
#    GPU kernel): the runs differ by rounding at first, and the difference grows.
c = train(0, 1, reverse_reduction=True)
gap = np.abs(a - c).max(axis=1)
first = np.argmax(gap > 0)
print(f"reversed reduction order: first difference at step {first + 1} ({gap[first]:.1e}), "
      f"after {len(gap)} steps {gap[-1]:.1e}")
assert 0 < gap[first] < 1e-5 and gap[-1] > 10 * gap[first]
