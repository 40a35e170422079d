"""Compares gradient flow through plain and residual stacks of the same layers."""

import numpy as np

DEPTH, WIDTH = 50, 64
rng = np.random.default_rng(0)
# Weight variance 0.5/n: deliberately below the variance-preserving 1/n (LeCun/Xavier),
# so the plain stack also suffers from a sub-critical initialisation; see the end.
base = [rng.normal(0, 1 / np.sqrt(WIDTH), (WIDTH, WIDTH)) for _ in range(DEPTH)]
ws = [np.sqrt(0.5) * w for w in base]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


ACTS = {"tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
        "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z)))}


def run(h0, act, residual, upstream):
    """Forward h_l = [h_{l-1} +] f(W_l h_{l-1}); return output and dL/dh_0."""
    f, df = ACTS[act]
    h, zs = h0, []
    for w in ws:
        z = w @ h
        zs.append(z)
        h = h + f(z) if residual else f(z)
    g = upstream
    for w, z in zip(reversed(ws), reversed(zs)):
        through_branch = w.T @ (df(z) * g)
        g = g + through_branch if residual else through_branch   # (I + J_F)^T g
    return h, g


h0, up = rng.normal(size=WIDTH), rng.normal(size=WIDTH)
print(f"{DEPTH} layers, ||dL/dh_0|| / ||dL/dh_L||:")
ratios = {}
for act in ACTS:
    for residual in (False, True):
        _, g = run(h0, act, residual, up)
        ratios[act, residual] = np.linalg.norm(g) / np.linalg.norm(up)
        name = "residual" if residual else "plain"
        print(f"  {act:7s} {name:8s} {ratios[act, residual]:.2e}")
    assert ratios[act, False] < 1e-4 and 0.5 < ratios[act, True] < 100

# Check the residual backward pass against finite differences of L = up . h_L.
_, g = run(h0, "tanh", True, up)
num = np.array([(up @ run(h0 + e, "tanh", True, up)[0]
                 - up @ run(h0 - e, "tanh", True, up)[0]) / 2e-6
                for e in np.eye(WIDTH) * 1e-6])
assert np.allclose(g, num, rtol=1e-5, atol=1e-6)
print(f"residual gradient vs finite differences: max error {np.abs(g - num).max():.1e}")

# With the branches switched off (W = 0) a residual block is the identity, so even a
# deep stack passes the gradient unchanged; a plain stack would pass nothing.
saved, ws[:] = ws[:], [np.zeros((WIDTH, WIDTH))] * DEPTH
_, g = run(h0, "tanh", True, up)
assert np.array_equal(g, up)
_, g_plain = run(h0, "tanh", False, up)
assert not g_plain.any()
ws[:] = saved
print("zero branches: residual gradient == upstream gradient; plain gradient == 0")

# The same comparison at the variance-preserving scale 1/n (same random matrices): the
# plain tanh stack is no longer hopeless, so much of its loss above came from the init.
ws[:] = base
print("same layers with weight variance 1/n:")
for act in ACTS:
    plain = np.linalg.norm(run(h0, act, False, up)[1]) / np.linalg.norm(up)
    resid = np.linalg.norm(run(h0, act, True, up)[1]) / np.linalg.norm(up)
    print(f"  {act:7s} plain {plain:.2e}  residual {resid:.2e}")
    if act == "tanh":
        assert plain > 1e3 * ratios["tanh", False]
