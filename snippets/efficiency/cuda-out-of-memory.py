"""Where training memory goes, and which fixes change which part (counted on a real MLP)."""

from itertools import pairwise

import numpy as np

rng = np.random.default_rng(0)
WIDTHS = [256, 512, 512, 10]
GIB = 2 ** 30

# 1. Run one training step of a float32 MLP and count every array that Adam training keeps
#    alive: weights, gradients, the moments m and v, and the activations saved for backward.
params = [rng.normal(0, 0.05, size=(a, b)).astype(np.float32)
          for a, b in pairwise(WIDTHS)]
m = [np.zeros_like(w) for w in params]
v = [np.zeros_like(w) for w in params]


def forward_backward(x, y, weights):
    saved = [x]                                   # inputs the backward pass needs
    h = x
    for i, w in enumerate(weights):
        h = h @ w
        if i < len(weights) - 1:
            h = np.maximum(h, 0)
            saved.append(h)
    grad = (h - y) / len(x)                       # mean squared error, per example mean
    grads = []
    for i in reversed(range(len(weights))):
        grads.insert(0, saved[i].T @ grad)
        grad = (grad @ weights[i].T) * (saved[i] > 0)
    return grads, saved


batch = 64
x = rng.normal(size=(batch, WIDTHS[0])).astype(np.float32)
y = rng.normal(size=(batch, WIDTHS[-1])).astype(np.float32)
grads, saved = forward_backward(x, y, params)
n_params = sum(w.size for w in params)
counted_state = sum(a.nbytes for group in (params, grads, m, v) for a in group)
counted_act = sum(a.nbytes for a in saved)
assert counted_state == 16 * n_params                      # 4 + 4 + 4 + 4 bytes
assert counted_act == 4 * batch * sum(WIDTHS[:-1])         # grows with the batch
print(f"{n_params:,} parameters: model state {counted_state:,} B = 16 B/param; "
      f"activations at batch {batch}: {counted_act:,} B")

# Mixed precision keeps a 16-bit working copy and 16-bit gradients, plus float32 master
# weights and Adam moments (float16 stands in for bf16: both take 2 bytes).
mixed = [[w.astype(np.float16) for w in params], [g.astype(np.float16) for g in grads],
         [w.copy() for w in params], m, v]
mixed_state = sum(a.nbytes for group in mixed for a in group)
assert mixed_state == counted_state                        # no saving on the state
print(f"mixed precision + Adam: model state {mixed_state:,} B, the same 16 B/param")

# 2. Halving the micro-batch halves the activations; accumulating 4 micro-batches of 16
#    gives exactly the gradient of the batch of 64.
acc = [np.zeros_like(w, dtype=np.float64) for w in params]
for k in range(4):
    part = slice(16 * k, 16 * (k + 1))
    g, s = forward_backward(x[part], y[part], params)
    for a, gi in zip(acc, g):
        a += gi / 4
assert sum(a.nbytes for a in s) == counted_act // 4
assert all(np.allclose(a, g, atol=1e-6) for a, g in zip(acc, grads))
print("4 micro-batches of 16 with accumulation: same gradient, 1/4 of the activations")

# 3. The page's example: full fine-tuning of a 2B-parameter model on a 24 GiB GPU.
#    Bytes per parameter of the model state (weights, gradients, optimiser), before activations.
N = 2e9
recipes = {
    "fp32 + Adam": 4 + 4 + 4 + 4,
    "bf16 mixed precision + Adam": 2 + 2 + 4 + 4 + 4,   # bf16 copy, grads, fp32 master, m, v
    "bf16 mixed precision + 8-bit Adam": 2 + 2 + 4 + 1 + 1,
}
fits = {}
for name, per_param in recipes.items():
    gib = N * per_param / GIB
    fits[name] = gib < 24
    print(f"  {name:34s} {per_param:2d} B/param -> {gib:5.1f} GiB of state")
assert not fits["fp32 + Adam"] and fits["bf16 mixed precision + 8-bit Adam"]
# LoRA: frozen bf16 weights plus a small trainable adapter (here 0.5% of N) with Adam.
lora = (2 * N + 16 * 0.005 * N) / GIB
assert lora < 5
print(f"  {'LoRA, bf16 frozen weights':34s}        -> {lora:5.1f} GiB of state")
