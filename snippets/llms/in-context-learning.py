"""In-context learning with frozen weights: one linear self-attention layer whose output
equals the prediction of one gradient-descent step on the prompt's regression examples."""

import numpy as np

rng = np.random.default_rng(0)
d = 3


def attention_predict(xs, ys, x_query, eta=1.0):
    """Linear self-attention over tokens e_i = (x_i, y_i) plus the query (x_q, 0).

    Keys/queries read the x part, values read the y part, and the output is added to
    the query token's y slot (a residual connection). The weights never change;
    eta, the "learning rate", is part of them.
    """
    tokens = np.column_stack([xs, ys])  # context tokens, shape (N, d+1)
    query = np.append(x_query, 0.0)  # the query token, y slot empty
    all_tokens = np.vstack([tokens, query])
    W_qk = np.zeros((d + 1, d + 1))
    W_qk[:d, :d] = np.eye(d)  # score = x_i . x_q
    W_v = np.zeros((d + 1, d + 1))
    W_v[d, d] = eta  # value = eta * y_i, written to the y slot
    scores = all_tokens @ W_qk @ query  # no softmax: linear attention
    update = (scores[:, None] * (all_tokens @ W_v.T)).sum(0) / len(tokens)
    return (query + update)[d]


def gd_step_predict(xs, ys, x_query, eta=1.0):
    """Start from w = 0, take one gradient step on L(w) = mean (w.x - y)^2 / 2."""

    def loss(w):
        return 0.5 * np.mean((xs @ w - ys) ** 2)

    h = 1e-6
    grad = np.array([(loss(h * e) - loss(-h * e)) / (2 * h) for e in np.eye(d)])
    w1 = np.zeros(d) - eta * grad
    return w1 @ x_query


# Worked example from the page, d = 1 padded to d = 3 with zeros.
xs = np.array([[1.0, 0, 0], [2.0, 0, 0]])
ys = np.array([2.0, 4.0])
xq = np.array([1.5, 0, 0])
a, g = attention_predict(xs, ys, xq, 0.4), gd_step_predict(xs, ys, xq, 0.4)
print(f"worked example: attention output = {a:.4f}, one GD step = {g:.4f}")
assert abs(a - 3.0) < 1e-9 and abs(a - g) < 1e-6

# Random tasks: a new hidden w per prompt; the same frozen layer adapts to each.
for n_ctx in (5, 50, 500):
    errs, gaps = [], []
    for _ in range(200):
        w_task = rng.normal(size=d)
        xs = rng.normal(size=(n_ctx, d))
        ys = xs @ w_task
        xq = rng.normal(size=d)
        a, g = attention_predict(xs, ys, xq), gd_step_predict(xs, ys, xq)
        gaps.append(abs(a - g))
        errs.append((a - w_task @ xq) ** 2)
    print(
        f"{n_ctx:>3} examples in the prompt: max |attention - GD| = {max(gaps):.1e},"
        f" mean squared error = {np.mean(errs):.3f}"
    )
    assert max(gaps) < 1e-6
    if n_ctx == 5:
        err_5 = np.mean(errs)
assert np.mean(errs) < 0.1 * err_5  # more demonstrations, better prediction
