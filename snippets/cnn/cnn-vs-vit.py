"""CNN versus ViT biases: attention ignores patch order without position embeddings,
sees every token from the first layer, and with sharp relative-position heads is a conv."""

import numpy as np

rng = np.random.default_rng(0)
N, D = 12, 4                                   # tokens (patches) and channels


def softmax(z):
    z = z - z.max(-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(-1, keepdims=True)


def attention(x, wq, wk, wv, bias=0.0):
    """One self-attention head; `bias` is an additive (N, N) position term."""
    scores = (x @ wq) @ (x @ wk).T / np.sqrt(wq.shape[1]) + bias
    return softmax(scores) @ (x @ wv)


def conv1d(x, kernel):
    """Circular 'same' convolution over tokens: kernel has shape (3, D_in, D_out)."""
    return sum(np.roll(x, -off, axis=0) @ kernel[off + 1] for off in (-1, 0, 1))


def relu_conv_pool(z):
    return np.maximum(conv1d(z, kernel), 0).mean(0)


x = rng.normal(size=(N, D))
wq, wk, wv = (rng.normal(size=(D, D)) for _ in range(3))
kernel = rng.normal(size=(3, D, D))
perm = rng.permutation(N)

# 1. Without position embeddings attention is permutation equivariant, so a ViT with
#    mean pooling cannot tell a shuffled image from the original. A conv can.
att, att_perm = attention(x, wq, wk, wv), attention(x[perm], wq, wk, wv)
assert np.allclose(att_perm, att[perm])
assert np.allclose(att_perm.mean(0), att.mean(0))
assert not np.allclose(relu_conv_pool(x[perm]), relu_conv_pool(x))
print("attention(shuffled) == shuffled attention: True; pooled output unchanged: True")
print("conv + ReLU + pooling on the shuffled tokens: output changes")
pos = rng.normal(size=(N, D))                  # add (learned) position embeddings
assert not np.allclose(attention(x[perm] + pos, wq, wk, wv).mean(0),
                       attention(x + pos, wq, wk, wv).mean(0))
print("with position embeddings the pooled output changes: True")

# 2. Receptive field after one layer: which inputs move output token 0?


def support(f):
    base = f(x)[0]
    moved = []
    for j in range(N):
        xp = x.copy()
        xp[j] += 1e-3
        moved.append(not np.allclose(f(xp)[0], base, atol=1e-12))
    return sum(moved)


n_att = support(lambda z: attention(z, wq, wk, wv))
n_conv = support(lambda z: conv1d(z, kernel))
assert (n_att, n_conv) == (N, 3)
print(f"tokens that influence output 0 after one layer: attention {n_att}, 3-tap conv {n_conv}")

# 3. Three heads whose relative-position bias is sharp at offsets -1, 0, +1, with values
#    W_v = kernel taps and the outputs summed (an output projection), equal the conv.
idx = np.arange(N)
heads = 0.0
for off in (-1, 0, 1):
    bias = np.where((idx[None, :] - idx[:, None]) % N == off % N, 40.0, 0.0)
    heads = heads + attention(x, 0 * wq, 0 * wk, kernel[off + 1], bias)
err = np.abs(heads - conv1d(x, kernel)).max()
assert err < 1e-12
print(f"3 relative-position heads vs 3-tap convolution: max difference {err:.1e}")
