"""SimCLR's NT-Xent loss over 2N views, and why colour distortion is part of the augmentation."""

import numpy as np

rng = np.random.default_rng(0)


def nt_xent(z, tau):
    """Mean NT-Xent loss; rows 2k and 2k+1 of z are the two views of example k."""
    z = z / np.linalg.norm(z, axis=1, keepdims=True)
    s = z @ z.T / tau
    np.fill_diagonal(s, -np.inf)  # a view is never its own candidate
    partner = np.arange(len(z)) ^ 1  # 0<->1, 2<->3, ...
    m = s.max(1, keepdims=True)
    log_p = s - m - np.log(np.exp(s - m).sum(1, keepdims=True))
    return -log_p[np.arange(len(z)), partner].mean(), (s.argmax(1) == partner).mean()


def nt_xent_loop(z, tau):
    """The same loss written anchor by anchor, as in the paper's definition."""
    z = z / np.linalg.norm(z, axis=1, keepdims=True)
    total = 0.0
    for i in range(len(z)):
        j = i ^ 1
        others = [k for k in range(len(z)) if k != i]  # 2N - 1 candidates: 1 positive
        denom = sum(np.exp(z[i] @ z[k] / tau) for k in others)
        total += -np.log(np.exp(z[i] @ z[j] / tau) / denom)
    return total / len(z)


# 1. The vectorised loss equals the per-anchor definition.
z = rng.normal(size=(16, 5))
assert abs(nt_xent(z, 0.5)[0] - nt_xent_loop(z, 0.5)) < 1e-12

# 2. A batch of N examples gives each anchor 2N - 2 negatives; a collapsed encoder
#    (all embeddings equal) scores the chance value log(2N - 1).
for n in (16, 256):
    collapsed = np.ones((2 * n, 4))
    loss, _ = nt_xent(collapsed, 0.1)
    print(f"N={n}: {2 * n - 2} negatives per anchor, collapsed loss = {loss:.3f}")
    assert abs(loss - np.log(2 * n - 1)) < 1e-9

# 3. A shortcut: 64 images of 16x16 RGB, each with its own colour cast plus content.
N = 64
images = 2 * rng.normal(size=(N, 1, 1, 3)) + rng.normal(size=(N, 16, 16, 3))


def view(img, jitter):
    r, c = rng.integers(0, 9, size=2)
    v = img[r:r + 8, c:c + 8]  # random 8x8 crop
    if jitter:  # random per-channel contrast and brightness
        v = v * rng.uniform(0.2, 1.8, size=3) + rng.uniform(-1.5, 1.5, size=3)
    return v


def colour_features(jitter):
    """An 'encoder' that only looks at each view's mean colour."""
    f = np.array([view(img, jitter).mean((0, 1)) for img in images for _ in range(2)])
    return f - f.mean(0)


for jitter in (False, True):
    loss, acc = nt_xent(colour_features(jitter), 0.1)
    name = "crop + colour jitter" if jitter else "crop only          "
    print(f"{name}: mean-colour encoder finds the partner view {acc:.0%} of the time, "
          f"loss {loss:.2f} (chance {np.log(2 * N - 1):.2f})")
    if not jitter:
        assert acc > 0.8  # the pretext task is solved without looking at content
    else:
        assert acc < 0.3
