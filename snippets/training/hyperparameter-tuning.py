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

# Probability that at least one of 9 random trials lands in the top 5% of the
# learning-rate range: 1 - 0.95^9.
p_hit = 1 - 0.95 ** BUDGET
print(f"P(at least one of 9 random trials in a given 5% slice) = {p_hit:.3f}")
assert np.isclose(p_hit, 0.370, atol=1e-3)
# For 60 trials this exceeds 95%: the rule of thumb from Bergstra and Bengio.
assert 1 - 0.95 ** 60 > 0.95
print(f"with 60 trials: {1 - 0.95 ** 60:.3f}")
