"""Check the receptive-field formula against the actual input support of a conv stack."""

import numpy as np


def rf_formula(layers):
    """layers: list of (kernel, stride, dilation). Returns receptive field and jump."""
    r, jump = 1, 1
    for k, s, d in layers:
        r += d * (k - 1) * jump
        jump *= s
    return r, jump


def rf_measured(layers, n=40):
    """Perturb each input of a 1-D stack with positive weights; count inputs that
    change output unit 0 (no padding, so unit 0 sits at the left edge)."""

    def forward(x):
        for k, s, d in layers:
            span = d * (k - 1) + 1
            starts = range(0, len(x) - span + 1, s)
            x = np.array([x[i : i + span : d].sum() for i in starts])
        return x[0]

    base = forward(np.zeros(n))
    touched = [i for i in range(n) if forward(np.eye(1, n, i)[0]) != base]
    return max(touched) - min(touched) + 1


stacks = {
    "one 3x3": [(3, 1, 1)],
    "two 3x3": [(3, 1, 1)] * 2,
    "three 3x3": [(3, 1, 1)] * 3,
    "3x3, pool 2/2, 3x3": [(3, 1, 1), (2, 2, 1), (3, 1, 1)],
    "three 3x3, dilation 1,2,4": [(3, 1, 1), (3, 1, 2), (3, 1, 4)],
}
expected = [3, 5, 7, 8, 15]
for (name, layers), exp in zip(stacks.items(), expected, strict=True):
    r, _ = rf_formula(layers)
    assert r == rf_measured(layers) == exp, name
    print(f"{name:27s} receptive field {r:3d} (formula == measured)")

# VGG-16: 2,2,3,3,3 convs (3x3, stride 1) with a 2x2 stride-2 max pool after each block.
vgg = []
for n_convs in (2, 2, 3, 3, 3):
    vgg += [(3, 1, 1)] * n_convs + [(2, 2, 1)]
r_conv53, _ = rf_formula(vgg[:-1])
r_pool5, jump = rf_formula(vgg)
assert (r_conv53, r_pool5, jump) == (196, 212, 32)
print(f"VGG-16 conv5_3: {r_conv53}, pool5: {r_pool5} (stride {jump})")

# Same receptive field, fewer weights: three 3x3 vs one 7x7 with C channels in and out.
c = 256
three_3x3, one_7x7 = 3 * 9 * c * c, 49 * c * c
assert rf_formula([(7, 1, 1)])[0] == 7 and three_3x3 / one_7x7 == 27 / 49
print(f"C={c}: three 3x3 {three_3x3:,} weights vs one 7x7 {one_7x7:,}")

# Figure: receptive field against depth for stacks of 3-wide convolutions: stride 1 (plain),
# stride 2 in every layer, and stride 1 with dilation 1, 2, 4, ... (doubling per layer).
import matplotlib.pyplot as plt

depths = np.arange(1, 9)
kinds = {
    "plain (stride 1)": lambda L: [(3, 1, 1)] * L,
    "stride 2 in every layer": lambda L: [(3, 2, 1)] * L,
    "dilation 1, 2, 4, ...": lambda L: [(3, 1, 2**i) for i in range(L)],
}
rf = {name: [rf_formula(make(L))[0] for L in depths] for name, make in kinds.items()}
for name, make in kinds.items():  # the formula matches the measured support up to 5 layers
    assert all(rf_formula(make(L))[0] == rf_measured(make(L), n=64) for L in range(1, 6))
assert rf["plain (stride 1)"] == list(2 * depths + 1)
assert rf["stride 2 in every layer"] == rf["dilation 1, 2, 4, ..."] == list(2 ** (depths + 1) - 1)
print("receptive field after 8 layers:", "; ".join(f"{k} {v[-1]}" for k, v in rf.items()))
fig, ax = plt.subplots()
for (name, r), style, marker, size in zip(rf.items(), ("-", "-", "--"), ("o", "s", "x"),
                                          (5, 8, 8)):
    ax.plot(depths, r, linestyle=style, marker=marker, markersize=size, label=name,
            fillstyle="none" if marker == "s" else "full")
ax.set_yscale("log", base=2)
ticks = [3, 7, 17, 31, 63, 127, 255, 511]
ax.set_yticks(ticks, labels=[str(t) for t in ticks])
ax.minorticks_off()
ax.text(4.9, 3.2, "dilation keeps the full resolution;\nstride 2 halves it at every layer",
        fontsize=9)
ax.set_xlabel("number of 3-wide conv layers")
ax.set_ylabel("receptive field (inputs, log scale)")
ax.legend(fontsize=9, loc="upper left")
fig.savefig("receptive-field.svg")
plt.close(fig)
print("figure: receptive-field.svg")
