"""Track channel growth in DenseNet-121 and reproduce its parameter count."""

import numpy as np


def bn(c):
    return 2 * c  # gamma and beta (running statistics are not trained)


def conv(c_in, c_out, k):
    return k * k * c_in * c_out  # DenseNet convolutions have no bias


growth, bottleneck, blocks = 32, 4 * 32, (6, 12, 24, 16)
params = conv(3, 64, 7) + bn(64)  # stem: 7x7 conv, BN, (ReLU, max pool)
c = 64
for b, n_layers in enumerate(blocks):
    c_start = c
    for _ in range(n_layers):
        # BN-ReLU-1x1 conv to 4k channels, BN-ReLU-3x3 conv to k, then concatenate.
        params += bn(c) + conv(c, bottleneck, 1) + bn(bottleneck)
        params += conv(bottleneck, growth, 3)
        c += growth
    assert c == c_start + n_layers * growth
    line = f"block {b + 1}: {n_layers:2d} layers, channels {c_start:4d} -> {c:4d}"
    if b < len(blocks) - 1:  # transition: BN, 1x1 conv halving channels, 2x2 avg pool
        params += bn(c) + conv(c, c // 2, 1)
        c //= 2
        line += f", transition -> {c}"
    print(line)
params += bn(c) + c * 1000 + 1000  # final BN and the 1000-way classifier
assert c == 1024 and params == 7_978_856
print(f"DenseNet-121 parameters: {params:,}")

# Input width of the last layer of block 3 vs what it adds.
last_in = 256 + 23 * growth
assert last_in == 992
print(f"last layer of block 3 reads {last_in} channels and adds only {growth}")

# Concatenation lets the next layer weight old and new features independently; after
# addition it can only apply one weight to their sum. Target: a different linear read-out
# of x (an early feature map) and f (a new one), fitted by least squares.
rng = np.random.default_rng(0)
x, f = rng.standard_normal((500, 5)), rng.standard_normal((500, 5))
target = x @ rng.standard_normal(5) + f @ rng.standard_normal(5)


def fit_residual(features):
    coef = np.linalg.lstsq(features, target, rcond=None)[0]
    return np.mean((features @ coef - target) ** 2) / np.var(target)


res_cat = fit_residual(np.concatenate([x, f], axis=1))  # DenseNet
res_add = fit_residual(x + f)  # ResNet
assert res_cat < 1e-20 and res_add > 0.1
print(f"linear read-out error (fraction of variance): concat {res_cat:.4f}, add {res_add:.2f}")

# Naive memory: layer l stores k channels, but each concatenation copies all inputs.
n, k0 = 24, 256
naive = sum(k0 + i * growth for i in range(1, n + 1))  # channels copied by each concat
shared = k0 + n * growth  # one preallocated buffer (memory-efficient implementation)
print(
    f"block 3 channel-maps held: naive concat copies {naive:,}, shared buffer {shared:,}"
)
assert naive == n * k0 + growth * n * (n + 1) // 2
