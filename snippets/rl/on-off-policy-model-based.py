"""On-policy (SARSA) and off-policy (Q-learning) targets have different fixed points on a
small cliff world; a model-based planner reaches Q* from a learned model."""

import numpy as np

ROWS, COLS, EPS, GAMMA = 3, 6, 0.1, 0.99
START, GOAL = (2, 0), (2, COLS - 1)
CLIFF = {(2, c) for c in range(1, COLS - 1)}
MOVES = [(-1, 0), (1, 0), (0, -1), (0, 1)]                 # up, down, left, right
STATES = [(r, c) for r in range(ROWS) for c in range(COLS)]
IDX = {s: i for i, s in enumerate(STATES)}
N, A = len(STATES), 4


def step(s, a):
    """Deterministic move: -1 per step, -100 and back to start for the cliff."""
    r, c = s[0] + MOVES[a][0], s[1] + MOVES[a][1]
    nxt = (min(max(r, 0), ROWS - 1), min(max(c, 0), COLS - 1))
    return (START, -100.0) if nxt in CLIFF else (nxt, -1.0)


NEXT = np.zeros((N, A), dtype=int)
REW = np.zeros((N, A))
for s in STATES:
    for a in range(A):
        nxt, rew = step(s, a)
        NEXT[IDX[s], a], REW[IDX[s], a] = IDX[nxt], rew
terminal = np.zeros(N)
terminal[IDX[GOAL]] = 1.0


def eps_greedy_probs(q):
    probs = np.full((N, A), EPS / A)
    probs[np.arange(N), q.argmax(1)] += 1 - EPS
    return probs


def fixed_point(on_policy, iters=3000):
    """Iterate the expected backup of SARSA (on-policy, eps-greedy next action)
    or of Q-learning (off-policy, max over next actions)."""
    q = np.zeros((N, A))
    for _ in range(iters):
        nxt_val = ((eps_greedy_probs(q) * q).sum(1) if on_policy else q.max(1))
        q = REW + GAMMA * (1 - terminal[NEXT]) * nxt_val[NEXT]
    return q


def greedy_path(q):
    s, path = START, [START]
    while s != GOAL and len(path) < 30:
        s, _ = step(s, int(q[IDX[s]].argmax()))
        path.append(s)
    return path


def eps_greedy_value(q):
    """Exact expected return from START when acting eps-greedily with respect to q."""
    probs = eps_greedy_probs(q)
    v = np.zeros(N)
    for _ in range(3000):
        v = (probs * (REW + GAMMA * (1 - terminal[NEXT]) * v[NEXT])).sum(1)
    return v[IDX[START]]


q_off, q_on = fixed_point(False), fixed_point(True)
p_off, p_on = greedy_path(q_off), greedy_path(q_on)
print("Q-learning (off-policy) path rows:", [r for r, _ in p_off])
print("SARSA      (on-policy)  path rows:", [r for r, _ in p_on])
assert len(p_off) - 1 == COLS + 1 and min(r for r, _ in p_off) == 1   # along the edge
assert min(r for r, _ in p_on) == 0 and len(p_on) > len(p_off)       # the safe detour

v_off, v_on = eps_greedy_value(q_off), eps_greedy_value(q_on)
print(f"return while exploring (eps={EPS}): off-policy greedy {v_off:.1f},"
      f" on-policy {v_on:.1f}")
assert v_on > v_off
print(f"return of the greedy path, no exploration: off-policy {-(len(p_off) - 1)},"
      f" on-policy {-(len(p_on) - 1)}")

# Model-based: estimate the model from 500 random transitions, then plan with it.
rng = np.random.default_rng(0)
seen_next, seen_rew = {}, {}
for _ in range(500):
    s, a = STATES[rng.integers(N)], int(rng.integers(A))
    nxt, rew = step(s, a)
    seen_next[IDX[s], a], seen_rew[IDX[s], a] = IDX[nxt], rew
assert len(seen_next) == N * A                                        # all pairs seen
model_next = np.array([[seen_next[i, a] for a in range(A)] for i in range(N)])
model_rew = np.array([[seen_rew[i, a] for a in range(A)] for i in range(N)])
q_plan = np.zeros((N, A))
for _ in range(3000):
    q_plan = model_rew + GAMMA * (1 - terminal[model_next]) * q_plan.max(1)[model_next]
assert np.allclose(q_plan, q_off)
print("value iteration on the learned model reproduces Q*: True")
