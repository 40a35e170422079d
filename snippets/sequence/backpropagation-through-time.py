"""BPTT for a vanilla RNN, checked against finite differences; shared-weight sum."""

import numpy as np

rng = np.random.default_rng(0)
T, x_dim, h_dim = 6, 3, 4
xs = rng.normal(size=(T, x_dim))
targets = rng.normal(size=(T, h_dim))
params = {
    "W_hh": rng.normal(0, 0.5, size=(h_dim, h_dim)),
    "W_xh": rng.normal(0, 0.5, size=(h_dim, x_dim)),
    "b": rng.normal(0, 0.1, size=h_dim),
}


def forward(p):
    """Loss L = sum_t 0.5 * ||h_t - y_t||^2 and all states (h_0 = 0 first)."""
    hs = [np.zeros(h_dim)]
    for t in range(T):
        hs.append(np.tanh(p["W_hh"] @ hs[-1] + p["W_xh"] @ xs[t] + p["b"]))
    loss = sum(0.5 * np.sum((hs[t + 1] - targets[t]) ** 2) for t in range(T))
    return loss, hs


def bptt(p):
    """Backward pass over the unrolled graph; returns grads and per-step W_hh terms."""
    _, hs = forward(p)
    grads = {k: np.zeros_like(v) for k, v in p.items()}
    per_step = []
    delta_next = np.zeros(h_dim)  # dL/dh_{t+1} arriving from the future
    for t in reversed(range(T)):
        h, h_prev = hs[t + 1], hs[t]
        dh = (h - targets[t]) + delta_next  # local loss + recurrent path
        da = dh * (1.0 - h**2)  # through tanh
        step_W_hh = np.outer(da, h_prev)
        per_step.append(step_W_hh)
        grads["W_hh"] += step_W_hh  # same weights at every step: gradients add
        grads["W_xh"] += np.outer(da, xs[t])
        grads["b"] += da
        delta_next = p["W_hh"].T @ da  # send gradient back to h_{t-1}
    return grads, per_step


grads, per_step = bptt(params)

eps = 1e-6
for name, value in params.items():
    numeric = np.zeros_like(value)
    for idx in np.ndindex(value.shape):
        old = value[idx]
        value[idx] = old + eps
        up = forward(params)[0]
        value[idx] = old - eps
        down = forward(params)[0]
        value[idx] = old
        numeric[idx] = (up - down) / (2 * eps)
    err = np.abs(numeric - grads[name]).max()
    assert err < 1e-7, name
    print(f"dL/d{name}: max |BPTT - finite difference| = {err:.1e}")

assert len(per_step) == T
assert np.allclose(sum(per_step), grads["W_hh"])
norms = ", ".join(f"{np.linalg.norm(g):.3f}" for g in reversed(per_step))
print(f"W_hh gradient is a sum of {T} per-step terms, norms t=1..{T}: {norms}")
assert np.linalg.norm(per_step[-1]) == 0.0
print("(the t=1 term is zero because it is multiplied by h_0 = 0)")
