"""MoE load balancing: the Switch auxiliary loss, what it pushes, capacity drops, z-loss."""

import numpy as np

rng = np.random.default_rng(0)


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def switch_aux(f, P, alpha=1.0):
    """Fedus et al. (2022): alpha * E * sum_i f_i P_i (f: token fractions, P: mean probs)."""
    return alpha * len(f) * np.dot(f, P)


def dropped(f, tokens, capacity_factor):
    """Top-1 routing with expert capacity = capacity_factor * tokens / E; overflow is dropped."""
    cap = int(capacity_factor * tokens / len(f))
    return int(np.maximum(np.round(f * tokens) - cap, 0).sum()), cap


# 1. Worked example of the page: 4 experts, 1000 tokens.
uniform = np.full(4, 0.25)
f_skew, P_skew = np.array([0.7, 0.1, 0.1, 0.1]), np.array([0.6, 0.4 / 3, 0.4 / 3, 0.4 / 3])
assert np.isclose(switch_aux(uniform, uniform), 1.0)
print(f"aux loss / alpha: balanced {switch_aux(uniform, uniform):.2f}, "
      f"skewed {switch_aux(f_skew, P_skew):.2f}")
for name, f in (("balanced", uniform), ("skewed", f_skew)):
    n_drop, cap = dropped(f, 1000, 1.25)
    print(f"{name:8}: capacity {cap} tokens per expert, {n_drop} of 1000 tokens dropped")
assert dropped(uniform, 1000, 1.25)[0] == 0 and dropped(f_skew, 1000, 1.25)[0] == 388

# 2. With f = P (router probabilities that match the counts), E * sum P_i^2 >= 1,
#    with equality only for uniform routing: random routings never go below 1.
for _ in range(1000):
    p = rng.dirichlet(np.ones(8))
    assert switch_aux(p, p) >= 1.0 - 1e-12

# 3. Gradient descent on the aux loss alone rebalances a collapsed router.
#    f (argmax counts) has no gradient; the gradient reaches the router through P.
T, D, E = 2048, 16, 8
X = rng.normal(size=(T, D))
W, b = rng.normal(0, 0.1, (D, E)), np.zeros(E)
b[0] = 3.0  # router biased towards expert 0: collapse
history = []
for step in range(301):
    p = softmax(X @ W + b)
    f = np.bincount(p.argmax(1), minlength=E) / T
    history.append(f.max())
    grad_P = E * f  # d loss / d P_i, with P_i = mean over tokens of p_ti
    grad_z = p * (grad_P - (p * grad_P).sum(1, keepdims=True)) / T  # through the softmax
    W -= 5.0 * X.T @ grad_z
    b -= 5.0 * grad_z.sum(0)
assert history[0] > 0.5 and history[-1] < 0.2
print(f"largest expert's share of tokens: {history[0]:.2f} before, {history[-1]:.2f} after "
      f"300 steps on the aux loss (ideal {1 / E:.3f})")

# 4. Router z-loss (Zoph et al., 2022): mean squared log-sum-exp of the router logits.
#    Softmax ignores a shift of all logits, so routing is unchanged, but the z-loss is not:
#    it is what keeps the logits' scale small.
z = X @ W + b
z_loss = np.mean(np.log(np.exp(z).sum(1)) ** 2)
z_shift = z + 10.0
assert np.allclose(softmax(z), softmax(z_shift))
z_loss_shift = np.mean(np.log(np.exp(z_shift).sum(1)) ** 2)
assert z_loss_shift > 10 * z_loss
print(f"z-loss {z_loss:.2f}; same routing with all logits +10: z-loss {z_loss_shift:.2f}")
