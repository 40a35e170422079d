"""Accuracy paradox, class weights as a logit shift, and threshold moving."""

import numpy as np

rng = np.random.default_rng(0)
n, pi = 100_000, 0.02  # 2% positives
y = (rng.random(n) < pi).astype(float)
X = rng.normal(size=(n, 2)) + 2.0 * y[:, None]  # positives shifted by (2, 2)
A = np.column_stack([X, np.ones(n)])


def fit(sample_w):  # weighted logistic regression by Newton's method
    th = np.zeros(3)
    for _ in range(30):
        p = 1 / (1 + np.exp(-A @ th))
        g = A.T @ (sample_w * (p - y))
        H = (A * (sample_w * p * (1 - p))[:, None]).T @ A
        th -= np.linalg.solve(H, g)
    return th


def report(name, logit):
    pred = logit > 0
    tp = np.sum(pred & (y == 1))
    prec, rec = tp / max(pred.sum(), 1), tp / y.sum()
    print(
        f"{name:28s} acc {np.mean(pred == y):.3f}  precision {prec:.3f}  "
        f"recall {rec:.3f}"
    )
    return rec


print(f"positives: {int(y.sum())} of {n}")
print(f"{'always predict negative':28s} acc {np.mean(y == 0):.3f}  recall 0.000")

plain = fit(np.ones(n))
w_pos = (1 - y.mean()) / y.mean()  # weight that balances the two classes
weighted = fit(np.where(y == 1, w_pos, 1.0))
r_plain = report("plain, threshold 0.5", A @ plain)
r_weighted = report(f"class weight {w_pos:.0f}, thr 0.5", A @ weighted)
r_moved = report("plain, logit + ln(weight)", A @ plain + np.log(w_pos))
assert r_weighted > r_plain + 0.3

# For a correctly specified model, weighting only shifts the intercept by ln(weight).
print(f"slopes plain {plain[:2].round(3)}  weighted {weighted[:2].round(3)}")
print(f"intercept shift {weighted[2] - plain[2]:.3f}  ln(weight) {np.log(w_pos):.3f}")
assert abs(weighted[2] - plain[2] - np.log(w_pos)) < 0.25
assert np.allclose(plain[:2], weighted[:2], atol=0.25)
assert abs(r_moved - r_weighted) < 0.05
