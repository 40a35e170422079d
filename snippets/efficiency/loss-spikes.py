"""Three mechanisms behind loss spikes: Adam's stale second moment, logit drift, attention growth."""

import numpy as np

rng = np.random.default_rng(0)


# 1. A weight whose gradient was tiny for a long time, then suddenly is 1 for 50 steps.
#    Adam's normalised update m_hat / sqrt(v_hat) is about 1 in steady state.
def adam_updates(beta2, quiet=5000, loud=50, beta1=0.9):
    m = v = 0.0
    out = []
    grads = np.concatenate([1e-4 * rng.choice([-1, 1], quiet), np.ones(loud)])
    for t, g in enumerate(grads, 1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        out.append((m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + 1e-12))
    return np.abs(out[quiet:])


for beta2 in (0.999, 0.95):
    u = adam_updates(beta2)
    print(f"beta2 = {beta2}: first update {u[0]:.2f} "
          f"(theory (1-beta1)/sqrt(1-beta2) = {0.1 / np.sqrt(1 - beta2):.2f}), "
          f"largest of the next 50 {u.max():.2f}")
    assert np.isclose(u[0], 0.1 / np.sqrt(1 - beta2), rtol=0.01)
    if beta2 == 0.999:
        assert u.max() > 6  # six times the steady-state step, for a dozen steps
    else:
        assert u.max() < 1.2
print("stale second moment: beta2 = 0.999 overshoots ~6x; beta2 = 0.95 adapts in a few steps")

# 2. Softmax cross-entropy ignores a shift of all logits, so nothing stops log Z drifting;
#    the z-loss c * (log Z)^2 (PaLM: c = 1e-4) adds a gradient that pulls log Z to 0.
z, target, c = rng.normal(size=8) + 40.0, 3, 1e-4


def ce(z):
    return np.log(np.exp(z - z.max()).sum()) + z.max() - z[target]


def zloss(z):
    return c * (np.log(np.exp(z - z.max()).sum()) + z.max()) ** 2


def num_grad(f, z, h=1e-6):
    return np.array([(f(z + h * e) - f(z - h * e)) / (2 * h) for e in np.eye(len(z))])


p = np.exp(z - z.max())
p /= p.sum()
log_z = np.log(np.exp(z - z.max()).sum()) + z.max()
assert np.isclose(ce(z + 5.0), ce(z)) and abs(num_grad(ce, z).sum()) < 1e-6
assert np.allclose(num_grad(zloss, z), 2 * c * log_z * p, atol=1e-8)
print(f"cross-entropy gradient sums to 0 (no force on log Z = {log_z:.1f}); "
      f"z-loss gradient sums to 2c log Z = {num_grad(zloss, z).sum():.4f}")

# 3. Attention logits grow with the product of the query and key weight norms; normalising
#    q and k (QK-norm) bounds them, so attention cannot collapse onto one token.
d, n = 64, 16
x = rng.normal(size=(n, d))
Wq, Wk = rng.normal(size=(d, d)) / np.sqrt(d), rng.normal(size=(d, d)) / np.sqrt(d)


def rms(a):
    return a / np.sqrt((a**2).mean(-1, keepdims=True))


def entropy(logits):
    a = np.exp(logits - logits.max(-1, keepdims=True))
    a /= a.sum(-1, keepdims=True)
    return -(a * np.log(a + 1e-30)).sum(-1).mean()


for scale in (1, 4, 16):
    raw = (x @ (scale * Wq)) @ (x @ (scale * Wk)).T / np.sqrt(d)
    normed = rms(x @ (scale * Wq)) @ rms(x @ (scale * Wk)).T / np.sqrt(d)
    print(f"weights x{scale:2d}: max |logit| {np.abs(raw).max():8.1f}, entropy "
          f"{entropy(raw):.2f} nats; with QK-norm {np.abs(normed).max():.1f}, "
          f"{entropy(normed):.2f} nats")
    assert np.abs(normed).max() <= np.sqrt(d) + 1e-9
assert entropy(raw) < 0.1 < entropy(normed)
