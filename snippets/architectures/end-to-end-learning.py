"""A two-stage pipeline with a hand-chosen intermediate goal vs training end to end."""

import numpy as np

rng = np.random.default_rng(0)
n = 1000
# Two input features: a loud one that does not matter, a quiet one that decides y.
loud = 5.0 * rng.normal(size=n)
quiet = 0.5 * rng.normal(size=n)
X = np.column_stack([loud, quiet])
y = 2.0 * quiet + 0.05 * rng.normal(size=n)


def r2(pred):
    return 1 - np.mean((y - pred) ** 2) / np.var(y)


# Pipeline: stage 1 compresses to 1 feature by PCA (keep the most variance),
# stage 2 fits y by least squares on it. Each stage is optimal for its own goal.
Xc = X - X.mean(axis=0)
top = np.linalg.eigh(Xc.T @ Xc)[1][:, -1]
z = Xc @ top
w2 = (z @ (y - y.mean())) / (z @ z)
r2_pipe = r2(w2 * z + y.mean())

# End to end: the same 1-feature bottleneck x -> z = x.a -> y = b z + c,
# with a, b, c trained together by gradient descent on the final squared error.
a, b, c = rng.normal(0, 0.1, size=2), 0.1, 0.0
lr = 0.01
for _ in range(5000):
    z = X @ a
    err = b * z + c - y
    grad_a = 2 * (err * b) @ X / n
    grad_b = 2 * err @ z / n
    grad_c = 2 * err.mean()
    a, b, c = a - lr * grad_a, b - lr * grad_b, c - lr * grad_c
r2_e2e = r2(b * (X @ a) + c)

print(f"pipeline (PCA, then regression): R^2 = {r2_pipe:.3f}")
print(f"end to end (same bottleneck):    R^2 = {r2_e2e:.3f}")
u = np.abs(a) / np.linalg.norm(a)  # direction up to sign
print(
    f"weight on (loud, quiet) feature: PCA ({abs(top[0]):.3f}, {abs(top[1]):.3f}), "
    f"end to end ({u[0]:.3f}, {u[1]:.3f})"
)
assert r2_pipe < 0.05 and r2_e2e > 0.99 and u[1] > 0.99
