"""Policy-gradient theorem and REINFORCE, checked exactly by enumerating trajectories."""

import itertools

import numpy as np

rng = np.random.default_rng(0)
# Two decisions: in s0 pick a0, land in s1 or s2 (random), pick a1, episode ends.
P0 = np.array([[0.8, 0.2], [0.3, 0.7]])           # P(s1 or s2 | s0, a0)
R = np.array([[1.0, 0.0], [0.0, 3.0], [2.0, -1.0]])  # R[s, a]; states 0=s0, 1=s1, 2=s2


def policy(theta):
    e = np.exp(theta - theta.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def trajectories(theta):
    """Yield (probability, [(state, action, reward-to-go)]) for all 8 trajectories."""
    pi = policy(theta)
    for a0, nxt, a1 in itertools.product(range(2), range(2), range(2)):
        s1 = 1 + nxt
        p = pi[0, a0] * P0[a0, nxt] * pi[s1, a1]
        r0, r1 = R[0, a0], R[s1, a1]
        yield p, [(0, a0, r0 + r1), (s1, a1, r1)]


def J(theta):
    return sum(p * steps[0][2] for p, steps in trajectories(theta))


def grad_log_pi(theta, s, a):
    g = np.zeros_like(theta)
    g[s] = -policy(theta)[s]
    g[s, a] += 1.0
    return g


def estimator(theta, steps, baseline=None):
    """REINFORCE: sum_t grad log pi(a_t | s_t) (G_t - b(s_t))."""
    return sum(grad_log_pi(theta, s, a) * (g - (baseline[s] if baseline is not None else 0))
               for s, a, g in steps)


# 0. Worked example: logits (0, 0), action 2 sampled, return 2, step size 0.1.
z = np.zeros((1, 2))
step = 2.0 * grad_log_pi(z, 0, 1)
z_new = z + 0.1 * step
assert np.allclose(step, [[-1.0, 1.0]])
print(f"worked example: gradient {step[0]}, new pi(action 2) = {policy(z_new)[0, 1]:.3f}")
assert np.isclose(policy(z_new)[0, 1], 1 / (1 + np.exp(-0.2)))

theta = rng.normal(size=(3, 2))

# 1. Exact gradient by central finite differences of J.
fd = np.zeros_like(theta)
for idx in np.ndindex(*theta.shape):
    e = np.zeros_like(theta)
    e[idx] = 1e-6
    fd[idx] = (J(theta + e) - J(theta - e)) / 2e-6

# 2. Expected REINFORCE estimate, computed exactly over all trajectories.
traj = list(trajectories(theta))
mean_est = sum(p * estimator(theta, steps) for p, steps in traj)
assert np.allclose(mean_est, fd, atol=1e-6)
print("E[REINFORCE estimate] == finite-difference gradient: max diff "
      f"{np.abs(mean_est - fd).max():.1e}")

# 3. The policy-gradient theorem form: sum_s d(s) sum_a pi(a|s) grad log pi(a|s) Q(s, a),
#    with d(s) the expected number of visits to s.
pi = policy(theta)
q1 = R[1:]                                         # Q in s1, s2 (last step)
v1 = (pi[1:] * q1).sum(1)
q0 = R[0] + P0 @ v1
d = np.array([1.0, *(pi[0] @ P0)])
Q = np.vstack([q0, q1])
pgt = sum(d[s] * pi[s, a] * grad_log_pi(theta, s, a) * Q[s, a]
          for s in range(3) for a in range(2))
assert np.allclose(pgt, fd, atol=1e-6)
print("policy-gradient theorem == finite-difference gradient: True")

# 4. A state baseline b(s) = V(s) leaves the expectation unchanged and lowers variance.
V = np.array([(pi[0] * q0).sum(), *v1])
with_b = [(p, estimator(theta, steps, V)) for p, steps in traj]
without_b = [(p, estimator(theta, steps)) for p, steps in traj]
mean_b = sum(p * g for p, g in with_b)
assert np.allclose(mean_b, fd, atol=1e-6)


def total_variance(pairs, mean):
    return sum(p * ((g - mean) ** 2).sum() for p, g in pairs)


var_plain, var_base = total_variance(without_b, fd), total_variance(with_b, fd)
assert var_base < var_plain
print(f"total variance of the estimate: no baseline {var_plain:.3f}, baseline V(s) {var_base:.3f}")

# 5. REINFORCE with sampled episodes climbs towards the best achievable return.
best = max(R[0, a] + P0[a] @ R[1:].max(1) for a in range(2))
th = np.zeros((3, 2))
j_start = J(th)
for _ in range(2000):
    pi_s = policy(th)
    a0 = rng.choice(2, p=pi_s[0])
    s1 = 1 + rng.choice(2, p=P0[a0])
    a1 = rng.choice(2, p=pi_s[s1])
    steps = [(0, a0, R[0, a0] + R[s1, a1]), (s1, a1, R[s1, a1])]
    th += 0.1 * estimator(th, steps)
print(f"REINFORCE: J from {j_start:.3f} to {J(th):.3f} (optimum {best:.3f})")
assert J(th) > best - 0.1
