"""Check softmax at the output: class axis, argmax unchanged, CE gradient p - y."""

import numpy as np

rng = np.random.default_rng(0)


def softmax(z, axis=-1):
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


# Segmentation-style logits: (batch N, classes C, height H, width W).
logits = rng.normal(size=(2, 5, 4, 4))
p = softmax(logits, axis=1)  # over the class axis
wrong = softmax(logits, axis=-1)  # over image width: a common bug
print("sum over classes, correct axis :", np.unique(np.round(p.sum(axis=1), 12)))
print("sum over classes, wrong axis   :", np.round(wrong.sum(axis=1)[0, 0, :3], 3))
assert np.allclose(p.sum(axis=1), 1.0)
assert not np.allclose(wrong.sum(axis=1), 1.0)

# Inference: softmax is monotonic, so the predicted class is the argmax of the logits.
Z = rng.normal(size=(1000, 10))
same = int((softmax(Z).argmax(axis=1) == Z.argmax(axis=1)).sum())
print("argmax(logits) == argmax(probs):", same, "of 1000")
assert same == 1000

# Training: loss on logits, CE = LSE(z) - z_y, has gradient softmax(z) - onehot(y).
z, y = rng.normal(size=6), 2


def ce(v):
    m = v.max()
    return m + np.log(np.exp(v - m).sum()) - v[y]


h = 1e-6
num = np.array([(ce(z + h * e) - ce(z - h * e)) / (2 * h) for e in np.eye(6)])
analytic = softmax(z) - np.eye(6)[y]
print("max |dCE/dz - (p - y)|         :", f"{np.abs(num - analytic).max():.1e}")
assert np.abs(num - analytic).max() < 1e-9
