"""One bias shared by a layer: what it costs, and the ReLU rescaling that recovers most of it."""

import numpy as np

rng = np.random.default_rng(0)

# 1. A linear layer with 3 outputs whose targets have different offsets.
x = rng.normal(size=(500, 4))
w_true = rng.normal(size=(4, 3))
offsets = np.array([-2.0, 0.5, 3.0])
y = x @ w_true + offsets + 0.1 * rng.normal(size=(500, 3))

# Per-unit biases: ordinary least squares with a column of ones.
xa = np.hstack([x, np.ones((500, 1))])
coef, *_ = np.linalg.lstsq(xa, y, rcond=None)
mse_own = np.mean((xa @ coef - y) ** 2)

# One shared bias: unknowns are W (4 x 3) and a single b; stack the 3 outputs.
design = np.zeros((1500, 13))
for j in range(3):
    design[j::3, 4 * j : 4 * j + 4] = x
design[:, 12] = 1.0
sol, *_ = np.linalg.lstsq(design, y.ravel(), rcond=None)
mse_shared = np.mean((design @ sol - y.ravel()) ** 2)
print(f"linear layer, own biases:  MSE {mse_own:.4f}, biases {coef[4].round(2)}")
print(f"linear layer, one bias:    MSE {mse_shared:.4f}, bias {sol[12]:.2f}")
assert abs(mse_own - 0.01) < 0.002  # per-unit biases: only the noise is left
assert np.isclose(sol[12], offsets.mean(), atol=0.05)  # shared bias: mean offset
assert abs(mse_shared - 12.5 / 3) < 0.2  # ((-2.5)^2 + 0 + 2.5^2) / 3, plus noise

# 2. ReLU layer: relu(c * (w.x) + b) = c * relu(w.x + b / c) for c > 0, so a shared
# bias b can stand in for any per-unit biases that have the same sign as b.
w1 = rng.normal(size=(5, 4))
own_b = np.array([0.2, 1.0, 3.0, 0.5, 0.05])  # all positive
w2 = rng.normal(size=(1, 5))
shared = 1.0
c = shared / own_b  # rescale each unit's weights by c_i ...
out_own = np.maximum(x @ w1.T + own_b, 0) @ w2.T
out_shared = np.maximum(x @ (w1 * c[:, None]).T + shared, 0) @ (w2 / c).T  # ... undo it
print(
    "ReLU layer, own positive biases vs one shared bias of 1, max difference:",
    f"{np.max(np.abs(out_own - out_shared)):.1e}",
)
assert np.allclose(out_own, out_shared)

# 3. Convolutions share each filter's bias across all positions of its feature map.
c_in, c_out, k, h, w = 3, 16, 3, 32, 32
neurons = c_out * (h - k + 1) * (w - k + 1)
print(f"conv 3x3, 3 -> 16 channels on 32x32: {neurons} output neurons, {c_out} biases")
assert neurons == 14_400
