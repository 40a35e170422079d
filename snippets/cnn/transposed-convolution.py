"""Transposed convolution: the transpose of a strided convolution, and its checkerboard."""

import numpy as np

rng = np.random.default_rng(0)


def conv1d(x, w, s):
    """Strided 1-D cross-correlation, no padding (what a conv layer computes)."""
    k = len(w)
    return np.array([x[i : i + k] @ w for i in range(0, len(x) - k + 1, s)])


def conv_transpose1d(y, w, s):
    """Scatter-add: input i adds w * y[i] to outputs i*s, ..., i*s + k - 1."""
    k = len(w)
    out = np.zeros((len(y) - 1) * s + k)
    for i, v in enumerate(y):
        out[i * s : i * s + k] += v * w
    return out


def conv_matrix(n, w, s):
    """The matrix C with conv1d(x, w, s) == C @ x for inputs of length n."""
    return np.stack([conv1d(e, w, s) for e in np.eye(n)], axis=1)


# 1. The worked example: input (1, 2, 3), kernel (1, 1, 1), stride 2.
out = conv_transpose1d(np.array([1.0, 2.0, 3.0]), np.ones(3), 2)
assert out.tolist() == [1, 1, 3, 2, 5, 3, 3]
print("transposed conv of (1, 2, 3), kernel (1, 1, 1), stride 2:", out.astype(int))

# 2. It is the transpose of the convolution matrix, not its inverse.
w, s, n = rng.normal(size=3), 2, 7
c = conv_matrix(n, w, s)                       # 3 x 7: maps length 7 to length 3
y = rng.normal(size=c.shape[0])
assert np.allclose(conv_transpose1d(y, w, s), c.T @ y)
x = rng.normal(size=n)
assert not np.allclose(conv_transpose1d(conv1d(x, w, s), w, s), x)
print(f"conv matrix {c.shape}, transposed conv == C.T @ y: True; C.T C x == x: False")

# 3. Same result as inserting s - 1 zeros between inputs, padding k - 1 and
#    running an ordinary stride-1 convolution with the flipped kernel.
up = np.zeros((len(y) - 1) * s + 1)
up[::s] = y
padded = np.pad(up, len(w) - 1)
assert np.allclose(conv1d(padded, w[::-1], 1), conv_transpose1d(y, w, s))
print("zero insertion + full convolution with flipped kernel: same output")

# 4. Output size (n - 1) s + k, checked for many cases (no padding).
for n_in in range(1, 8):
    for k in range(1, 6):
        for st in range(1, 4):
            assert len(conv_transpose1d(np.ones(n_in), np.ones(k), st)) == (n_in - 1) * st + k

# 4b. With padding p and output padding a: every length o = (n - 1) s - 2p + k + a,
#     a in {0, ..., s - 1}, is an input size that a stride-s, padding-p convolution
#     maps back to length n, and no other length is.
for n_in in range(1, 6):
    for k in range(1, 6):
        for st in range(1, 4):
            for p in range(k):
                back = {
                    o
                    for o in range(1, 40)
                    if o + 2 * p >= k and (o + 2 * p - k) // st + 1 == n_in
                }
                formula = {(n_in - 1) * st - 2 * p + k + a for a in range(st)}
                assert back == {o for o in formula if o >= 1}
print("output size (n-1)s - 2p + k + a, a < s: matches the convolution's preimage sizes")

# 5. Checkerboard: with a constant input and an all-ones kernel, each output counts
#    how many kernel placements cover it. Uneven when s does not divide k.
for k in (3, 4):
    cover = conv_transpose1d(np.ones(8), np.ones(k), 2)[k:-k]   # interior only
    print(f"k={k}, s=2, interior coverage: {cover.astype(int)}")
    assert (len(set(cover)) > 1) == (k % 2 != 0)
cover2d = np.outer(*[conv_transpose1d(np.ones(6), np.ones(3), 2)[3:9]] * 2)
print("2-D, 3x3 kernel, stride 2, interior coverage:\n", cover2d.astype(int))
assert set(cover2d.ravel()) == {1, 2, 4}

# 6. k divisible by s is even for a constant kernel, but a learned kernel can still
#    produce a periodic pattern: the two phases get different kernel sums.
w4 = np.array([0.1, 0.4, 0.2, 0.3])
phase = conv_transpose1d(np.ones(8), w4, 2)[4:-4]
print(f"k=4, s=2, kernel {w4}: interior {phase}")
assert np.allclose(phase[::2], w4[::2].sum()) and np.allclose(phase[1::2], w4[1::2].sum())
assert not np.allclose(phase[0], phase[1])

# 7. Resize-then-convolve (nearest-neighbour upsampling, then a 3-tap conv) is even.
nearest = np.repeat(np.ones(8), 2)
smooth = conv1d(np.pad(nearest, 1, mode="edge"), np.ones(3) / 3, 1)
assert np.allclose(smooth, 1.0)
print("nearest upsample + 3-tap conv on a constant input: constant output")

# Figure: how many kernel placements cover each output pixel of a 2-D transposed convolution
# (constant input, all-ones kernel, stride 2), for a 3x3 and a 4x4 kernel; interior 6x6 crop.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 2)
for ax, k in zip(axes, (3, 4)):
    line = conv_transpose1d(np.ones(10), np.ones(k), 2)[k : k + 6]
    grid = np.outer(line, line)                       # a 2-D all-ones kernel is separable
    ax.pcolormesh(grid, cmap="Greys", vmin=0, vmax=5)   # vector cells (imshow would embed a PNG)
    for (i, j), v in np.ndenumerate(grid):
        ax.text(j + 0.5, i + 0.5, f"{v:.0f}", ha="center", va="center", fontsize=8,
                color="white" if v >= 3 else "black")
    ax.set_title(f"{k}x{k} kernel, stride 2", fontsize=11)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    assert set(grid.ravel()) == ({1, 2, 4} if k == 3 else {4})
fig.savefig("checkerboard.svg")
plt.close(fig)
print("figure: checkerboard.svg")
