"""Precision, recall, F1 and ROC-AUC on a 10-example case, computed two ways."""

import numpy as np

s = np.array([0.95, 0.9, 0.8, 0.7, 0.65, 0.6, 0.45, 0.4, 0.3, 0.1])
y = np.array([1, 1, 0, 1, 1, 0, 1, 0, 0, 0])


def prf(y, s, thr=0.5):
    pred = s >= thr
    tp = np.sum(pred & (y == 1))
    fp = np.sum(pred & (y == 0))
    fn = np.sum(~pred & (y == 1))
    p, r = tp / (tp + fp), tp / (tp + fn)
    return tp, fp, fn, p, r, 2 * p * r / (p + r)


def roc_auc(y, s):  # area under the ROC curve by the trapezoid rule
    order = np.argsort(-s)
    tpr = np.concatenate([[0], np.cumsum(y[order] == 1) / np.sum(y == 1)])
    fpr = np.concatenate([[0], np.cumsum(y[order] == 0) / np.sum(y == 0)])
    return np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2)


def rank_auc(y, s):  # P(score of random positive > score of random negative)
    d = s[y == 1][:, None] - s[y == 0][None, :]
    return np.mean(d > 0) + 0.5 * np.mean(d == 0)


tp, fp, fn, p, r, f1 = prf(y, s)
print(f"threshold 0.5: TP={tp} FP={fp} FN={fn}")
print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
assert (tp, fp, fn) == (4, 2, 1) and np.isclose(f1, 8 / 11)
auc = roc_auc(y, s)
print(f"ROC-AUC trapezoid {auc:.3f}  pairwise ranking {rank_auc(y, s):.3f}")
assert np.isclose(auc, 21 / 25) and np.isclose(auc, rank_auc(y, s))

# Ten times as many negatives with the same score distribution:
# ROC-AUC and recall do not move, precision collapses.
s10 = np.concatenate([s[y == 1], np.repeat(s[y == 0], 10)])
y10 = np.concatenate([np.ones(5, int), np.zeros(50, int)])
_, _, _, p10, r10, f10 = prf(y10, s10)
print(
    f"10x negatives: precision {p10:.3f}  recall {r10:.3f}  F1 {f10:.3f}  "
    f"ROC-AUC {roc_auc(y10, s10):.3f}"
)
assert np.isclose(roc_auc(y10, s10), auc) and np.isclose(r10, r)
assert np.isclose(p10, 4 / 24)

# Figure: ROC and precision-recall curves, for the 10 examples and with 10x negatives.
import matplotlib.pyplot as plt


def curves(y, s):
    """FPR, TPR (= recall) and precision at each distinct score used as the threshold."""
    pred = s[None, :] >= np.unique(s)[::-1, None]  # one row per threshold, high to low
    tp_c, fp_c = (pred & (y == 1)).sum(axis=1), (pred & (y == 0)).sum(axis=1)
    return fp_c / np.sum(y == 0), tp_c / np.sum(y == 1), tp_c / (tp_c + fp_c)


fig, (ax_roc, ax_pr) = plt.subplots(1, 2)
for (yy, ss, name), style, marker in (((y, s, "10 examples"), "-", "o"),
                                      ((y10, s10, "10x negatives"), "--", "s")):
    fpr, tpr, prec = curves(yy, ss)
    ax_roc.plot(np.r_[0, fpr], np.r_[0, tpr], linestyle=style, marker=marker, markersize=3,
                label=name)
    ax_pr.plot(tpr, prec, linestyle=style, marker=marker, markersize=3, label=name)
    at = np.sum(np.unique(ss) >= 0.5) - 1  # the threshold 0.5 acts like the score 0.6
    ax_pr.plot(tpr[at], prec[at], marker="*", markersize=11, color="black", linestyle="none")
    if name == "10x negatives":
        assert np.allclose(fpr, curves(y, s)[0]) and np.allclose(tpr, curves(y, s)[1])
        assert np.isclose(prec[at], p10)
ax_roc.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1)
ax_roc.plot(2 / 5, 4 / 5, marker="*", markersize=11, color="black", linestyle="none")
ax_roc.text(0.45, 0.15, f"AUC = {auc:.2f}\nfor both", fontsize=9)
ax_roc.set_xlabel("false positive rate")
ax_roc.set_ylabel("true positive rate (recall)")
ax_pr.set_xlabel("recall")
ax_pr.set_ylabel("precision")
ax_pr.set_ylim(0, 1.05)
ax_pr.legend(fontsize=8, loc="lower left")
for ax in (ax_roc, ax_pr):
    ax.set_aspect("equal")
fig.tight_layout()
fig.savefig("roc-pr.svg")
plt.close(fig)
print("figure: roc-pr.svg")
