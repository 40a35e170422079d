"""Model merging on toy models: task arithmetic is exact when the task vectors
touch disjoint directions and interferes when they overlap; TIES trimming,
sign election and disjoint mean on explicit vectors; SLERP keeps the norm that
linear interpolation loses; and why merging needs a shared initialisation."""

import numpy as np

rng = np.random.default_rng(0)

# 1. Task arithmetic on linear least squares. Fine-tuning from theta_pre by
#    gradient descent converges to the closest solution: theta_pre + pinv(X)(y - X theta_pre).
d = 8
theta_pre = rng.normal(size=d)


def finetune(X, y):
    return theta_pre + np.linalg.pinv(X) @ (y - X @ theta_pre)


def mse(theta, X, y):
    return float(np.mean((X @ theta - y) ** 2))


def task(cols, m=20):
    X = np.zeros((m, d))
    X[:, cols] = rng.normal(size=(m, len(cols)))
    return X, X @ rng.normal(size=d)


for name, cols_a, cols_b in [("disjoint", [0, 1, 2], [3, 4, 5]),
                             ("overlapping", [0, 1, 2, 3], [2, 3, 4, 5])]:
    (Xa, ya), (Xb, yb) = task(cols_a), task(cols_b)
    tau_a, tau_b = finetune(Xa, ya) - theta_pre, finetune(Xb, yb) - theta_pre
    summed = theta_pre + tau_a + tau_b              # task arithmetic, lambda = 1
    averaged = theta_pre + 0.5 * (tau_a + tau_b)    # uniform average of the two models
    losses = [mse(t, Xa, ya) + mse(t, Xb, yb) for t in (summed, averaged)]
    cos = tau_a @ tau_b / np.linalg.norm(tau_a) / np.linalg.norm(tau_b)
    print(f"{name:11s}: cos(tau_a, tau_b) = {cos:+.3f}; loss A+B summed {losses[0]:.3f},"
          f" averaged {losses[1]:.3f}")
    if name == "disjoint":
        assert abs(cos) < 1e-12 and losses[0] < 1e-20 and losses[1] > 0.1
    else:
        assert losses[0] > 0.1

# 2. TIES-merging on three explicit task vectors, keeping the top 50% by magnitude.
taus = np.array([[0.9, -0.1, 0.5, 0.0, -0.8, 0.2],
                 [0.7, 0.3, -0.6, 0.1, -0.2, -0.05],
                 [-0.2, 0.05, 0.4, 0.6, -0.9, 0.1]])


def ties(taus, keep=0.5):
    k = round(keep * taus.shape[1])
    trimmed = np.zeros_like(taus)
    for t, row in enumerate(taus):
        top = np.argsort(-np.abs(row))[:k]
        trimmed[t, top] = row[top]
    sign = np.sign(trimmed.sum(0))                          # elect
    agree = (np.sign(trimmed) == sign) & (trimmed != 0)     # disjoint merge
    merged = np.where(agree, trimmed, 0).sum(0) / np.maximum(agree.sum(0), 1)
    return trimmed, sign, merged


trimmed, sign, merged = ties(taus)
assert np.array_equal(sign, [1, 1, 1, 1, -1, 0])
assert np.allclose(merged, [0.8, 0.3, 0.45, 0.6, -0.85, 0.0])
print("elected signs  ", sign.astype(int))
print("TIES merged    ", merged.round(3))
print("plain average  ", taus.mean(0).round(3))
print("sum (lambda=1) ", taus.sum(0).round(3))

# 3. SLERP versus linear interpolation of two weight vectors of equal norm.


def slerp(p, q, t):
    omega = np.arccos(p @ q / np.linalg.norm(p) / np.linalg.norm(q))
    return (np.sin((1 - t) * omega) * p + np.sin(t * omega) * q) / np.sin(omega)


p = rng.normal(size=10_000)
q = rng.normal(size=10_000)
q *= np.linalg.norm(p) / np.linalg.norm(q)
omega = np.arccos(p @ q / (p @ p))
lerp_mid, slerp_mid = 0.5 * (p + q), slerp(p, q, 0.5)
ratio_lerp = np.linalg.norm(lerp_mid) / np.linalg.norm(p)
assert np.isclose(ratio_lerp, np.cos(omega / 2))
assert all(np.isclose(np.linalg.norm(slerp(p, q, t)), np.linalg.norm(p))
           for t in (0.1, 0.3, 0.5, 0.9))
print(f"angle {np.degrees(omega):.1f} deg; midpoint norm / |p|: lerp {ratio_lerp:.3f},"
      f" slerp {np.linalg.norm(slerp_mid) / np.linalg.norm(p):.3f}")

# 4. Permutation symmetry: permuting hidden units gives the same network, but
#    averaging a network with its permuted copy gives a different one.
W1, b1, W2 = rng.normal(size=(16, 4)), rng.normal(size=16), rng.normal(size=(1, 16))
perm = rng.permutation(16)


def mlp(x, W1, b1, W2):
    return W2 @ np.maximum(W1 @ x + b1[:, None], 0)


x = rng.normal(size=(4, 200))
out = mlp(x, W1, b1, W2)
assert np.allclose(out, mlp(x, W1[perm], b1[perm], W2[:, perm]))
avg = mlp(x, (W1 + W1[perm]) / 2, (b1 + b1[perm]) / 2, (W2 + W2[:, perm]) / 2)
rel = np.linalg.norm(avg - out) / np.linalg.norm(out)
assert rel > 0.3
print(f"permuted copy: same outputs; average with it: relative output error {rel:.2f}")
