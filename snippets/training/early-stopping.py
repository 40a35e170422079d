"""Runs early stopping with patience on a model that overfits if trained too long."""

import numpy as np

rng = np.random.default_rng(0)


def make(n):
    x = rng.uniform(-1, 1, n)
    return x, np.sin(3 * x) + rng.normal(0, 0.3, n)


def feats(x, degree=15):
    return np.polynomial.legendre.legvander(x, degree)


x_tr, y_tr = make(20)
x_va, y_va = make(500)
a_tr, a_va = feats(x_tr), feats(x_va)
lr = 1.0 / np.linalg.eigvalsh(2 * a_tr.T @ a_tr / len(y_tr)).max()

w = np.zeros(a_tr.shape[1])
best_val, best_w, best_epoch, waited, patience = np.inf, w.copy(), 0, 0, 500
history = []
stopped_at = None
for epoch in range(1, 20_001):
    w -= lr * 2 * a_tr.T @ (a_tr @ w - y_tr) / len(y_tr)
    val = np.mean((a_va @ w - y_va) ** 2)
    history.append((np.mean((a_tr @ w - y_tr) ** 2), val))
    if val < best_val - 1e-6:
        best_val, best_w, best_epoch, waited = val, w.copy(), epoch, 0
    else:
        waited += 1
        if waited >= patience and stopped_at is None:
            stopped_at = epoch              # keep training only to show what follows

train_hist, val_hist = np.array(history).T
print(f"best validation MSE {best_val:.4f} at epoch {best_epoch}; "
      f"patience {patience} stops at epoch {stopped_at}")
print(f"after {len(history)} epochs: train MSE {train_hist[-1]:.4f}, "
      f"validation MSE {val_hist[-1]:.4f}")
print(f"restored weights give validation MSE "
      f"{np.mean((a_va @ best_w - y_va) ** 2):.4f}")
assert stopped_at is not None and stopped_at == best_epoch + patience
assert train_hist[-1] < train_hist[best_epoch - 1]     # training loss kept falling
assert val_hist[-1] > 1.2 * best_val                   # validation loss went back up

# Early stopping as L2: ridge on the same loss, mean squared error + (lam/2)||w||^2,
# with lam = 1 / (lr * tau) for tau = best_epoch, lands next to the stopped weights,
# while the unregularised least-squares fit is far away.
H, g = 2 * a_tr.T @ a_tr / len(y_tr), 2 * a_tr.T @ y_tr / len(y_tr)
lam = 1.0 / (lr * best_epoch)
w_ridge = np.linalg.solve(H + lam * np.eye(len(H)), g)
w_ls = np.linalg.lstsq(a_tr, y_tr, rcond=None)[0]
gap = np.linalg.norm(w_ridge - best_w) / np.linalg.norm(best_w)
val_ridge = np.mean((a_va @ w_ridge - y_va) ** 2)
print(f"ridge with lambda = 1/(lr * {best_epoch}) = {lam:.4f}: validation MSE "
      f"{val_ridge:.4f}, relative distance to stopped weights {gap:.3f}")
print(f"|w| stopped {np.linalg.norm(best_w):.2f}, ridge {np.linalg.norm(w_ridge):.2f}, "
      f"unregularised fit {np.linalg.norm(w_ls):.1f}")
assert gap < 0.1 and abs(val_ridge - best_val) < 0.1 * best_val
assert np.linalg.norm(w_ls) > 10 * np.linalg.norm(best_w)

# Figure: training and validation loss against the epoch (log axis, 300 sampled epochs),
# with the best epoch and the epoch where patience runs out.
import matplotlib.pyplot as plt

ep = np.unique(np.r_[np.geomspace(1, len(history), 300).astype(int), best_epoch, stopped_at])
fig, ax = plt.subplots()
ax.plot(ep, train_hist[ep - 1], label="training MSE")
ax.plot(ep, val_hist[ep - 1], linestyle="--", label="validation MSE")
ax.axvline(best_epoch, color="black", linewidth=1,
           label=f"best epoch {best_epoch} (weights restored)")
ax.axvline(stopped_at, color="grey", linestyle=":", linewidth=1.5,
           label=f"stop at epoch {stopped_at} (patience {patience})")
ax.plot(best_epoch, best_val, marker="o", color="black", linestyle="none")
ax.set_xscale("log")
ax.set_ylim(0, 0.8)
ax.set_xlabel("epoch (full-batch gradient step)")
ax.set_ylabel("mean squared error")
ax.legend(fontsize=9, loc="upper center")
fig.savefig("early-stopping.svg")
plt.close(fig)
print("figure: early-stopping.svg")
