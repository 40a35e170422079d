"""Adam from scratch: first step, scale invariance, ill-conditioning, largest step."""

import numpy as np


class Adam:
    """Adam (Kingma and Ba, 2015) with bias correction, for one parameter array."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.m = self.v = None
        self.t = 0

    def step(self, theta, grad):
        if self.m is None:
            self.m, self.v = np.zeros_like(theta), np.zeros_like(theta)
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * grad
        self.v = self.beta2 * self.v + (1 - self.beta2) * grad**2
        m_hat = self.m / (1 - self.beta1**self.t)
        v_hat = self.v / (1 - self.beta2**self.t)
        return theta - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)


# 1. The first step is -lr * sign(g) in every coordinate, whatever the gradient scale.
g = np.array([1e-4, -3.0, 250.0])
step1 = Adam(lr=1e-3).step(np.zeros(3), g)
assert np.allclose(step1, -1e-3 * np.sign(g), rtol=1e-3)
print(f"gradient          {g}")
print(f"first Adam step   {step1}")

# 2. Quadratic 0.5 * sum a_i (x_i - c_i)^2 with curvatures 100 and 0.01 (kappa = 1e4).
a, c = np.array([100.0, 0.01]), np.array([1.0, -2.0])
steps = 1000


def run_adam(grad_fn, lr=0.01):
    opt, x = Adam(lr=lr), np.zeros(2)
    path = []
    for _ in range(steps):
        x = opt.step(x, grad_fn(x))
        path.append(x)
    return np.array(path)


adam_path = run_adam(lambda x: a * (x - c))
x_gd = np.zeros(2)
for _ in range(steps):
    x_gd = x_gd - (1 / a.max()) * a * (x_gd - c)  # GD diverges above 2 / a_max
err_adam = np.abs(adam_path[-1] - c).max()
err_gd = np.abs(x_gd - c).max()
assert err_adam < 1e-6 and err_gd > 1.0
print(f"after {steps} steps, max |x - x*|: Adam {err_adam:.1e}, GD {err_gd:.2f}")

# 3. Multiplying the loss by 1000 leaves Adam's path unchanged (up to eps).
scaled = run_adam(lambda x: 1000 * a * (x - c))
assert np.max(np.abs(scaled - adam_path)) < 1e-6
print(f"max path change when loss x1000: {np.max(np.abs(scaled - adam_path)):.1e}")

# 4. The scaling is per coordinate: rotate the same quadratic by 45 degrees and the
#    ill-conditioning is no longer axis-aligned, so Adam is slow again.
r = np.sqrt(0.5) * np.array([[1.0, -1.0], [1.0, 1.0]])
H = r @ np.diag(a) @ r.T
err_rot = np.abs(run_adam(lambda x: H @ (x - c))[-1] - c).max()
assert err_rot > 0.5
print(f"rotated quadratic, Adam after {steps} steps: max |x - x*| = {err_rot:.2f}")

# 5. How large can one step be? |m_hat| / sqrt(v_hat) with the defaults and eps = 0.
b1, b2, T = 0.9, 0.999, 3000


def max_ratio(grads):
    opt, theta, worst = Adam(lr=1.0, eps=0.0), np.zeros(1), 0.0
    for g_t in grads:
        new = opt.step(theta, np.array([g_t]))
        worst, theta = max(worst, abs((new - theta)[0])), new
    return worst


spike = max_ratio([1e-12] * (T - 1) + [1.0])  # a large gradient after near-zero ones
corr_T = np.sqrt(1 - b2**T) / (1 - b1**T)  # bias correction still matters at step T
spike_inf = (1 - b1) / np.sqrt(1 - b2)  # Kingma and Ba's figure, reached for large T
assert abs(spike - spike_inf * corr_T) < 1e-3
# Cauchy-Schwarz on m_t and v_t bounds the ratio at step T; it is attained when the
# gradient grows by b2 / b1 ~ 1.11 per step (scaled so the last one is 1: no overflow).
t = np.arange(T)
cs_T = spike_inf * np.sqrt(np.sum((b1**2 / b2) ** t)) * corr_T
cs_inf = (1 - b1) / np.sqrt((1 - b2) * (1 - b1**2 / b2))  # limit for large T
print(f"limits for large t: spike {spike_inf:.2f} alpha, Cauchy-Schwarz {cs_inf:.2f} alpha")
print(f"at step {T} (bias-correction factor {corr_T:.3f}): spike {spike:.2f} alpha, "
      f"bound {cs_T:.2f} alpha")
for growth in (1.05, 1.1, b2 / b1):
    r = max_ratio(growth ** (t - T + 1.0))
    assert r <= cs_T + 1e-9
    print(f"gradients growing x{growth:.3f} per step: largest step {r:.2f} alpha")
assert r > 0.999 * cs_T and r > 2 * spike
