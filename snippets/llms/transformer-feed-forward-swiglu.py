"""Transformer feed-forward layers: GELU MLP vs SwiGLU, parameter matching, gating."""

import numpy as np

rng = np.random.default_rng(0)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def swish(z):
    return z * sigmoid(z)


def gelu(z):
    return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))


# 1. Worked example for one hidden unit: gate pre-activation a = 2, value b = -1.5.
a, b = 2.0, -1.5
print(f"SwiGLU unit: swish({a}) * ({b}) = {swish(a):.4f} * ({b}) = {swish(a) * b:.4f};"
      f" ReLU unit: max(0, {a}) = {max(0.0, a)}")
assert np.isclose(swish(a) * b, -2.6424, atol=1e-4)

# 2. Shapes and parameter counts (no biases, as in LLaMA).
d = 48
d_ff_gelu, d_ff_glu = 4 * d, 8 * d // 3  # 192 and 128
W1, W2 = rng.normal(0, d**-0.5, (d, d_ff_gelu)), rng.normal(0, d_ff_gelu**-0.5, (d_ff_gelu, d))
Wg, Wu = rng.normal(0, d**-0.5, (d, d_ff_glu)), rng.normal(0, d**-0.5, (d, d_ff_glu))
Wd = rng.normal(0, d_ff_glu**-0.5, (d_ff_glu, d))


def ffn_gelu(x):
    return gelu(x @ W1) @ W2


def ffn_swiglu(x):
    return (swish(x @ Wg) * (x @ Wu)) @ Wd


n_gelu, n_glu = W1.size + W2.size, Wg.size + Wu.size + Wd.size
assert n_gelu == n_glu == 8 * d * d
print(f"d={d}: GELU MLP (d_ff={d_ff_gelu}) {n_gelu} weights, "
      f"SwiGLU (d_ff={d_ff_glu}) {n_glu} weights")


# LLaMA's rule: d_ff = 2/3 * 4d, rounded up to a multiple of 256.
def llama_d_ff(dm, multiple_of=256):
    hidden = int(2 * 4 * dm / 3)
    return multiple_of * ((hidden + multiple_of - 1) // multiple_of)


assert llama_d_ff(4096) == 11008 and llama_d_ff(5120) == 13824
print(f"LLaMA hidden sizes: d=4096 -> {llama_d_ff(4096)}, d=5120 -> {llama_d_ff(5120)}")

# 3. The MLP output is a sum of value vectors (rows of W2) weighted by each hidden
#    unit's activation: a key-value memory.
x = rng.normal(size=d)
memory = sum(gelu(x @ W1[:, i]) * W2[i] for i in range(d_ff_gelu))
assert np.allclose(memory, ffn_gelu(x))

# 4. ReLU and GELU hidden activations are (almost) one-signed; SwiGLU's are products
#    of two projections and take either sign.
X = rng.normal(size=(1000, d))
h_gelu = gelu(X @ W1)
h_glu = swish(X @ Wg) * (X @ Wu)
assert h_gelu.min() > -0.171  # GELU's minimum is about -0.170
neg_share = (h_glu < -0.5).mean()
assert neg_share > 0.05
print(f"hidden activations below -0.5: GELU {(h_gelu < -0.5).mean():.1%}, "
      f"SwiGLU {neg_share:.1%}")

# 5. Scaling the input: a bias-free ReLU MLP is positively homogeneous of degree 1;
#    a bilinear GLU (no activation) of degree 2. SwiGLU is neither, but grows
#    roughly quadratically, like the bilinear form.
relu_mlp = np.maximum(x @ W1, 0) @ W2
assert np.allclose(np.maximum(3 * x @ W1, 0) @ W2, 3 * relu_mlp)
bilinear = ((x @ Wg) * (x @ Wu)) @ Wd
assert np.allclose(((3 * x @ Wg) * (3 * x @ Wu)) @ Wd, 9 * bilinear)
ratio = np.linalg.norm(ffn_swiglu(3 * x)) / np.linalg.norm(ffn_swiglu(x))
assert ratio > 6 and not np.isclose(ratio, 9)  # grows faster than linearly
print(f"|f(3x)| / |f(x)|: ReLU MLP 3, bilinear GLU 9, SwiGLU {ratio:.2f}")
