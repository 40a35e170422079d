"""An MDP's values: Bellman equations, the discount factor and the horizon."""

import numpy as np

rng = np.random.default_rng(0)

# 1. A random MDP: 4 states, 2 actions, P[a, s, s'] and expected rewards R[s, a].
S, A, gamma = 4, 2, 0.9
P = rng.uniform(size=(A, S, S))
P /= P.sum(-1, keepdims=True)
R = rng.uniform(-1, 1, size=(S, A))
pi = np.full((S, A), 0.5)                          # a stochastic policy pi(a | s)

P_pi = np.einsum("sa,ast->st", pi, P)              # state-to-state matrix under pi
r_pi = (pi * R).sum(1)
v_solve = np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)     # V = r + gamma P V
v_series = sum(gamma**t * np.linalg.matrix_power(P_pi, t) @ r_pi for t in range(400))
v_iter = np.zeros(S)
for _ in range(400):                               # Bellman expectation backups
    v_iter = r_pi + gamma * P_pi @ v_iter
assert np.allclose(v_solve, v_series) and np.allclose(v_solve, v_iter)
assert np.all(np.abs(v_solve) <= np.abs(R).max() / (1 - gamma))
print("V_pi (linear solve == discounted series == backups):", v_solve.round(3))

v_star = np.zeros(S)
for _ in range(400):                               # value iteration
    v_star = (R + gamma * np.einsum("ast,t->sa", P, v_star)).max(1)
q_star = R + gamma * np.einsum("ast,t->sa", P, v_star)
assert np.allclose(v_star, q_star.max(1)) and np.all(v_star >= v_solve - 1e-9)
print("V* (value iteration):", v_star.round(3), " greedy policy:", q_star.argmax(1))

# 2. Effective horizon: with gamma = 0.99 the first 1/(1 - gamma) = 100 steps carry
#    1 - 0.99**100 of the total weight sum_t gamma**t = 100.
share = 1 - 0.99**100
assert abs(share - (1 - np.exp(-1))) < 0.01
print(f"gamma=0.99: first 100 steps carry {share:.3f} of the weight (1 - 1/e = 0.632)")

# 3. The worked example. States s0, s1, s2 and a terminal state; in s0, 'near' pays 1
#    and ends, 'far' moves to s1; s1 -> s2 pays 0; s2 -> end pays 10 (a third step).
#    NEXT[s][a] = (next state, reward); None is the terminal state.
NEXT = {"s0": {"near": (None, 1.0), "far": ("s1", 0.0)},
        "s1": {"go": ("s2", 0.0)},
        "s2": {"go": (None, 10.0)}}


def backup(values, g):
    """One Bellman optimality backup; terminal value 0."""
    def q(s, a):
        nxt, r = NEXT[s][a]
        return r + g * (values[nxt] if nxt else 0.0)
    return {s: max(q(s, a) for a in NEXT[s]) for s in NEXT}, q


def solve(g, steps):
    values = dict.fromkeys(NEXT, 0.0)
    for _ in range(steps):                          # `steps` backups = horizon `steps`
        values, q = backup(values, g)
    return q("s0", "near"), q("s0", "far")


for g in (0.3, 0.9):
    near, far = solve(g, 50)                        # long enough to be the infinite horizon
    print(f"gamma={g}: Q(s0, near) = {near:.2f}, Q(s0, far) = {far:.2f}")
    assert np.isclose(far, g**2 * 10) and (far > near) == (g > 0.1**0.5)

# 4. Finite horizon, no discount: with 2 steps left the reward of 10 is out of reach.
for horizon in (2, 3):
    near, far = solve(1.0, horizon)
    print(f"horizon {horizon}, gamma=1: near {near:.0f}, far {far:.0f}")
assert solve(1.0, 2)[1] < 1 < solve(1.0, 3)[1]
