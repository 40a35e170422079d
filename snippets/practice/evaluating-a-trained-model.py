"""Error bars, slices and a paired test: what one test-set accuracy hides."""

import math

import numpy as np

rng = np.random.default_rng(0)
n = 2000
group_b = rng.random(n) < 0.1  # a 10% subgroup (e.g. night-time images)
u = rng.random(n)  # shared difficulty, so the two models' errors are correlated
right1 = u < np.where(group_b, 0.70, 0.92)  # model 1
right2 = u < np.where(group_b, 0.85, 0.91)  # model 2


def boot_ci(correct, reps=2000):
    idx = rng.integers(0, len(correct), size=(reps, len(correct)))
    accs = correct[idx].mean(1)
    return np.percentile(accs, [2.5, 97.5])


cis = []
for name, r in [("model 1", right1), ("model 2", right2)]:
    lo, hi = boot_ci(r)
    cis.append((lo, hi))
    print(
        f"{name}: accuracy {r.mean():.3f}, 95% bootstrap CI [{lo:.3f}, {hi:.3f}];"
        f" slice A {r[~group_b].mean():.3f}, slice B {r[group_b].mean():.3f}"
    )

# The bootstrap interval matches the normal approximation 1.96 sqrt(p(1-p)/n).
p = right1.mean()
lo, hi = boot_ci(right1)
half = 1.96 * math.sqrt(p * (1 - p) / n)
assert abs((hi - lo) / 2 - half) < 0.2 * half
# Why the average hides the weak slice: it is the share-weighted mean of the slice
# accuracies, so a 10% slice that is 0.2 worse moves the overall number by only 0.02.
share = group_b.mean()
acc_a, acc_b = right1[~group_b].mean(), right1[group_b].mean()
assert np.isclose(p, (1 - share) * acc_a + share * acc_b)
assert acc_a - acc_b > 0.15 and acc_a - p < 0.03
print(
    f"model 1: slice gap {acc_a - acc_b:.3f} costs the overall accuracy only "
    f"{acc_a - p:.3f} (slice share {share:.3f})"
)

# McNemar's exact test uses only the examples where the models disagree.
b = int(np.sum(right1 & ~right2))
c = int(np.sum(~right1 & right2))
k = min(b, c)
p_val = min(1.0, 2 * sum(math.comb(b + c, i) for i in range(k + 1)) / 2 ** (b + c))
print(
    f"disagreements: only model 1 right {b}, only model 2 right {c}; "
    f"McNemar p = {p_val:.4f}"
)
print(f"overall accuracy difference {right2.mean() - right1.mean():+.3f}")
assert p_val < 0.05 and cis[1][0] < cis[0][1]  # significant although the CIs overlap
