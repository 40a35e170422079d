"""Layer count, parameter count and signal scale through a deep ReLU MLP."""

import itertools

import numpy as np

widths = [784, 256, 128, 64, 10]  # input, three hidden layers, output
n_hidden = len(widths) - 2
n_weight_layers = len(widths) - 1
per_layer = [n_in * n_out + n_out for n_in, n_out in itertools.pairwise(widths)]
print(f"hidden layers: {n_hidden}, weight layers (depth): {n_weight_layers}")
print("parameters per layer:", per_layer, "total:", sum(per_layer))
assert per_layer == [200_960, 32_896, 8_256, 650]
assert sum(per_layer) == 242_762

# Push a batch through 20 hidden ReLU layers of width 256 and watch the activation scale.
rng = np.random.default_rng(0)
x = rng.normal(size=(512, 256))


def rms_after(depth, std):
    a = x
    for _ in range(depth):
        w = rng.normal(scale=std, size=(256, 256))
        a = np.maximum(a @ w, 0.0)
    return np.sqrt(np.mean(a**2))


he = np.sqrt(2.0 / 256)  # He et al. (2015) scale for ReLU layers
for label, std in [("std 0.01", 0.01), ("He std sqrt(2/256)", he), ("std 0.2", 0.2)]:
    rms = rms_after(20, std)
    # Each ReLU layer multiplies the RMS by about sqrt(fan_in * std^2 / 2).
    predicted = np.sqrt(256 * std**2 / 2) ** 20
    print(f"RMS after 20 layers, {label:>18}: {rms:.2e} (predicted {predicted:.2e})")
    assert predicted / 3 < rms < predicted * 3
