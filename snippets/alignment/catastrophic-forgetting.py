"""Forgetting in a linear model: plain fine-tuning, L2 to the old weights, EWC, replay."""

import numpy as np

rng = np.random.default_rng(0)
d, n = 30, 10  # 30 weights, 10 examples per task: both tasks CAN be fit at once
x_a, x_b = rng.normal(size=(n, d)), rng.normal(size=(n, d))
y_a, y_b = x_a @ rng.normal(size=d), x_b @ rng.normal(size=d)


def loss(x, y, w):
    return 0.5 * np.sum((x @ w - y) ** 2)


def min_change(w0, rows, targets):
    """Gradient descent from w0 on a least-squares problem converges to the
    solution closest to w0; compute that limit directly."""
    return w0 + np.linalg.lstsq(rows, targets - rows @ w0, rcond=None)[0]


# Learn task A from zero weights.
w_a = min_change(np.zeros(d), x_a, y_a)
results = {"after task A": w_a}

# 1. Plain fine-tuning on B: nothing keeps the predictions on A.
results["fine-tune on B"] = min_change(w_a, x_b, y_b)

# 2. L2 pull towards the old weights (L2-SP): every direction costs the same.
for lam in (1.0, 10.0):
    step = np.linalg.solve(x_b.T @ x_b + lam * np.eye(d), x_b.T @ (y_b - x_b @ w_a))
    results[f"L2 to w_A, lam={lam:g}"] = w_a + step

# 3. EWC: penalty (lam/2) (w - w_A)^T F (w - w_A) with F = Hessian of task A's
#    loss (the Fisher of a Gaussian model). Minimise L_B + penalty from w_A.
h_a = x_a.T @ x_a
lam = 1.0
rows = np.vstack([x_b, np.sqrt(lam) * x_a])
results["EWC, lam=1"] = min_change(w_a, rows, np.concatenate([y_b, np.sqrt(lam) * y_a]))

# 4. Replay: keep task A's examples in the fine-tuning data.
results["replay A with B"] = min_change(w_a, np.vstack([x_a, x_b]), np.concatenate([y_a, y_b]))

print(f"{'method':22s} {'loss A':>9s} {'loss B':>9s} {'|w - w_A|':>9s}")
for name, w in results.items():
    print(f"{name:22s} {loss(x_a, y_a, w):9.3f} {loss(x_b, y_b, w):9.3f}"
          f" {np.linalg.norm(w - w_a):9.3f}")

la = {k: loss(x_a, y_a, w) for k, w in results.items()}
lb = {k: loss(x_b, y_b, w) for k, w in results.items()}
assert la["after task A"] < 1e-9 and lb["fine-tune on B"] < 1e-9
assert la["fine-tune on B"] > 10  # task A is forgotten
assert la["EWC, lam=1"] < 1e-9 and lb["EWC, lam=1"] < 1e-9  # both kept
assert la["replay A with B"] < 1e-9 and lb["replay A with B"] < 1e-9
for lam in ("1", "10"):  # the isotropic pull trades one task against the other
    name = f"L2 to w_A, lam={lam}"
    assert la[name] > 1 and lb[name] > 0.1
assert np.allclose(results["EWC, lam=1"], results["replay A with B"])
print("EWC with the exact Hessian lands on the same weights as replay: True")

# Why EWC is exact here: task A's loss IS the quadratic around w_A.
w = rng.normal(size=d)
quad = loss(x_a, y_a, w_a) + 0.5 * (w - w_a) @ h_a @ (w - w_a)
assert np.isclose(loss(x_a, y_a, w), quad)
print("L_A(w) = L_A(w_A) + 1/2 (w-w_A)^T H_A (w-w_A) at a random w: True")
