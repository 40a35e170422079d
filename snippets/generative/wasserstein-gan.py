"""Why the Wasserstein distance gives a GAN useful gradients where the JS divergence
does not, the critic from Kantorovich-Rubinstein duality, and the gradient penalty."""

import numpy as np

rng = np.random.default_rng(0)
LN2 = np.log(2)

# 1. Real data U[0, 1], generator output U[theta, theta + 1]: densities on a fine grid.
dx = 1e-3
grid = np.arange(-1, 13, dx) + dx / 2


def kl(a, b):
    s = a > 0
    return np.sum(a[s] * np.log(a[s] / b[s])) * dx


def js(p, q):
    m = (p + q) / 2
    return (kl(p, m) + kl(q, m)) / 2


def w1(p, q):                                  # in 1-D, W1 = integral of |F_P - F_Q|
    return np.sum(np.abs(np.cumsum(p) - np.cumsum(q))) * dx * dx


real = ((grid > 0) & (grid < 1)).astype(float)
print(" theta    JS       W1")
for theta in (0.25, 0.5, 1.5, 3.0, 10.0):
    fake = ((grid > theta) & (grid < theta + 1)).astype(float)
    j, w = js(real, fake), w1(real, fake)
    print(f"{theta:6.2f}  {j:.4f}  {w:7.3f}")
    assert np.isclose(w, theta, atol=2e-3)                  # W1 = theta: slope 1 everywhere
    assert np.isclose(j, min(theta, 1.0) * LN2, atol=2e-3)  # JS = theta ln 2, then flat at ln 2
print(f"once the supports are disjoint JS = ln 2 = {LN2:.4f} whatever theta is: zero gradient")

# 2. Kantorovich-Rubinstein duality on samples: the best 1-Lipschitz critic attains W1.
x = rng.normal(0.0, 1.0, 2000)                 # "real"
y = rng.normal(1.0, 2.5, 2000)                 # "generated"
w_primal = np.mean(np.abs(np.sort(x) - np.sort(y)))   # optimal coupling in 1-D: sorted order
t = np.linspace(-15, 15, 300001)
F_x = np.searchsorted(np.sort(x), t, side="right") / len(x)
F_y = np.searchsorted(np.sort(y), t, side="right") / len(y)
slope = np.sign(F_y - F_x)                     # critic slope is +1 or -1
f_star = np.concatenate([[0.0], np.cumsum((slope[1:] + slope[:-1]) / 2 * np.diff(t))])
assert np.all(np.abs(np.diff(f_star)) <= np.diff(t) + 1e-12)   # f* really is 1-Lipschitz
w_dual = np.interp(x, t, f_star).mean() - np.interp(y, t, f_star).mean()
print(f"W1 from sorted samples {w_primal:.4f}, E_real f* - E_fake f* = {w_dual:.4f}")
assert np.isclose(w_primal, w_dual, atol=1e-3)
others = {"-x": lambda s: -s, "-tanh(x)": lambda s: -np.tanh(s), "sin(x)": np.sin,
          "-|x - 1|": lambda s: -np.abs(s - 1)}
for name, f in others.items():
    gap = f(x).mean() - f(y).mean()
    assert gap <= w_primal + 1e-9              # no 1-Lipschitz critic does better
    print(f"  1-Lipschitz critic {name:9s}: {gap:.4f}")

# 3. Gradient penalty: at random interpolates of real and fake points the optimal
#    critic has slope of norm 1, so (|f'| - 1)^2 is near zero; a critic scaled by 2 is not.
eps = rng.uniform(size=2000)
x_hat = eps * x + (1 - eps) * rng.permutation(y)
slope_hat = np.interp(x_hat, t, np.gradient(f_star, t))         # f*'s derivative
gp = np.mean((np.abs(slope_hat) - 1) ** 2)
gp2 = np.mean((np.abs(2 * slope_hat) - 1) ** 2)
print(f"gradient penalty at interpolates: optimal critic {gp:.4f}, critic x 2 {gp2:.4f}")
assert gp < 0.01 and gp2 > 0.9
