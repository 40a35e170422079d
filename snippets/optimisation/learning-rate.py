"""Learning rate on f(w) = a/2 * w^2: too small, ideal, oscillating, divergent."""

import numpy as np

a = 4.0  # curvature f''(w); GD is stable only for 0 < eta < 2 / a = 0.5
w0, steps = 1.0, 20


def run(eta):
    w = w0
    path = [w]
    for _ in range(steps):
        w = w - eta * a * w  # gradient of a/2 w^2 is a w, so w <- (1 - eta a) w
        path.append(w)
    return np.array(path)


cases = {
    "too low (0.01)": 0.01,
    "ideal 1/a (0.25)": 0.25,
    "high (0.45)": 0.45,
    "too high (0.55)": 0.55,
}
print(f"{'eta':18s} {'1-eta*a':>8} {'|w_20|':>10}  behaviour")
for name, eta in cases.items():
    p = run(eta)
    factor = 1 - eta * a
    assert np.allclose(p, w0 * factor ** np.arange(steps + 1))  # closed form
    flips = bool(np.any(p[1:] * p[:-1] < 0))  # overshoots the minimum each step
    if eta < 1 / a:
        kind = "monotone, slow"
    elif eta == 1 / a:
        kind = "exact in one step"
    else:
        kind = "oscillates, " + ("converges" if abs(p[-1]) < w0 else "diverges")
    print(f"{name:18s} {factor:8.2f} {abs(p[-1]):10.2e}  {kind}")
    assert flips == (eta > 1 / a)
    assert (abs(p[-1]) < w0) == (eta < 2 / a)

assert abs(run(0.01)[-1]) > 0.4  # too low: after 20 steps still 44% of the way
assert run(0.25)[1] == 0.0  # eta = 1/a jumps to the minimum
assert abs(run(0.55)[-1]) > 6  # |1 - 2.2| = 1.2 per step: 1.2^20 ~ 38

# Two directions with curvatures 10 and 0.1: the stiff one caps eta below 2/10,
# the flat one then shrinks by only 1 - 0.1 * eta per step.
lams = np.array([10.0, 0.1])
eta = 0.19
w = np.ones(2)
k = 0
while np.max(np.abs(w)) > 1e-3:
    w = w - eta * lams * w
    k += 1
bound = np.log(1e-3) / np.log(1 - eta * lams[1])
assert k == int(np.ceil(bound))
print(f"curvatures 10 and 0.1, eta={eta}: {k} steps to reach 1e-3")

# No upper bound of 1: the limit is 2 / curvature. With a = 0.1, eta = 10 is the ideal
# rate, 19 still converges and only eta > 20 diverges.
a_flat = 0.1
for eta in (5.0, 10.0, 19.0, 21.0):
    w = 1.0
    for _ in range(200):
        w -= eta * a_flat * w
    print(f"a = 0.1, eta = {eta:4.1f}: |w_200| = {abs(w):.2e}")
    assert (abs(w) < 1e-3) == (eta < 2 / a_flat)

# Figure: the loss f(w_t) = a/2 w_t^2 against the step for the four rates of the table.
import matplotlib.pyplot as plt

t = np.arange(steps + 1)
fig, ax = plt.subplots()
styles = {0.01: ("-", "o"), 0.25: ("-", "D"), 0.45: ("--", "s"), 0.55: ("-.", "^")}
for name, eta in cases.items():
    loss = a / 2 * run(eta) ** 2
    style, marker = styles[eta]
    if eta == 1 / a:  # loss is exactly 0 from step 1: draw it falling off the log axis
        assert loss[0] == 2.0 and (loss[1:] == 0).all()
        ax.plot([0, 1], [loss[0], 1e-9], linestyle=style, marker=marker, markevery=[0],
                label=name + ": 0 after 1 step")
        continue
    ax.plot(t, loss, linestyle=style, marker=marker, markersize=4, label=name)
assert a / 2 * run(0.55)[-1] ** 2 > 1000 and a / 2 * run(0.01)[-1] ** 2 > 0.3
ax.set_yscale("log")
ax.set_ylim(1e-6, 1e4)
ax.set_xlim(0, steps)
ax.set_xticks(range(0, steps + 1, 5))
ax.set_xlabel("step t")
ax.set_ylabel("loss 2 w² (log scale)")
ax.legend(fontsize=9, loc="lower left")
fig.savefig("loss-by-rate.svg")
plt.close(fig)
print("figure: loss-by-rate.svg")
