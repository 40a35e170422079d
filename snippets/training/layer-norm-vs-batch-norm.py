"""Contrasts layer norm (per example) with batch norm (per feature)."""

import numpy as np

EPS = 1e-5
rng = np.random.default_rng(0)
x = rng.normal(3.0, 2.0, size=(32, 8))     # batch of 32 examples, 8 features


def batch_norm(v):
    return (v - v.mean(0)) / np.sqrt(v.var(0) + EPS)       # over the batch axis


def layer_norm(v):
    m, s2 = v.mean(-1, keepdims=True), v.var(-1, keepdims=True)
    return (v - m) / np.sqrt(s2 + EPS)                      # over the feature axis


bn, ln = batch_norm(x), layer_norm(x)
assert np.allclose(bn.mean(0), 0) and np.allclose(bn.var(0), 1, atol=1e-4)
assert np.allclose(ln.mean(1), 0) and np.allclose(ln.var(1), 1, atol=1e-4)
print("BN: every column (feature) has mean 0, var 1")
print("LN: every row (example) has mean 0, var 1")

# LN of one example does not depend on the rest of the batch; BN's does.
assert np.allclose(layer_norm(x[:1]), ln[:1])
assert not np.allclose(batch_norm(x[:4])[0], bn[0])
print("LN(example alone) == LN(example in batch): True; the same for BN: False")

# Invariances: LN ignores a per-example scale, BN a per-feature scale.
per_example = rng.uniform(0.5, 5, size=(32, 1))
per_feature = rng.uniform(0.5, 5, size=(1, 8))
assert np.allclose(layer_norm(x * per_example), ln, atol=1e-5)
assert np.allclose(batch_norm(x * per_feature), bn, atol=1e-5)
assert not np.allclose(batch_norm(x * per_example), bn, atol=1e-3)
print("LN invariant to rescaling each example; BN invariant to rescaling each feature")

# Sequences: LN normalises each token vector on its own, so padding tokens or
# sequence length cannot change the other tokens' outputs. BN statistics taken over
# the padded token batch include the padding, so the real tokens' outputs change.
tokens = rng.normal(size=(5, 8))
padded = np.vstack([tokens, np.zeros((3, 8))])
assert np.allclose(layer_norm(padded)[:5], layer_norm(tokens))
bn_shift = np.abs(batch_norm(padded)[:5] - batch_norm(tokens)).max()
assert bn_shift > 0.1
print("LN outputs of 5 real tokens unchanged by 3 padding tokens: True")
print(f"BN over the same tokens: padding changes their outputs by up to {bn_shift:.2f}")

# RMSNorm (no mean subtraction) equals LN when the features already have mean 0.
z = tokens - tokens.mean(-1, keepdims=True)
rms = z / np.sqrt(np.mean(z**2, -1, keepdims=True) + EPS)
assert np.allclose(rms, layer_norm(z))
print("RMSNorm == LN on zero-mean features: True")
