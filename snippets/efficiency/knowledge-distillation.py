"""Knowledge distillation: the soft-target gradient, its high-temperature limit, and why
soft targets teach more per example than hard labels."""

import numpy as np

rng = np.random.default_rng(0)


def softmax(z, t=1.0):
    e = np.exp((z - z.max(-1, keepdims=True)) / t)
    return e / e.sum(-1, keepdims=True)


def kd_loss(z_s, z_t, t):
    """T^2 * KL(teacher_T || student_T), summed over classes."""
    p_t, p_s = softmax(z_t, t), softmax(z_s, t)
    return t**2 * np.sum(p_t * (np.log(p_t) - np.log(p_s)), -1)


# 1. Gradient w.r.t. the student's logits is T * (p_s^T - p_t^T): check by finite differences.
z_t, z_s, T = rng.normal(0, 3, 6), rng.normal(0, 3, 6), 4.0
grad = T * (softmax(z_s, T) - softmax(z_t, T))
num = np.array([(kd_loss(z_s + e, z_t, T) - kd_loss(z_s - e, z_t, T)) / 2e-6
                for e in 1e-6 * np.eye(6)])
assert np.allclose(grad, num, atol=1e-6)
print(f"T={T:.0f}: analytic gradient matches finite differences (max diff "
      f"{np.abs(grad - num).max():.1e})")

# 2. Teacher probabilities at T=1 versus T=4: the small ones (the "dark knowledge") grow.
print("teacher at T=1:", softmax(z_t).round(3), " at T=4:", softmax(z_t, 4).round(3))

# 3. At high T, with the T^2 factor, the gradient tends to (centred z_s - centred z_t) / K:
#    distillation becomes matching logits, and its size does not vanish as T grows.
K = len(z_t)
limit = ((z_s - z_s.mean()) - (z_t - z_t.mean())) / K
for t in (1.0, 10.0, 100.0):
    g = t * (softmax(z_s, t) - softmax(z_t, t))
    print(f"T={t:5.0f}: |gradient - logit-matching limit| = {np.abs(g - limit).max():.4f}")
assert np.abs(100 * (softmax(z_s, 100) - softmax(z_t, 100)) - limit).max() < 1e-2

# 4. Soft targets carry more information per example. A teacher (softmax-linear, 5 classes,
#    20 features) labels 40 training inputs; a student of the same form learns from its hard
#    labels or from its probabilities, and is scored by agreement with the teacher.
d, k, n = 20, 5, 40
W_teacher = rng.normal(size=(d, k))
X, X_test = rng.normal(size=(n, d)), rng.normal(size=(5000, d))
targets = {"hard labels": np.eye(k)[np.argmax(X @ W_teacher, 1)],
           "soft targets (T=1)": softmax(X @ W_teacher)}
agree = {}
for name, y in targets.items():
    w = np.zeros((d, k))
    for _ in range(2000):  # gradient descent on cross-entropy with the given targets
        w -= 0.5 * X.T @ (softmax(X @ w) - y) / n
    agree[name] = np.mean(np.argmax(X_test @ w, 1) == np.argmax(X_test @ W_teacher, 1))
    print(f"student trained on {name:18s}: agrees with teacher on {agree[name]:.1%} of test inputs")
assert agree["soft targets (T=1)"] > agree["hard labels"] + 0.1

# 5. Label smoothing is distillation from a uniform teacher: the losses are identical.
eps, y = 0.1, np.eye(k)[2]
logp = np.log(softmax(rng.normal(size=k)))
smoothed = -np.sum(((1 - eps) * y + eps / k) * logp)
mixed = (1 - eps) * -np.sum(y * logp) + eps * -np.sum(np.full(k, 1 / k) * logp)
assert np.isclose(smoothed, mixed)
print(f"label smoothing eps={eps}: {smoothed:.4f} = (1-eps) CE(label) + eps CE(uniform teacher)")
