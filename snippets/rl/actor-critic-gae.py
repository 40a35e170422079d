"""GAE: the backward recursion, its lambda = 0 and lambda = 1 ends, and its bias and
variance computed exactly on a small episodic MDP."""

import itertools

import numpy as np

rng = np.random.default_rng(0)


def gae(rewards, values, next_values, dones, gamma, lam):
    """Backward recursion A_t = delta_t + gamma * lam * (1 - done_t) * A_{t+1}."""
    adv = np.zeros(len(rewards))
    running = 0.0
    for t in reversed(range(len(rewards))):
        delta = rewards[t] + gamma * (1 - dones[t]) * next_values[t] - values[t]
        running = delta + gamma * lam * (1 - dones[t]) * running
        adv[t] = running
    return adv


# 0. The worked example: rewards (1, 0, 2), values (1.5, 1.0, 1.8), episode ends.
for lam_, first in ((0.0, 0.4), (0.95, 1.076305), (1.0, 1.12)):
    a_ex = gae([1, 0, 2], [1.5, 1.0, 1.8], [1.0, 1.8, 0.0], [0, 0, 1], 0.9, lam_)
    assert np.isclose(a_ex[0], first)
    print(f"worked example, lambda={lam_}: advantages {np.round(a_ex, 3)}")

# 1. A rollout of 7 steps that contains an episode end after step 3.
gamma, lam = 0.9, 0.95
r = rng.normal(size=7)
v = rng.normal(size=8)                              # V(s_0) ... V(s_7)
dones = np.array([0, 0, 0, 1, 0, 0, 0])
adv = gae(r, v[:-1], v[1:], dones, gamma, lam)
delta = r + gamma * (1 - dones) * v[1:] - v[:-1]
explicit = [sum((gamma * lam) ** (k - t) * delta[k]
                for k in range(t, (4 if t < 4 else 7))) for t in range(7)]
assert np.allclose(adv, explicit)
assert np.allclose(gae(r, v[:-1], v[1:], dones, gamma, 0.0), delta)
mc = [sum(gamma ** (k - t) * r[k] for k in range(t, 4)) for t in range(4)]
assert np.allclose(gae(r, v[:-1], v[1:], dones, gamma, 1.0)[:4], np.array(mc) - v[:4])
print("recursion == explicit sum; lambda=0 -> TD error; lambda=1 -> return - V: True")

# 2. Exact bias and variance. Episodic MDP with 3 steps, 2 states, 2 actions; the time
#    step is part of the state. P[t, x, a, x'], R[t, x, a], fixed policy PI[t, x, a].
T, X = 3, 2
P = rng.uniform(size=(T, X, 2, X))
P /= P.sum(-1, keepdims=True)
R = rng.normal(size=(T, X, 2))
PI = rng.uniform(size=(T, X, 2))
PI /= PI.sum(-1, keepdims=True)
V = np.zeros((T + 1, X))                            # V[T] = 0 (episode over)
Q = np.zeros((T, X, 2))
for t in reversed(range(T)):
    Q[t] = R[t] + gamma * P[t] @ V[t + 1]
    V[t] = (PI[t] * Q[t]).sum(-1)
A_true = Q[0, 0] - V[0, 0]                          # advantages of both actions in s0


def gae_moments(a0, critic, lam):
    """Mean and variance of the GAE estimate at t = 0 over all continuations."""
    vals, probs = [], []
    for x1, a1, x2, a2 in itertools.product(range(X), range(2), range(X), range(2)):
        xs, acts = [0, x1, x2], [a0, a1, a2]
        p = (P[0, 0, a0, x1] * PI[1, x1, a1] * P[1, x1, a1, x2] * PI[2, x2, a2])
        rew = [R[t, xs[t], acts[t]] for t in range(T)]
        cur = [critic[t, xs[t]] for t in range(T)]
        nxt = [critic[t + 1, xs[t + 1]] for t in range(T - 1)] + [0.0]
        vals.append(gae(rew, cur, nxt, [0, 0, 1], gamma, lam)[0])
        probs.append(p)
    vals, probs = np.array(vals), np.array(probs)
    mean = probs @ vals
    return mean, probs @ (vals - mean) ** 2


print("exact critic: |E[A_hat] - A| and Var[A_hat] for action 0 in s0")
variances = []
for lam_ in (0.0, 0.5, 0.95, 1.0):
    mean, var = gae_moments(0, V, lam_)
    assert np.isclose(mean, A_true[0])
    variances.append(var)
    print(f"  lambda={lam_:4}: |bias| {abs(mean - A_true[0]):.3f}, variance {var:.3f}")
assert all(a < b for a, b in itertools.pairwise(variances))

# 3. A wrong critic: lambda=1 is off only by a constant for s0 (both actions shifted
#    equally, which a policy gradient ignores); lambda=0 is off by action-dependent amounts.
wrong = V + rng.normal(scale=0.5, size=V.shape)
wrong[T] = 0.0
for lam_ in (0.0, 1.0):
    bias = [gae_moments(a, wrong, lam_)[0] - A_true[a] for a in range(2)]
    print(f"wrong critic, lambda={lam_}: bias for actions 0, 1 = {bias[0]:+.3f}, {bias[1]:+.3f}")
    assert np.isclose(bias[0], bias[1]) == (lam_ == 1.0)
