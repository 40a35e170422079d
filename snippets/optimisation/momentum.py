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

# Figure: the first 40 iterates from (1, 10) on the loss contours, plain GD against heavy
# ball with the same step eta = 2 / (L + mu) and beta = 0.8. Momentum damps the zig-zag
# across the steep direction (per-step factor sqrt(0.8) = 0.89 instead of 0.98) and moves
# faster along the flat one.
import matplotlib.pyplot as plt


def path(eta, beta, start=(1.0, 10.0), n=40):
    x, v = np.array(start), np.zeros(2)
    pts = [x]
    for _ in range(n):
        v = beta * v - eta * grad(x)
        x = x + v
        pts.append(x)
    return np.array(pts)


p_gd, p_hb = path(eta_gd, 0.0), path(eta_gd, 0.8)
d_gd, d_hb = np.linalg.norm(p_gd[-1]), np.linalg.norm(p_hb[-1])
print(f"distance to the minimum after 40 steps from (1, 10): GD {d_gd:.2f}, "
      f"momentum 0.8 {d_hb:.2f}")
assert d_hb < d_gd / 10
# the zig-zag: the steep coordinate after 20 steps, as a fraction of its start
assert abs(p_hb[20, 0]) < 0.2 < abs(p_gd[20, 0])

u = np.linspace(-1.5, 1.5, 121)
w = np.linspace(-3, 11, 141)
U, W = np.meshgrid(u, w)
fig, ax = plt.subplots()
ax.contour(U, W, 0.5 * (L_ * U**2 + mu * W**2), levels=[0.02, 0.1, 0.3, 0.6, 1.0],
           colors="grey", linewidths=0.7)
ax.plot(*p_gd.T, linestyle="-", marker="o", markersize=3, linewidth=0.8,
        label=f"gradient descent, eta = {eta_gd:.2f}")
ax.plot(*p_hb.T, linestyle="--", marker="s", markersize=3, linewidth=1.2,
        label=f"momentum, eta = {eta_gd:.2f}, beta = 0.8")
ax.plot(0, 0, marker="*", color="black", markersize=10, linestyle="none")
ax.set_xlabel("steep direction (curvature 1)")
ax.set_ylabel("flat direction (curvature 0.01)")
ax.legend(fontsize=9, loc="lower left")
fig.savefig("paths.svg")
plt.close(fig)
print("figure: paths.svg")
