"""Dilated convolution: same weights, wider span, and the dense-output trick of DeepLab."""

import numpy as np

rng = np.random.default_rng(0)


def conv1d(x, w, stride=1, dilation=1):
    """1-D cross-correlation, no padding: y[i] = sum_j w[j] x[i*stride + j*dilation]."""
    span = dilation * (len(w) - 1) + 1
    starts = range(0, len(x) - span + 1, stride)
    return np.array([x[i : i + span : dilation] @ w for i in starts])


def dilate_kernel(w, d):
    """The equivalent ordinary kernel: d - 1 zeros between taps."""
    out = np.zeros(d * (len(w) - 1) + 1)
    out[::d] = w
    return out


# 1. Worked example: kernel (1, 1, 1), dilation 2, on x = 0, 1, ..., 9.
x = np.arange(10.0)
y = conv1d(x, np.ones(3), dilation=2)
assert y[0] == 0 + 2 + 4 and len(y) == 10 - 5 + 1
print("dilation 2 on 0..9:", y.astype(int), "(span 5, 3 weights)")

# 2. A dilated kernel is an ordinary kernel with zeros inserted.
w = rng.normal(size=3)
sig = rng.normal(size=40)
for d in (1, 2, 4):
    assert np.allclose(conv1d(sig, w, dilation=d), conv1d(sig, dilate_kernel(w, d)))
print("dilated conv == conv with zero-inserted kernel for d = 1, 2, 4")

# 3. The atrous trick: remove a stride and dilate the next layer by that stride.
#    The dense network computes every output the strided network did, plus the ones
#    in between, with the same weights.
w1, w2 = rng.normal(size=3), rng.normal(size=3)
strided = conv1d(conv1d(sig, w1, stride=2), w2)           # output stride 2
dense = conv1d(conv1d(sig, w1), w2, dilation=2)           # output stride 1
assert np.allclose(dense[::2], strided)
print(f"strided net: {len(strided)} outputs; dilated net: {len(dense)} outputs;"
      " every other dilated output equals the strided one")

# 4. Receptive field of three 3-tap layers, and the gridding problem:
#    the composite kernel shows which input offsets reach one output.


def composite(dilations):
    k = np.ones(1)
    for d in dilations:
        k = np.convolve(k, dilate_kernel(np.ones(3), d))
    return k


for dil in ((1, 1, 1), (1, 2, 4), (2, 2, 2), (1, 2, 5), (1, 4, 16)):
    k = composite(dil)
    holes = int((k == 0).sum())
    print(f"dilations {dil}: receptive field {len(k):2d}, offsets never used {holes}")
    assert len(k) == 1 + 2 * sum(dil)
    assert (holes > 0) == (dil in ((2, 2, 2), (1, 4, 16)))

# Figure: how many paths lead from each input offset to one output of three 3-tap layers,
# for dilations (1, 2, 4) and (2, 2, 2): the second leaves every odd offset unused.
import matplotlib.pyplot as plt

fig, axes = plt.subplots(2, 1, sharex=True, sharey=True, layout="constrained")
for ax, dil, colour in zip(axes, ((1, 2, 4), (2, 2, 2)), ("C0", "C1")):
    k = composite(dil)
    offsets = np.arange(len(k)) - len(k) // 2
    ax.bar(offsets, k, color=colour, hatch="//" if dil == (2, 2, 2) else None,
           edgecolor="black", linewidth=0.5)
    holes = offsets[k == 0]
    ax.plot(holes, np.zeros(len(holes)), linestyle="none", marker="x", color="black",
            label="offset never used")
    ax.set_title(f"dilations {dil}: receptive field {len(k)}, {len(holes)} offsets unused",
                 fontsize=10)
    ax.set_ylabel("paths")
    if len(holes):
        ax.legend(loc="upper right", fontsize=9)
    assert (k > 0).all() == (dil == (1, 2, 4))
axes[1].set_xticks(np.arange(-7, 8))
axes[1].set_xlabel("input offset from the output's centre")
fig.savefig("dilation-coverage.svg")
plt.close(fig)
print("figure: dilation-coverage.svg")
