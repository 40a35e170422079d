"""A unit without a bias can only put its boundary through the origin."""

import numpy as np

rng = np.random.default_rng(0)
x = rng.uniform(0, 4, size=200)  # one input feature, all positive
y = (x > 2.5).astype(float)  # class 1 to the right of 2.5


def accuracy(w, b):
    return np.mean(((w * x + b) > 0) == (y == 1))


# Without a bias the boundary w * x = 0 sits at x = 0 whatever w is.
no_bias = max(accuracy(w, 0.0) for w in np.linspace(-5, 5, 101))
# With a bias the boundary is x = -b / w; w = 1, b = -2.5 puts it at 2.5.
with_bias = accuracy(1.0, -2.5)
print(f"best accuracy without bias: {no_bias:.3f} (= share of the larger class)")
print(f"accuracy with w = 1, b = -2.5: {with_bias:.3f}")
assert no_bias == max(y.mean(), 1 - y.mean())
assert with_bias == 1.0

# The weight sets steepness and direction; the bias sets where the unit switches.
for w, b in [(1.0, -2.5), (4.0, -10.0), (-1.0, 2.5)]:
    p = 1 / (1 + np.exp(-(w * np.array([2.0, 2.5, 3.0]) + b)))
    print(f"sigmoid({w:+.0f} x {b:+.1f}) at x = 2, 2.5, 3: {p.round(3)}")
    assert np.isclose(p[1], 0.5)  # the switch point -b / w = 2.5 in every case
