"""Check why averaging models helps: ambiguity decomposition, Jensen, majority vote."""

import math

import numpy as np

rng = np.random.default_rng(0)

# 1. Ambiguity decomposition (squared error), for any predictions f_i and target y:
#    (mean_i f_i - y)^2 = mean_i (f_i - y)^2 - mean_i (f_i - mean f)^2
m, n = 5, 1000
y = rng.normal(size=n)
preds = y + 0.3 + rng.normal(size=(m, n))  # shared bias 0.3, independent errors
avg = preds.mean(axis=0)
ens_err = np.mean((avg - y) ** 2)
mean_err = np.mean((preds - y) ** 2)
ambiguity = np.mean((preds - avg) ** 2)
print(f"ensemble MSE {ens_err:.3f} = mean member MSE {mean_err:.3f}", end="")
print(f" - ambiguity {ambiguity:.3f}")
assert np.isclose(ens_err, mean_err - ambiguity)
assert ens_err > 0.3**2  # the shared bias is not averaged away

# 2. Averaging probabilities never has higher cross-entropy than the average member.
logits = rng.normal(size=(m, n, 10)) * 2
probs = np.exp(logits) / np.exp(logits).sum(axis=2, keepdims=True)
labels = rng.integers(0, 10, size=n)
ce_members = -np.log(probs[:, np.arange(n), labels]).mean()
ce_ensemble = -np.log(probs.mean(axis=0)[np.arange(n), labels]).mean()
print(f"cross-entropy: mean of members {ce_members:.3f}, ensemble {ce_ensemble:.3f}")
assert ce_ensemble <= ce_members

# 3. Majority vote of k independent classifiers, each right with probability 0.7.
for k in (1, 5, 11):
    exact = sum(
        math.comb(k, j) * 0.7**j * 0.3 ** (k - j) for j in range(k // 2 + 1, k + 1)
    )
    sim = np.mean(rng.random((200_000, k)) < 0.7, axis=1)
    sim_acc = np.mean(sim > 0.5)
    print(f"{k:2d} independent voters: accuracy {exact:.4f} (simulated {sim_acc:.4f})")
    assert abs(exact - sim_acc) < 0.005
assert math.isclose(
    sum(math.comb(5, j) * 0.7**j * 0.3 ** (5 - j) for j in (3, 4, 5)), 0.83692
)
