"""Compares grid and random search when only one of two hyperparameters matters."""

import numpy as np

rng = np.random.default_rng(0)


def score(log_lr, dropout):
    """Score: sharp optimum in log10(lr) near -2.6; dropout barely matters."""
    return np.exp(-((log_lr + 2.6) ** 2) / 0.05) + 0.01 * (1 - (dropout - 0.3) ** 2)


LR_RANGE, DROP_RANGE, BUDGET = (-5.0, -1.0), (0.0, 0.6), 9

# Grid: 3 x 3 = 9 trials, but only 3 distinct learning rates.
lr_grid = np.linspace(*LR_RANGE, 3)
drop_grid = np.linspace(*DROP_RANGE, 3)
grid_best = max(score(a, b) for a in lr_grid for b in drop_grid)
print(f"grid search: learning rates tried 10^{lr_grid}, best score {grid_best:.3f}")

# Random: 9 trials, 9 distinct learning rates (sampled on a log scale). Repeat to
# average over the luck of the draw.
random_best = []
for _ in range(2000):
    a = rng.uniform(*LR_RANGE, BUDGET)
    b = rng.uniform(*DROP_RANGE, BUDGET)
    random_best.append(score(a, b).max())
random_best = np.array(random_best)
print(f"random search (9 trials, 2000 repeats): mean best score "
      f"{random_best.mean():.3f}, beats the grid in "
      f"{np.mean(random_best > grid_best):.0%} of repeats")
assert random_best.mean() > 2 * grid_best

# Counting argument: if a region holds 5% of the search space, n random trials hit it
# with probability 1 - 0.95^n, however many hyperparameters there are. Simulate it in
# 2 and 10 dimensions, with the region "the 5% of configurations with the lowest
# coordinate sum" (a region that depends on every hyperparameter).
for n in (9, 60):
    rates = []
    for d in (2, 10):
        q = np.quantile(rng.random((200_000, d)).sum(1), 0.05)
        trials = rng.random((10_000, n, d)).sum(2)
        rates.append(np.mean((trials <= q).any(1)))
    predicted = 1 - 0.95**n
    assert all(abs(r - predicted) < 0.02 for r in rates)
    print(f"{n} trials: P(hit the top 5%) simulated {rates[0]:.3f} (2-D), "
          f"{rates[1]:.3f} (10-D); 1 - 0.95^{n} = {predicted:.3f}")
