"""VQ-VAE in NumPy: nearest-codebook quantisation, the straight-through gradient,
the codebook and commitment losses, and dead codes."""

import numpy as np

rng = np.random.default_rng(0)

# 1. Bits: VQ-VAE's ImageNet setting, 128 x 128 x 3 bytes -> 32 x 32 codes from K = 512.
bits_in, bits_codes = 128 * 128 * 3 * 8, 32 * 32 * np.log2(512)
print(f"128x128x3 image: {bits_in} bits; 32x32 codes, K=512: {bits_codes:.0f} bits "
      f"({bits_in / bits_codes:.1f}x fewer)")
assert round(bits_in / bits_codes, 1) == 42.7


def quantise(z, book):
    d = (z * z).sum(1)[:, None] - 2 * z @ book.T + (book * book).sum(1)[None, :]
    k = d.argmin(1)
    return k, book[k]


# 2. The quantiser is piecewise constant: its true gradient is zero almost everywhere.
book = rng.normal(size=(8, 4))
z_e, w_dec, target = rng.normal(size=(1, 4)), rng.normal(size=(4, 6)), rng.normal(size=(1, 6))


def rec_loss(z):
    return ((quantise(z, book)[1] @ w_dec - target) ** 2).sum()


fd = np.array([(rec_loss(z_e + h) - rec_loss(z_e - h)) / 2e-4 for h in 1e-4 * np.eye(4)])
z_q = quantise(z_e, book)[1]
straight_through = 2 * (z_q @ w_dec - target) @ w_dec.T        # dL/dz_q copied to z_e
print("finite-difference gradient through argmin:", fd.round(6))
print("straight-through gradient dL/dz_q:        ", straight_through.ravel().round(3))
assert np.all(fd == 0) and np.abs(straight_through).max() > 0.1

# 3. Train a linear VQ-VAE on 16 clusters in 8-D with K = 32 codes in 8-D.
centres = rng.normal(size=(16, 8))
X = centres[rng.integers(16, size=1024)] + 0.1 * rng.normal(size=(1024, 8))
BETA, LR, LR_BOOK, STEPS = 0.25, 0.02, 0.5, 600


def train(book_init, restart_dead):
    r = np.random.default_rng(1)
    w_e, w_d = r.normal(size=(8, 8)) * 0.3, r.normal(size=(8, 8)) * 0.3
    book, n = book_init.copy(), len(X)
    for _ in range(STEPS):
        z = X @ w_e
        k, zq = quantise(z, book)
        g_out = 2 * (zq @ w_d - X) / n                # reconstruction loss gradient
        g_zq = g_out @ w_d.T
        g_z = g_zq + 2 * BETA * (z - zq) / n          # straight-through + commitment
        g_book = np.zeros_like(book)                  # codebook loss ||sg(z) - e||^2,
        np.add.at(g_book, k, 2 * (zq - z))            # averaged over each code's points
        g_book /= np.maximum(np.bincount(k, minlength=len(book)), 1)[:, None]
        w_d -= LR * zq.T @ g_out
        w_e -= LR * X.T @ g_z
        book -= LR_BOOK * g_book
        if restart_dead:                              # move unused codes onto encoder outputs
            dead = np.setdiff1d(np.arange(len(book)), k)
            book[dead] = z[r.choice(n, len(dead), replace=False)]
    k, zq = quantise(X @ w_e, book)
    return np.mean(((zq @ w_d - X) ** 2).sum(1)), len(np.unique(k))


far = rng.normal(size=(32, 8)) * 0.1 + 3.0            # codebook initialised away from the data
print(f"data variance per example: {((X - X.mean(0)) ** 2).sum(1).mean():.2f}")
for name, restart in (("codebook far from data", False), ("same, with dead-code restarts", True)):
    mse, used = train(far, restart)
    print(f"{name:30s}: reconstruction error {mse:6.3f}, codes used {used:2d} of 32")
    if not restart:
        mse0, used0 = mse, used
assert used0 < 8 and used > 16 and mse < mse0 / 2
