"""Softmax + cross-entropy for multi-class; per-label sigmoid + BCE for multi-label."""

import numpy as np

z = np.array([2.0, 1.5, -1.0, 0.3])  # logits for K = 4 classes / labels


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def ce(z, k):  # multi-class: exactly one true class k
    return -np.log(softmax(z)[k])


def bce(z, y):  # multi-label: y is a 0/1 vector, one binary problem per label
    p = 1 / (1 + np.exp(-z))
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


p_mc = softmax(z)
p_ml = 1 / (1 + np.exp(-z))
print("softmax  :", np.round(p_mc, 3), "sum", round(p_mc.sum(), 3))
print("sigmoids :", np.round(p_ml, 3), "sum", round(p_ml.sum(), 3))
print("multi-class prediction: class", int(np.argmax(p_mc)))
print("multi-label prediction: labels", np.flatnonzero(p_ml > 0.5).tolist())
assert np.isclose(p_mc.sum(), 1.0) and p_ml.sum() > 1.0
assert np.argmax(p_mc) == 0 and np.flatnonzero(p_ml > 0.5).tolist() == [0, 1, 3]

# Gradients w.r.t. logits: softmax - onehot, and sigmoid - y; checked numerically.
k, y = 0, np.array([1.0, 1.0, 0.0, 0.0])
eps = 1e-6
eye = np.eye(4)
num_ce = np.array([(ce(z + eps * e, k) - ce(z - eps * e, k)) / (2 * eps) for e in eye])
num_bce = np.array(
    [(bce(z + eps * e, y) - bce(z - eps * e, y)) / (2 * eps) for e in eye]
)
assert np.allclose(num_ce, p_mc - eye[k], atol=1e-6)
assert np.allclose(num_bce, p_ml - y, atol=1e-6)
print("dCE/dz  = p - onehot:", np.round(p_mc - eye[k], 3))
print("dBCE/dz = sigma - y :", np.round(p_ml - y, 3))

K = 4
print(f"possible outputs: multi-class {K}, multi-label 2^{K} = {2**K}")
