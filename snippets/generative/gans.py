"""GAN value on discrete distributions: optimal D, -log 4 + 2 JSD, saturation."""

import numpy as np

rng = np.random.default_rng(0)
p_data = np.array([0.1, 0.4, 0.3, 0.2])  # real distribution over 4 outcomes
p_g = np.array([0.25, 0.25, 0.25, 0.25])  # current generator distribution


def value(D, p_data, p_g):
    """V(D, G) = E_data[log D(x)] + E_g[log(1 - D(x))]."""
    return np.sum(p_data * np.log(D) + p_g * np.log(1 - D))


def kl(p, q):
    return np.sum(p * np.log(p / q))


D_star = p_data / (p_data + p_g)
v_star = value(D_star, p_data, p_g)
for _ in range(1000):  # no other discriminator does better
    D = rng.uniform(0.01, 0.99, size=4)
    assert value(D, p_data, p_g) <= v_star + 1e-12
m = (p_data + p_g) / 2
jsd = 0.5 * kl(p_data, m) + 0.5 * kl(p_g, m)
assert np.isclose(v_star, -np.log(4) + 2 * jsd)
print(f"D* = p_data / (p_data + p_g) = {np.round(D_star, 3)}")
print(f"V(D*, G) = {v_star:.4f} = -log 4 + 2 JSD = {-np.log(4):.4f} + 2 * {jsd:.4f}")

# At the global optimum p_g = p_data: D* = 1/2 everywhere and V = -log 4.
D_eq = p_data / (2 * p_data)
assert np.allclose(D_eq, 0.5) and np.isclose(value(D_eq, p_data, p_data), -np.log(4))
print(f"when p_g = p_data: D* = 0.5 everywhere, V = {-np.log(4):.4f}")


# Early in training D(G(z)) is near 0. Gradient of each generator loss w.r.t.
# the discriminator's logit a.
def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def minimax_loss(a):  # G minimises log(1 - D(G(z)))
    return np.log(1 - sigmoid(a))


def non_saturating_loss(a):  # G minimises -log D(G(z)), used in practice
    return -np.log(sigmoid(a))


eps = 1e-6
for d_fake in (0.5, 0.01, 0.0001):
    a = np.log(d_fake / (1 - d_fake))  # logit with sigmoid(a) = d_fake
    g_mm = (minimax_loss(a + eps) - minimax_loss(a - eps)) / (2 * eps)
    g_ns = (non_saturating_loss(a + eps) - non_saturating_loss(a - eps)) / (2 * eps)
    assert np.isclose(g_mm, -d_fake, atol=1e-6)  # analytic: -sigmoid(a)
    assert np.isclose(g_ns, -(1 - d_fake), atol=1e-6)  # analytic: -(1 - sigmoid(a))
    print(f"D(G(z))={d_fake:<7}: minimax grad {g_mm:+.4f}, non-saturating {g_ns:+.4f}")
assert abs(g_mm) < 1e-3 and abs(g_ns) > 0.99
