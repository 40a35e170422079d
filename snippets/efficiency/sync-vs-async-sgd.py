"""Synchronous SGD equals large-batch SGD; stale (asynchronous) gradients shrink the stable step."""

import numpy as np

rng = np.random.default_rng(0)

# 1. Synchronous SGD: N workers, each with b examples, average their gradients.
N, b, d = 8, 4, 5
X, w_true = rng.normal(size=(N * b, d)), rng.normal(size=d)
y = X @ w_true + 0.1 * rng.normal(size=N * b)


def grad(w, x, t):
    return x.T @ (x @ w - t) / len(t)


w_sync, w_big = np.zeros(d), np.zeros(d)
for _ in range(20):
    g = np.mean([grad(w_sync, X[i::N], y[i::N]) for i in range(N)], axis=0)  # all-reduce
    w_sync -= 0.1 * g
    w_big -= 0.1 * grad(w_big, X, y)  # one worker, batch N * b
assert np.allclose(w_sync, w_big)
print(f"sync SGD on {N} workers x {b} examples == SGD with batch {N * b}: "
      f"max difference {np.abs(w_sync - w_big).max():.1e}")


# 2. Asynchronous SGD applies gradients computed tau steps ago. On f(x) = lam/2 x^2:
#    x[t+1] = x[t] - a x[t-tau] with a = lr * lam. Find the largest stable a.
def spectral_radius(a, tau):
    c = np.zeros(tau + 2)  # z^(tau+1) - z^tau + a = 0
    c[0] = 1
    c[1] -= 1
    c[-1] += a
    return np.abs(np.roots(c)).max()


print(" tau  largest stable lr*curvature  2 sin(pi / (2(2 tau + 1)))")
for tau in (0, 1, 2, 3, 7, 15):
    lo, hi = 1e-6, 2.5
    for _ in range(60):  # bisection on the stability boundary
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if spectral_radius(mid, tau) < 1 else (lo, mid)
    formula = 2 * np.sin(np.pi / (2 * (2 * tau + 1)))
    assert abs(lo - formula) < 1e-6
    print(f"{tau:4d}  {lo:27.4f}  {formula:26.4f}")

# 3. A step that is safe without delay diverges with delay: lr * lam = 0.6, tau = 3.
for tau in (0, 3):
    x = [1.0] * (tau + 1)
    for _ in range(300):
        x.append(x[-1] - 0.6 * x[-1 - tau])
    print(f"lr*curvature = 0.6, tau = {tau}: |x| after 300 steps = {abs(x[-1]):.1e}")
    assert (abs(x[-1]) < 1e-6) if tau == 0 else (abs(x[-1]) > 1e3)
