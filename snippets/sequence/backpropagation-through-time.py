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

# Shared weights: untie W_hh into T copies, one per step. The finite-difference
# gradient for the copy used at step t must equal BPTT's per-step term, and the
# per-step terms add up to the gradient of the shared matrix.
def loss_untied(W_steps):
    h, loss = np.zeros(h_dim), 0.0
    for t in range(T):
        h = np.tanh(W_steps[t] @ h + params["W_xh"] @ xs[t] + params["b"])
        loss += 0.5 * np.sum((h - targets[t]) ** 2)
    return loss


per_step = per_step[::-1]  # bptt collected them from t = T down to 1
W_steps = [params["W_hh"].copy() for _ in range(T)]
for t in range(T):
    numeric = np.zeros((h_dim, h_dim))
    for idx in np.ndindex(h_dim, h_dim):
        old = W_steps[t][idx]
        W_steps[t][idx] = old + eps
        up = loss_untied(W_steps)
        W_steps[t][idx] = old - eps
        down = loss_untied(W_steps)
        W_steps[t][idx] = old
        numeric[idx] = (up - down) / (2 * eps)
    assert np.abs(numeric - per_step[t]).max() < 1e-7
assert np.allclose(sum(per_step), grads["W_hh"])
norms = ", ".join(f"{np.linalg.norm(g):.3f}" for g in per_step)
print(f"W_hh gradient is a sum of {T} per-step terms, norms t=1..{T}: {norms}")
print("each term matches the finite-difference gradient of that step's own copy")
assert np.linalg.norm(per_step[0]) == 0.0
print("(the t=1 term is zero because it is multiplied by h_0 = 0)")
