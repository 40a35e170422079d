"""LoRA: merged weights give the same output; parameter counts; what r and alpha do."""

import numpy as np

rng = np.random.default_rng(0)

# 1. The page's worked example: W = I, r = 1, alpha = 2, so s = alpha / r = 2.
w = np.eye(2)
b, a = np.array([[1.0], [2.0]]), np.array([[0.5, -1.0]])
x = np.array([2.0, 0.0])
s = 2.0 / 1
h = w @ x + s * b @ (a @ x)
merged = w + s * b @ a
print("worked example: h =", h, " merged W' =", merged.tolist())
assert np.allclose(h, [4.0, 4.0]) and np.allclose(merged @ x, h)

# 2. A layer with d_out = 64, d_in = 48, rank 4, alpha 8.
d_out, d_in, r, alpha = 64, 48, 4, 8.0
s = alpha / r
w = rng.normal(size=(d_out, d_in)) / np.sqrt(d_in)  # frozen pretrained weight
a = rng.normal(size=(r, d_in)) / np.sqrt(d_in)  # trainable, random init
b = np.zeros((d_out, r))  # trainable, zero init
xs = rng.normal(size=(16, d_in))


def lora_forward(x, b, a):
    return x @ w.T + s * (x @ a.T) @ b.T


assert np.array_equal(lora_forward(xs, b, a), xs @ w.T)  # starts as the base model
target = xs @ (w + 0.1 * rng.normal(size=(d_out, d_in))).T


def loss(b, a):
    return 0.5 * np.sum((lora_forward(xs, b, a) - target) ** 2)


def grads(b, a):
    g = lora_forward(xs, b, a) - target  # dL/dh
    return s * g.T @ (xs @ a.T), s * b.T @ g.T @ xs  # dL/dB, dL/dA


gb, ga = grads(b, a)
assert np.all(ga == 0) and np.any(gb != 0)  # with B = 0 only B moves at first
print("at init: output equals the base model; dL/dA = 0, dL/dB != 0")
for _ in range(200):  # plain gradient descent on B and A only
    gb, ga = grads(b, a)
    b, a = b - 1e-3 * gb, a - 1e-3 * ga
print(f"after 200 steps: loss {loss(np.zeros((d_out, r)), a):.1f} -> {loss(b, a):.1f}")

# Analytic gradients agree with finite differences.
eps, i, j = 1e-6, (3, 1), (2, 5)
db, da = np.zeros_like(b), np.zeros_like(a)
db[i], da[j] = eps, eps
fd_b = (loss(b + db, a) - loss(b - db, a)) / (2 * eps)
fd_a = (loss(b, a + da) - loss(b, a - da)) / (2 * eps)
gb, ga = grads(b, a)
assert np.isclose(fd_b, gb[i], rtol=1e-5) and np.isclose(fd_a, ga[j], rtol=1e-5)

# Merging: one matrix, same outputs, no extra latency; the update has rank <= r.
w_merged = w + s * b @ a
err = np.abs(xs @ w_merged.T - lora_forward(xs, b, a)).max()
rank = np.linalg.matrix_rank(w_merged - w)
print(f"merged vs unmerged: max difference {err:.1e}; rank of delta W = {rank}")
assert err < 1e-12 and rank == r


# 3. Parameter counts.
def lora_params(d_out, d_in, r):
    return r * (d_out + d_in)


full, lora = 4096 * 4096, lora_params(4096, 4096, 8)
print(f"one 4096x4096 matrix: full {full:,}, LoRA r=8 {lora:,} ({lora / full:.3%})")
assert lora == 65_536
# Llama-2-7B from its configuration: 32 layers, width 4096, MLP width 11008,
# vocabulary 32000, input embedding and output layer not shared, RMSNorm gains.
n_layer, dm, dff, vocab = 32, 4096, 11008, 32000
per_block = 4 * dm * dm + 3 * dm * dff + 2 * dm  # q, k, v, o; gate, up, down; 2 norms
llama_total = n_layer * per_block + 2 * vocab * dm + dm  # + embeddings, final norm
assert llama_total == 6_738_415_616
llama = n_layer * 2 * lora_params(dm, dm, 8)  # W_q and W_v in every layer
print(f"Llama-2-7B: {llama_total:,} parameters; r=8 on W_q and W_v trains"
      f" {llama:,} ({llama / llama_total:.4%})")
assert llama == 4_194_304

# 4. Why alpha / r: the first Adam step (about lr * sign(grad) per entry) changes
#    the output by an amount that grows with r; dividing by r cancels it.
x1, g1, lr = rng.normal(size=d_in), rng.normal(size=d_out), 1e-3
change = {}
for rank_ in (4, 16, 64):
    for scale_name, scale in (("alpha/r", alpha / rank_), ("alpha", alpha)):
        sizes = []
        for _ in range(20):  # average over random initialisations of A
            a_r = rng.normal(size=(rank_, d_in)) / np.sqrt(d_in)
            b_step = -lr * np.sign(scale * np.outer(g1, a_r @ x1))  # B after step 1
            sizes.append(np.linalg.norm(scale * b_step @ a_r @ x1))
        change[scale_name, rank_] = np.mean(sizes)
for rank_ in (4, 16, 64):
    print(f"r={rank_:2d}: first-step output change with alpha/r"
          f" {change['alpha/r', rank_]:.4f}, without /r {change['alpha', rank_]:.4f}")
with_r = [change["alpha/r", k] for k in (4, 16, 64)]
assert max(with_r) / min(with_r) < 1.2
assert change["alpha", 64] / change["alpha", 4] > 10
