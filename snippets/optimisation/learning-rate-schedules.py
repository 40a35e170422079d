"""Fixed learning rates vs decay schedules: SGD on a noisy ill-conditioned quadratic."""

import numpy as np

curv = np.array([1.0, 0.01])  # loss sum_i curv_i / 2 * w_i^2, condition number 100
sigma, T, runs = 1.0, 1000, 1000  # gradient noise std, steps, independent runs


def excess_loss(schedule, seed=0):
    """Mean final loss over many runs of SGD with gradient a*w + noise."""
    rng = np.random.default_rng(seed)
    w = np.full((runs, 2), 10.0)
    for t in range(T):
        w -= schedule(t) * (curv * w + sigma * rng.normal(size=(runs, 2)))
    return np.mean(np.sum(0.5 * curv * w**2, axis=1))


# With a fixed rate eta, SGD settles where loss ~ sum eta sigma^2 / (2 (2 - eta a)).
eta0 = 0.5
floor = np.sum(eta0 * sigma**2 / (2 * (2 - eta0 * curv)))
fixed_high = excess_loss(lambda t: eta0)
assert abs(fixed_high / floor - 1) < 0.1
print(f"fixed eta=0.5: loss {fixed_high:.3f} (predicted noise floor {floor:.3f})")

grid = np.geomspace(0.01, 1.0, 9)
fixed = {eta: excess_loss(lambda t, e=eta: e) for eta in grid}
best_eta = min(fixed, key=fixed.get)
print(f"best fixed eta on a 9-point grid: {best_eta:.3f}, loss {fixed[best_eta]:.3f}")


def step_decay(t):
    return eta0 * 0.1 ** ((t >= T // 2) + (t >= 3 * T // 4))


def cosine(t):
    return eta0 * 0.5 * (1 + np.cos(np.pi * t / T))


step_loss, cos_loss = excess_loss(step_decay), excess_loss(cosine)
print(f"step decay 0.5 -> 0.05 -> 0.005: loss {step_loss:.3f}")
print(f"cosine decay 0.5 -> 0:           loss {cos_loss:.3f}")
assert step_loss < fixed_high / 2  # same peak rate, decayed: well below the floor
assert cos_loss < 0.8 * fixed[best_eta]  # beats every fixed rate on the grid
assert fixed[grid[0]] > fixed[best_eta]  # the smallest rate is too slow
