"""Without assumptions, data cannot decide unseen cases; a hypothesis class can."""

import itertools

import numpy as np

X = np.array(list(itertools.product([0, 1], repeat=3)))  # all 8 inputs of 3 bits
target = (X.sum(1) >= 2).astype(int)  # majority vote, the rule to be induced
train = [1, 2, 3, 4, 5]  # 001, 010, 011, 100, 101 are labelled
test = [0, 6, 7]  # 000, 110, 111 are never seen

all_fns = np.array(list(itertools.product([0, 1], repeat=8)))  # every Boolean function
ok = np.all(all_fns[:, train] == target[train], axis=1)
consistent = all_fns[ok]
print(
    f"Boolean functions of 3 bits: {len(all_fns)}; consistent with 5 examples: "
    f"{len(consistent)}"
)
votes = consistent[:, test].mean(0)
print("unbiased learner, share predicting 1 on unseen inputs:", votes.tolist())
assert len(consistent) == 2**3 and np.all(votes == 0.5)

# Inductive bias: only linear threshold functions [w.x >= t].
ltf = set()
for w in itertools.product(range(-3, 4), repeat=3):
    for t in np.arange(-6.5, 7.0, 1.0):
        ltf.add(tuple((X @ np.array(w) >= t).astype(int)))
ltf = np.array(sorted(ltf))
ok = np.all(ltf[:, train] == target[train], axis=1)
print(f"linear threshold functions: {len(ltf)}; consistent: {ok.sum()}")
votes = ltf[ok][:, test].mean(0)
print("biased learner, share predicting 1 on unseen inputs:", votes.round(3).tolist())
assert len(ltf) == 104 and ok.sum() == 2
assert votes.tolist() == [0.0, 0.5, 1.0]  # 000 and 111 decided, 110 still open
