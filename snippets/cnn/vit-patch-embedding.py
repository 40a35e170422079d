"""Check that ViT patch embedding equals a stride-P convolution; count ViT-B/16 parameters."""

import numpy as np

rng = np.random.default_rng(0)
c, h, w, p, d = 3, 32, 32, 8, 16
img = rng.standard_normal((c, h, w))
weight = rng.standard_normal((d, c, p, p)) * 0.1  # D filters of size C x P x P
bias = rng.standard_normal(d)

# 1) Cut into non-overlapping P x P patches, flatten each, apply one linear map.
patches = img.reshape(c, h // p, p, w // p, p).transpose(1, 3, 0, 2, 4)
patches = patches.reshape(-1, c * p * p)  # (N, C*P*P), row-major over the patch grid
tokens = patches @ weight.reshape(d, -1).T + bias  # (N, D)

# 2) The same thing as a convolution with kernel size P and stride P.
conv = np.empty((d, h // p, w // p))
for i in range(h // p):
    for j in range(w // p):
        patch = img[:, i * p : (i + 1) * p, j * p : (j + 1) * p]
        conv[:, i, j] = np.tensordot(weight, patch, axes=3) + bias
assert np.allclose(tokens, conv.reshape(d, -1).T)
print(f"{c}x{h}x{w} image, P={p}: {tokens.shape[0]} tokens of width {d}")
print("flatten + linear == conv(kernel=P, stride=P):", True)

# ViT-B/16 at 224x224: token count and parameter count.
P, D, layers, mlp, classes = 16, 768, 12, 3072, 1000
n_tokens = (224 // P) ** 2
patch_embed = 3 * P * P * D + D
cls_and_pos = D + (n_tokens + 1) * D
qkv = D * 3 * D + 3 * D  # query, key and value projections
attn_out = D * D + D  # attention output projection
mlp_params = D * mlp + mlp + mlp * D + D  # two-layer MLP
block = 2 * D + qkv + attn_out + 2 * D + mlp_params  # plus two layer norms
total = patch_embed + cls_and_pos + layers * block + 2 * D + D * classes + classes
assert n_tokens == 196 and 3 * P * P == 768 and patch_embed == 590_592
assert cls_and_pos == 152_064 and block == 7_087_872 and total == 86_567_656
print(f"ViT-B/16: {n_tokens} patches (+1 class token), patch embedding {patch_embed:,}")
print(f"ViT-B/16 total parameters: {total:,}")

# Sequence length and attention cost grow with (H/P) * (W/P).
for size in (224, 384):
    n = (size // P) ** 2
    print(f"{size}x{size}: {n} patches, attention matrix {n + 1}x{n + 1} per head")
assert (384 // P) ** 2 == 576
