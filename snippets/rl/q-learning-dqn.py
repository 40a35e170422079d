"""Tabular Q-learning converges to the Q* that value iteration computes; the max
in its target overestimates, which Double DQN corrects."""

import math

import numpy as np

rng = np.random.default_rng(0)
S, A, gamma = 4, 2, 0.8
P = rng.uniform(size=(S, A, S)) ** 3              # P[s, a, s'], fairly peaked
P /= P.sum(-1, keepdims=True)
R = rng.uniform(-1, 1, size=(S, A))               # mean reward; samples add noise

# 1. Q* by value iteration (needs the model P, R).
q_star = np.zeros((S, A))
for _ in range(500):
    q_star = R + gamma * P @ q_star.max(1)
print("Q* (value iteration):\n", q_star.round(3))

# 2. Q-learning from samples only: behaviour is uniformly random (off-policy), the
#    target uses the max over next actions. Step size 1 / N(s, a)**0.6 satisfies
#    sum(alpha) = inf, sum(alpha**2) < inf.
q = np.zeros((S, A))
visits = np.zeros((S, A))
cum_p = P.cumsum(-1)
u = rng.random((40_000, 3))                       # pre-drawn randomness, for speed
s = 0
history = []                                      # (step, max |Q - Q*|) for the figure
for step in range(len(u)):
    a = int(u[step, 0] < 0.5)
    s_next = min(int(np.searchsorted(cum_p[s, a], u[step, 1])), S - 1)
    r = R[s, a] + (u[step, 2] - 0.5)              # noisy reward, mean R[s, a]
    visits[s, a] += 1
    alpha = visits[s, a] ** -0.6
    q[s, a] += alpha * (r + gamma * q[s_next].max() - q[s, a])
    s = s_next
    if (step + 1) % 200 == 0:
        history.append((step + 1, np.abs(q - q_star).max()))
err = np.abs(q - q_star).max()
print(f"Q-learning after {len(u):,} steps: max |Q - Q*| = {err:.3f}")
print("greedy policy from Q-learning:", q.argmax(1), " optimal:", q_star.argmax(1))
assert err < 0.1 and (q.argmax(1) == q_star.argmax(1)).all()

# 3. Maximisation bias: 10 actions, all truly worth 0, each estimate off by N(0, 1) noise.
#    E[max of the estimates] = integral of x * 10 phi(x) Phi(x)**9 dx > 0.
xs = np.linspace(-8, 8, 16001)
phi = np.exp(-xs**2 / 2) / math.sqrt(2 * math.pi)
Phi = 0.5 * (1 + np.array([math.erf(v / math.sqrt(2)) for v in xs]))
bias = float((xs * 10 * phi * Phi**9).sum() * (xs[1] - xs[0]))
print(f"single estimator: E[max_a Q_hat] - max_a Q = {bias:.3f} (true max is 0)")
assert 1.5 < bias < 1.6
# Double estimator: choose with one independent set of estimates, evaluate with the
# other. The evaluation noise is independent of the choice, so the expectation is 0.
draws = np.random.default_rng(1).normal(size=(2, 50_000, 10))
pick = draws[0].argmax(1)
double = draws[1][np.arange(50_000), pick].mean()
single = draws[0].max(1).mean()
print(f"sampled: single {single:.3f}, double {double:.3f}")
assert abs(single - bias) < 0.03 and abs(double) < 0.03

# Figure: max |Q - Q*| over training, every 200 steps.
import matplotlib.pyplot as plt

steps, errors = np.array(history).T
fig, ax = plt.subplots()
ax.plot(steps, errors, label="max over (s, a) of |Q - Q*|")
ax.axhline(0.1, color="grey", linewidth=0.8, linestyle="--", label="0.1")
ax.set_yscale("log")
ax.set_xlim(0, len(u))
ax.set_xlabel("environment steps")
ax.set_ylabel("max |Q - Q*|")
ax.legend(loc="upper right")
# The error shrinks by more than 10x between the first checkpoint and the end.
assert errors[-1] == err and errors[0] > 10 * err
print(f"error at {int(steps[0])} steps: {errors[0]:.3f}; figure: q-error.svg")
fig.savefig("q-error.svg")
plt.close(fig)
