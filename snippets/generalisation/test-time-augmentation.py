"""Check two facts about test-time augmentation (TTA) with a toy classifier."""

import numpy as np

rng = np.random.default_rng(0)


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


# 1. Averaging over {x, flip(x)} makes any model exactly flip-invariant.
w = rng.normal(size=(16, 3))  # a linear classifier on length-16 signals, 3 classes
x = rng.normal(size=(100, 16))
flip = x[:, ::-1]
plain_gap = np.abs(softmax(x @ w) - softmax(flip @ w)).max()


def tta(inputs):
    return 0.5 * (softmax(inputs @ w) + softmax(inputs[:, ::-1] @ w))


tta_gap = np.abs(tta(x) - tta(flip)).max()
print(f"max change in p under a flip: plain {plain_gap:.3f}, TTA {tta_gap:.1e}")
assert plain_gap > 0.1 and tta_gap < 1e-12

# 2. A model whose logits on each view are the truth plus noise; part of the noise is
# shared by all views of an image, part differs between views. Averaging the
# probabilities over K views removes some of the view-specific part.
n, classes, views = 20_000, 10, 8
labels = rng.integers(0, classes, size=n)
signal = 2.0 * np.eye(classes)[labels]
shared = rng.normal(size=(n, classes))  # the model's error on this image
specific = rng.normal(size=(views, n, classes))  # error that depends on the view
probs = softmax(signal + shared + specific)  # shape (views, n, classes)
acc_one = np.mean(probs[0].argmax(axis=1) == labels)
acc_tta = np.mean(probs.mean(axis=0).argmax(axis=1) == labels)
nll_one = -np.log(probs[0][np.arange(n), labels]).mean()
nll_tta = -np.log(probs.mean(axis=0)[np.arange(n), labels]).mean()
print(f"accuracy: one view {acc_one:.3f}, TTA over {views} views {acc_tta:.3f}")
print(f"NLL     : one view {nll_one:.3f}, TTA over {views} views {nll_tta:.3f}")
print(f"cost    : {views} forward passes per test input instead of 1")
assert acc_tta > acc_one + 0.05 and nll_tta < nll_one
