"""Reproduce a constant validation accuracy (dead ReLUs) in a small CNN; check the fix."""

import numpy as np

rng = np.random.default_rng(0)
S, K, C = 6, 3, 8  # 6 x 6 grey images, 3 x 3 filters, 8 channels
ramp = np.tile(np.linspace(-1, 1, S), (S, 1))  # dark on the left, bright on the right


def make_data(n):
    """Two classes (70% / 30%) of 6 x 6 images with pixel values in 0..255."""
    y = (rng.random(n) < 0.3).astype(int)
    x = rng.normal(120, 40, (n, S, S)) + 25 * y[:, None, None] * ramp
    return np.clip(x, 0, 255), y


def patches(x):
    """All 3 x 3 windows (stride 1, no padding): shape (n, 16 positions, 9 pixels)."""
    win = np.lib.stride_tricks.sliding_window_view(x, (K, K), axis=(1, 2))
    return win.reshape(len(x), -1, K * K)


def forward(p, w1, b1, w2, b2):
    pre = p @ w1 + b1  # convolution: the same filters at every position
    h = np.maximum(pre, 0)
    return pre, h, h.mean(axis=1) @ w2 + b2  # global average pooling, dense logit


def train(x, y, x_val, y_val, lr, epochs=15):
    p_all, p_val = patches(x), patches(x_val)
    w1 = rng.normal(0, np.sqrt(2 / (K * K)), (K * K, C))
    b1, w2, b2 = np.zeros(C), rng.normal(0, 0.3, C), 0.0
    history = []
    for _ in range(epochs):
        for i in range(0, len(x), 32):
            pb, yb = p_all[i : i + 32], y[i : i + 32]
            pre, h, z = forward(pb, w1, b1, w2, b2)
            g = (1 / (1 + np.exp(-np.clip(z, -30, 30))) - yb) / len(pb)  # dCE/dlogit
            gh = (np.outer(g, w2)[:, None, :] / h.shape[1]) * (pre > 0)
            w2, b2 = w2 - lr * h.mean(axis=1).T @ g, b2 - lr * g.sum()
            w1 = w1 - lr * np.einsum("npk,npc->kc", pb, gh)
            b1 = b1 - lr * gh.sum(axis=(0, 1))
        _, h_val, z_val = forward(p_val, w1, b1, w2, b2)
        pred = (z_val > 0).astype(int)
        history.append(np.mean(pred == y_val))
    return history, h_val, pred


x, y = make_data(2000)
x_val, y_val = make_data(500)
majority = max(np.mean(y_val), 1 - np.mean(y_val))

# Broken: raw 0..255 inputs and a large learning rate.
hist, h_val, pred = train(x, y, x_val, y_val, lr=0.1)
active = np.mean(h_val > 0)  # share of non-zero ReLU outputs (image, position, channel)
assert len(set(hist)) == 1 and np.isclose(hist[0], majority) and active < 0.001
print("raw inputs, lr=0.1   val acc by epoch:", [f"{a:.3f}" for a in hist[:5]], "...")
print(
    f"  distinct predictions: {np.unique(pred).tolist()}, "
    f"non-zero ReLU outputs: {active:.3%}"
)
print(f"  accuracy == fraction of the majority class ({majority:.3f}):", True)

# Fixed: standardise with training statistics and use a smaller learning rate.
mu, sd = x.mean(), x.std()
hist, h_val, pred = train((x - mu) / sd, y, (x_val - mu) / sd, y_val, lr=0.05)
print("standardised, lr=0.05 val acc by epoch:", [f"{a:.3f}" for a in hist[:5]], "...")
print(f"  final val acc {hist[-1]:.3f} vs majority baseline {majority:.3f}")
print(f"  non-zero ReLU outputs: {np.mean(h_val > 0):.1%}")
assert hist[-1] > majority + 0.1 and len(np.unique(pred)) == 2
