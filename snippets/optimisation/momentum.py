"""Gradient descent vs heavy-ball vs Nesterov momentum on an ill-conditioned problem."""

import numpy as np

L_, mu = 1.0, 0.01  # largest and smallest curvature: condition number kappa = 100
kappa = L_ / mu
curv = np.array([L_, mu])
x0 = np.array([1.0, 1.0])


def grad(x):
    return curv * x  # loss 0.5 * sum curv_i x_i^2, minimum at 0


def iterations(update, tol=1e-6, max_steps=100_000):
    x, v = x0.copy(), np.zeros(2)
    for k in range(1, max_steps + 1):
        x, v = update(x, v)
        if np.linalg.norm(x) < tol * np.linalg.norm(x0):
            return k
    raise RuntimeError("did not converge")


# Plain GD with its best fixed rate 2 / (L + mu): error shrinks by (k-1)/(k+1).
eta_gd = 2 / (L_ + mu)
n_gd = iterations(lambda x, v: (x - eta_gd * grad(x), v))

# Heavy ball (Polyak) with its optimal tuning: rate (sqrt k - 1) / (sqrt k + 1).
eta_hb = 4 / (np.sqrt(L_) + np.sqrt(mu)) ** 2
beta_hb = ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2


def heavy_ball(x, v):
    v = beta_hb * v - eta_hb * grad(x)
    return x + v, v


# Nesterov: gradient taken at the look-ahead point x + beta v.
eta_n, beta_n = 1 / L_, (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)


def nesterov(x, v):
    v = beta_n * v - eta_n * grad(x + beta_n * v)
    return x + v, v


n_hb, n_nag = iterations(heavy_ball), iterations(nesterov)
print(f"condition number {kappa:.0f}, iterations to shrink the error by 1e6:")
print(f"  gradient descent, eta={eta_gd:.3f}:             {n_gd:4d}")
print(f"  heavy ball,       eta={eta_hb:.3f}, beta={beta_hb:.3f}: {n_hb:4d}")
print(f"  Nesterov,         eta={eta_n:.3f}, beta={beta_n:.3f}: {n_nag:4d}")
rate_gd = (kappa - 1) / (kappa + 1)
assert n_gd == int(np.ceil(np.log(1e-6) / np.log(rate_gd)))  # exact for GD here
assert n_hb < n_gd / 5 and n_nag < n_gd / 4  # vs about kappa / sqrt(kappa)

# With a constant gradient g the velocity tends to -eta g / (1 - beta):
# beta = 0.9 makes the effective step 10 times eta.
beta, eta, g = 0.9, 0.01, 2.0
v = 0.0
for _ in range(200):
    v = beta * v - eta * g
assert np.isclose(v, -eta * g / (1 - beta))
print(
    f"constant gradient: step {abs(v):.3f} = eta * g / (1 - beta) = "
    f"{eta * g / (1 - beta):.3f}"
)
