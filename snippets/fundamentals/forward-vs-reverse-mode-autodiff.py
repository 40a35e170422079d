"""Forward mode (JVPs) vs reverse mode (VJPs) on a tanh MLP: same Jacobian, different cost."""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def make_mlp(widths):
    pairs = itertools.pairwise(widths)
    return [
        (rng.normal(size=(o, i)) / np.sqrt(i), rng.normal(size=o)) for i, o in pairs
    ]


def forward(layers, x):
    a = x
    for w, b in layers:
        a = np.tanh(w @ a + b)
    return a


def jvp(layers, x, v):
    """Forward mode: carry (value, tangent) through the layers together, nothing stored."""
    a, t = x, v
    for w, b in layers:
        a = np.tanh(w @ a + b)
        t = (1 - a**2) * (w @ t)  # chain rule, applied input-to-output
    return t  # J v


def vjp(layers, x, u):
    """Reverse mode: a forward pass that stores activations, then one backward sweep."""
    acts = [x]
    for w, b in layers:
        acts.append(np.tanh(w @ acts[-1] + b))
    g = u
    for (w, _), a in zip(reversed(layers), reversed(acts[1:])):
        g = w.T @ ((1 - a**2) * g)  # chain rule, applied output-to-input
    return g  # u^T J


for n, m in [(100, 1), (1, 100), (20, 20)]:
    layers = make_mlp([n, 32, 32, m])
    x = rng.normal(size=n)
    j_fwd = np.stack([jvp(layers, x, e) for e in np.eye(n)], axis=1)  # n passes
    j_rev = np.stack([vjp(layers, x, e) for e in np.eye(m)], axis=0)  # m passes
    assert j_fwd.shape == j_rev.shape == (m, n)
    assert np.allclose(j_fwd, j_rev)
    print(
        f"f: R^{n} -> R^{m}: Jacobian {m}x{n}; passes needed: "
        f"forward mode {n}, reverse mode {m}"
    )

# Both are exact: compare a directional derivative with central finite differences.
layers = make_mlp([3, 8, 2])
x, v, h = rng.normal(size=3), rng.normal(size=3), 1e-6
fd = (forward(layers, x + h * v) - forward(layers, x - h * v)) / (2 * h)
print("J v by forward mode:       ", np.round(jvp(layers, x, v), 8))
print("J v by finite differences: ", np.round(fd, 8))
assert np.allclose(jvp(layers, x, v), fd, atol=1e-8)
u = rng.normal(size=2)
assert np.isclose(u @ jvp(layers, x, v), vjp(layers, x, u) @ v)  # u^T (J v) = (u^T J) v
