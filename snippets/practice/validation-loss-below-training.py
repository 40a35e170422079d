"""Three reasons the reported training loss can exceed the validation loss."""

import itertools

import numpy as np

rng = np.random.default_rng(0)

# 1. Dropout: the training-mode loss averages over masks and is higher.
#    Linear model, inverted dropout on the inputs with drop probability p:
#    E_mask[(y - w.(m*x)/(1-p))^2] = (y - w.x)^2 + p/(1-p) * sum_i w_i^2 x_i^2.
p, d = 0.5, 4
w, x, y = rng.normal(size=d), rng.normal(size=d), 1.0
masks = list(itertools.product((0, 1), repeat=d))
probs = [np.prod([(1 - p) if m else p for m in mask]) for mask in masks]
train_mode = sum(q * (y - w @ (np.array(m) * x) / (1 - p)) ** 2 for q, m in zip(probs, masks))
eval_mode = (y - w @ x) ** 2
formula = eval_mode + p / (1 - p) * np.sum(w**2 * x**2)
print(f"dropout p={p}: expected training-mode loss {train_mode:.4f}, eval-mode loss {eval_mode:.4f}")
assert np.isclose(train_mode, formula) and train_mode > eval_mode

# 2. Timing: the training loss is averaged over an epoch while the model improves;
#    the validation loss is measured once, at the end of the epoch.
w_true = rng.normal(size=10)
xs_tr, xs_va = rng.normal(size=(2000, 10)), rng.normal(size=(2000, 10))
ys_tr = xs_tr @ w_true + 0.1 * rng.normal(size=2000)
ys_va = xs_va @ w_true + 0.1 * rng.normal(size=2000)
theta, batch_losses = np.zeros(10), []
for i in range(0, 2000, 20):                              # one epoch of mini-batch SGD
    xb, yb = xs_tr[i:i + 20], ys_tr[i:i + 20]
    err = xb @ theta - yb
    batch_losses.append(np.mean(err**2))
    theta -= 0.05 * 2 * xb.T @ err / len(yb)
reported = np.mean(batch_losses)
train_end = np.mean((xs_tr @ theta - ys_tr) ** 2)
val_end = np.mean((xs_va @ theta - ys_va) ** 2)
print(f"epoch 1: average training loss {reported:.4f}; at the end of the epoch: "
      f"training {train_end:.4f}, validation {val_end:.4f}")
assert val_end < reported and train_end < reported

# 3. Label smoothing: the training target is soft, so its loss cannot go below the
#    target's entropy; validation uses hard labels.
K, eps = 10, 0.1
target = np.full(K, eps / K)
target[0] += 1 - eps                                      # 0.91 on the true class
train_floor = -(target * np.log(target)).sum()            # loss of the best prediction
val_loss = -np.log(target[0])                             # same prediction, hard label
print(f"label smoothing eps={eps}, K={K}: best training loss {train_floor:.4f}, "
      f"its validation loss {val_loss:.4f}")
assert val_loss < train_floor

# Figure: 20 epochs of mini-batch SGD on the regression data of part 2, now with inverted
# dropout (p = 0.3) on the inputs. Per epoch: the reported training loss (dropout on,
# averaged over the epoch), and at the end of the epoch the eval-mode losses.
import matplotlib.pyplot as plt

p_fig, epochs = 0.3, 20
theta = np.zeros(10)
curves = {"train (reported)": [], "train (eval mode)": [], "validation": []}
for _ in range(epochs):
    batch_losses = []
    for i in range(0, 2000, 20):
        keep = rng.random((20, 10)) >= p_fig
        xb, yb = xs_tr[i:i + 20] * keep / (1 - p_fig), ys_tr[i:i + 20]
        err = xb @ theta - yb
        batch_losses.append(np.mean(err**2))
        theta -= 0.001 * 2 * xb.T @ err / len(yb)
    curves["train (reported)"].append(np.mean(batch_losses))
    curves["train (eval mode)"].append(np.mean((xs_tr @ theta - ys_tr) ** 2))
    curves["validation"].append(np.mean((xs_va @ theta - ys_va) ** 2))
tr, tr_eval, va = (np.array(c) for c in curves.values())
assert np.all(va < tr)                       # validation below training in every epoch
assert np.all(np.abs(va - tr_eval) < 0.05 * va)  # in eval mode, training ~ validation
print(f"with dropout p = {p_fig}, epoch {epochs}: reported training loss {tr[-1]:.3f}, "
      f"eval-mode training {tr_eval[-1]:.3f}, validation {va[-1]:.3f}")

ep = np.arange(1, epochs + 1)
fig, ax = plt.subplots()
ax.plot(ep, tr, "o-", label="training loss, dropout on (reported)")
ax.plot(ep, va, "s--", label="validation loss, eval mode")
ax.plot(ep, tr_eval, ":", color="grey", linewidth=2, label="training set, eval mode")
ax.set_xticks(ep[::2] + 1)
ax.set_xlabel("epoch")
ax.set_ylabel("mean squared error")
ax.set_ylim(0, None)
ax.legend()
fig.savefig("dropout-curves.svg")
plt.close(fig)
