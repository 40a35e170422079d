"""MAE: random masking by shuffling, the encoder's saving, and why a low mask ratio is too easy."""

import numpy as np

rng = np.random.default_rng(0)

# 1. Patches and random masking for a 224x224 image with 16x16 patches at a 75% mask ratio.
n_patches = (224 // 16) ** 2
n_keep = int(n_patches * (1 - 0.75))
print(f"patches: {n_patches}, visible to the encoder: {n_keep}")
assert (n_patches, n_keep) == (196, 49)

tokens = rng.normal(size=(n_patches, 8))  # stand-in patch embeddings
shuffle = np.argsort(rng.random(n_patches))  # a random permutation per image
restore = np.argsort(shuffle)
visible = tokens[shuffle[:n_keep]]  # the encoder sees only these, no mask tokens
mask_token = np.zeros(8)
full = np.concatenate([visible, np.tile(mask_token, (n_patches - n_keep, 1))])[restore]
is_masked = np.ones(n_patches, bool)
is_masked[shuffle[:n_keep]] = False
assert np.array_equal(full[~is_masked], tokens[~is_masked])  # unshuffling puts them back
assert is_masked.sum() == 147  # the loss is computed on these 147 patches only


# 2. Cost: multiply-adds of transformer blocks, 12 n D^2 (projections and MLP) + 2 n^2 D.
def block_macs(n, dim):
    return 12 * n * dim**2 + 2 * n**2 * dim


full_enc = 24 * block_macs(196, 1024)  # ViT-L encoder on every patch
mae_enc = 24 * block_macs(49, 1024)  # ViT-L encoder on the visible quarter
mae_dec = 8 * block_macs(196, 512)  # 8-block, 512-wide decoder on all positions
ratio = (mae_enc + mae_dec) / full_enc
print(f"ViT-L encoder on all patches: {full_enc / 1e9:.1f} G multiply-adds")
print(f"MAE encoder + decoder:        {mae_enc / 1e9:.1f} + {mae_dec / 1e9:.1f} G "
      f"= {ratio:.2f} of that")
assert ratio < 1 / 3


# 3. Why mask so much: a smooth image lets neighbours predict a missing patch.
def smooth_image(size=64):
    yy, xx = np.mgrid[0:size, 0:size] / size
    img = np.zeros((size, size))
    for _ in range(6):
        fx, fy, ph = rng.uniform(0.2, 1.5, size=2).tolist() + [rng.uniform(0, 2 * np.pi)]
        img += np.sin(2 * np.pi * (fx * xx + fy * yy) + ph)
    return img + 0.1 * rng.normal(size=img.shape)


def neighbour_fill_error(img, ratio, p=4):
    """Fill each masked patch with the mean of its visible 4-neighbours; relative MSE."""
    g = img.shape[0] // p
    means = img.reshape(g, p, g, p).mean((1, 3))
    masked = np.zeros(g * g, bool)
    masked[rng.permutation(g * g)[: round(ratio * g * g)]] = True
    masked = masked.reshape(g, g)
    errs = []
    for i, j in zip(*np.nonzero(masked)):
        nb = [means[a, b] for a, b in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1))
              if 0 <= a < g and 0 <= b < g and not masked[a, b]]
        guess = np.mean(nb) if nb else means[~masked].mean()
        errs.append(((img[i * p:(i + 1) * p, j * p:(j + 1) * p] - guess) ** 2).mean())
    return np.mean(errs) / img.var()


errors = {}
for r in (0.15, 0.75):
    errors[r] = np.mean([neighbour_fill_error(smooth_image(), r) for _ in range(30)])
    print(f"mask ratio {r:.0%}: neighbour interpolation leaves {errors[r]:.1%} "
          "of the pixel variance")
assert errors[0.15] < 0.1 and errors[0.75] > 5 * errors[0.15]
