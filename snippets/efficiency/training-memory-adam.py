"""Count the arrays of mixed-precision Adam training and check the bytes-per-parameter formula."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
sizes = [32, 64, 64, 10]  # an MLP: 32 -> 64 -> 64 -> 10, ReLU, softmax cross-entropy
batch = 16


def n_params(sizes):
    return sum(a * b + b for a, b in pairwise(sizes))


def forward(params, x, y):
    """Forward pass; returns the loss and exactly the arrays the backward pass reads."""
    saved = []
    for i, (w, b) in enumerate(params):
        saved.append(x)  # a linear layer needs its input for dL/dW
        x = x @ w + b
        if i < len(params) - 1:
            x = np.maximum(x, 0)  # ReLU's output doubles as its mask
    z = x.astype(np.promote_types(x.dtype, np.float32))  # softmax in >= float32
    p = np.exp(z - z.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    saved.append(p.astype(x.dtype))  # softmax probabilities for the loss gradient
    return -np.log(p[np.arange(len(y)), y]).mean(), saved


def backward(params, saved, y):
    """Gradients computed only from the saved arrays."""
    g = saved[-1].copy()
    g[np.arange(len(y)), y] -= 1
    g /= len(y)
    grads = []
    for i in reversed(range(len(params))):
        x = saved[i]
        grads.append((x.T @ g, g.sum(0)))
        g = g @ params[i][0].T
        if i > 0:
            g = g * (x > 0)
    return grads[::-1]


x_in, y = rng.normal(size=(batch, sizes[0])), rng.integers(0, sizes[-1], size=batch)
params64 = [(rng.normal(0, a ** -0.5, size=(a, b)), np.zeros(b))
            for a, b in pairwise(sizes)]

# 1. The backward pass that reads only the saved arrays is correct (float64 vs finite differences).
loss, saved = forward(params64, x_in, y)
grads = backward(params64, saved, y)
w0 = params64[0][0]
e = np.zeros_like(w0)
e[3, 5] = 1e-6
numeric = (forward([(w0 + e, params64[0][1])] + params64[1:], x_in, y)[0]
           - forward([(w0 - e, params64[0][1])] + params64[1:], x_in, y)[0]) / 2e-6
assert np.isclose(numeric, grads[0][0][3, 5], rtol=1e-6)

# 2. One mixed-precision Adam step: 16-bit weights and gradients, float32 master weights
#    and float32 first and second moments.
master = [a.astype(np.float32) for layer in params64 for a in layer]
m = [np.zeros_like(a) for a in master]
v = [np.zeros_like(a) for a in master]
half = [(master[2 * i].astype(np.float16), master[2 * i + 1].astype(np.float16))
        for i in range(len(sizes) - 1)]
loss16, saved16 = forward(half, x_in.astype(np.float16), y)
grads16 = [g for layer in backward(half, saved16, y) for g in layer]
assert all(g.dtype == np.float16 for g in grads16)
for a, g, m_i, v_i in zip(master, grads16, m, v):
    m_i[:] = 0.1 * g                     # beta1 = 0.9, first step
    v_i[:] = 0.001 * g.astype(np.float32) ** 2  # beta2 = 0.999
    a -= 1e-3 * (m_i / 0.1) / (np.sqrt(v_i / 0.001) + 1e-8)

N = n_params(sizes)
nbytes = {
    "fp16 weights": sum(a.nbytes for layer in half for a in layer),
    "fp16 gradients": sum(g.nbytes for g in grads16),
    "fp32 master weights": sum(a.nbytes for a in master),
    "fp32 Adam m": sum(a.nbytes for a in m),
    "fp32 Adam v": sum(a.nbytes for a in v),
}
total = sum(nbytes.values())
print(f"MLP {sizes}: N = {N:,} parameters")
for name, b in nbytes.items():
    print(f"  {name:20s} {b:7,} bytes = {b / N:.0f} bytes/param")
assert total == 16 * N
print(f"  total {total:,} bytes = {total // N} bytes per parameter")

# Pure float32 training with Adam: weights, gradients, m, v = 4 + 4 + 4 + 4, also 16.
params32 = [(master[2 * i], master[2 * i + 1]) for i in range(len(sizes) - 1)]
grads32 = [g for layer in backward(params32, forward(params32, x_in.astype(np.float32), y)[1], y)
           for g in layer]
fp32_total = sum(a.nbytes for a in master + grads32 + m + v)
assert fp32_total == 16 * N
print(f"pure float32 Adam: {fp32_total:,} bytes = {fp32_total // N} bytes/param as well")

# 3. Activations: the saved inputs of each linear layer plus the softmax output, in fp16.
act = sum(a.nbytes for a in saved16)
assert act == 2 * batch * (sum(sizes[:-1]) + sizes[-1])
print(f"saved activations for batch {batch}: {act:,} bytes "
      f"= 2 bytes * {batch} * ({' + '.join(map(str, sizes[:-1]))} + {sizes[-1]})")

# 4. Worked example: LLaMA-7B shapes (6,738,415,616 parameters), sequence 2048, batch 1.
N7 = 32 * (4 * 4096**2 + 3 * 4096 * 11008 + 2 * 4096) + 2 * 32000 * 4096 + 4096
assert N7 == 6_738_415_616
states_gb = 16 * N7 / 1e9
s, b, h, a, L = 2048, 1, 4096, 32, 32
act_gb = L * s * b * h * (34 + 5 * a * s / h) / 1e9  # Korthikanti et al. (2022), GPT block
act_flash_gb = L * s * b * h * 34 / 1e9               # attention matrices not stored
print(f"7B model: weights+grads+Adam = 16 * {N7:,} = {states_gb:.1f} GB")
print(f"  activations for one 2048-token sequence: {act_gb:.1f} GB "
      f"({act_flash_gb:.1f} GB without storing s x s attention matrices)")
print(f"  inference weights alone in bf16: {2 * N7 / 1e9:.1f} GB")

# Figure: the 7B example's memory as stacked bars, for inference and for training with and
# without storing the s x s attention matrices (one 2048-token sequence).
import matplotlib.pyplot as plt

parts = ["16-bit weights", "16-bit gradients", "optimiser states (fp32 master, m, v)",
         "activations"]
bars = {"inference,\nweights only": [2 * N7 / 1e9, 0, 0, 0],
        "training, no s x s\nattention stored": [2 * N7 / 1e9, 2 * N7 / 1e9, 12 * N7 / 1e9,
                                                   act_flash_gb],
        "training, s x s\nattention stored": [2 * N7 / 1e9, 2 * N7 / 1e9, 12 * N7 / 1e9,
                                                act_gb]}
fig, ax = plt.subplots()
left = np.zeros(len(bars))
shades = ("#1f4e79", "#5b9bd5", "#bdd7ee", "#f4b183")   # dark to light: distinct when inverted
for j, (part, shade) in enumerate(zip(parts, shades)):
    widths = np.array([v[j] for v in bars.values()])
    ax.barh(list(bars), widths, left=left, label=part, color=shade, edgecolor="black",
            linewidth=0.5)
    for i, wd in enumerate(widths):
        if wd > 0:
            ax.text(left[i] + wd / 2, i, f"{wd:.1f}", ha="center", va="center", fontsize=8,
                    color="white" if j < 2 else "black")
    left += widths
for i, tot in enumerate(left):
    ax.text(tot + 2, i, f"{tot:.1f} GB", va="center", fontsize=9)
assert np.isclose(left[1] - act_flash_gb, states_gb) and left[0] < 80 < left[1] - act_flash_gb
ax.axvline(80, color="grey", linestyle="--", linewidth=1)
ax.text(81, 0.45, "80 GB GPU", color="grey", fontsize=9, va="top")
ax.set_xlim(0, 165)
ax.invert_yaxis()
ax.set_xlabel("memory (GB) for LLaMA-7B shapes, batch 1, 2048 tokens")
ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8)
fig.savefig("memory-7b.svg")
plt.close(fig)
print("figure: memory-7b.svg")
