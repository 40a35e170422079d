"""Worked MCQ: inputs (1, 2, 3), weights (4, 5, 6), linear activation f(z) = 3z."""

import numpy as np

x = np.array([1.0, 2.0, 3.0])
w = np.array([4.0, 5.0, 6.0])


def activation(z):
    return 3.0 * z  # "linear activation with constant 3"


z = w @ x
out = activation(z)
print(f"weighted sum z = 1*4 + 2*5 + 3*6 = {z:.0f}")
print(f"output f(z) = 3 * {z:.0f} = {out:.0f}")
assert z == 32 and out == 96

# With a linear activation the unit is just a linear map with weights 3w.
assert np.isclose(activation(w @ (2 * x)), 2 * out)
assert np.isclose((3 * w) @ x, out)
print("equivalent weights with no activation:", 3 * w)

# Other activations on the same z: ReLU gives 32, sigmoid gives almost exactly 1.
relu, sig = max(0.0, z), 1 / (1 + np.exp(-z))
print(f"ReLU(32) = {relu:.0f}, sigmoid(32) = 1 - {1 - sig:.1e}")
assert relu == 32 and 0 < 1 - sig < 1e-13
