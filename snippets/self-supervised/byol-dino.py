"""Collapse without negatives: a linear BYOL model, and DINO's centering and sharpening.

Part 1 trains a linear BYOL-style model with exact (full-batch) gradients. Inputs x have
covariance diag(lam); the two views add independent noise. Online encoder W, predictor P,
target encoder Wt; loss 0.5 * E|P W x1 - Wt x2|^2, plus a small weight decay.
"""

import numpy as np

rng = np.random.default_rng(0)
d, k = 8, 4
lam = np.array([4.0, 3.0, 2.0, 1.5, 0.3, 0.2, 0.1, 0.05])  # signal variances
S = np.diag(lam)  # E[x1 x2^T]: only the signal is shared by the two views
C = S + 0.5 * np.eye(d)  # E[x1 x1^T]: signal plus view noise of variance 0.5


def train(stop_grad=True, predictor=True, steps=3000, lr=0.05, wd=0.01, ema=0.99):
    W = 0.3 * rng.normal(size=(k, d))
    P = np.eye(k) + 0.1 * rng.normal(size=(k, k)) if predictor else np.eye(k)
    Wt = W.copy()
    for _ in range(steps):
        if stop_grad:  # gradient only through the online branch
            gW = P.T @ (P @ W @ C - Wt @ S)
        else:  # target is W itself and the gradient flows through both branches
            Wt = W
            gW = P.T @ P @ W @ C - (P.T + P) @ W @ S + W @ C
        gP = (P @ W @ C - Wt @ S) @ W.T
        W = W - lr * (gW + wd * W)
        if predictor:
            P = P - lr * (gP + wd * P)
        if stop_grad:
            Wt = ema * Wt + (1 - ema) * W  # target = moving average of the online weights
    loss = 0.5 * np.trace(P @ W @ C @ W.T @ P.T) - np.trace(P @ W @ S @ Wt.T) \
        + 0.5 * np.trace(Wt @ C @ Wt.T)
    return W, loss


print("part 1: linear BYOL, singular values of the learned W after 3000 steps")
runs = {"stop-grad + EMA + predictor": train(),
        "no stop-gradient": train(stop_grad=False),
        "no predictor": train(predictor=False)}
for name, (W, loss) in runs.items():
    print(f"  {name:<28} {np.round(np.linalg.svd(W, compute_uv=False), 4)}  loss {loss:.4f}")
W_byol = runs["stop-grad + EMA + predictor"][0]
assert np.linalg.svd(W_byol, compute_uv=False).min() > 0.3  # rank 4: no collapse
share = (W_byol[:, :4] ** 2).sum() / (W_byol**2).sum()
print(f"  share of |W|^2 on the 4 strongest signal directions: {share:.3f}")
assert share > 0.95  # it keeps the shared (signal) directions, not the noise
assert np.linalg.norm(runs["no stop-gradient"][0]) < 1e-6  # W -> 0: complete collapse
assert runs["no stop-gradient"][1] < 1e-6  # ... with the lowest possible loss,
assert runs["stop-grad + EMA + predictor"][1] > 1.0  # lower than the non-collapsed run's
assert np.linalg.norm(runs["no predictor"][0]) < 0.1 * np.linalg.norm(W_byol)


# Part 2: DINO's teacher targets. 256 images, K = 16 output dimensions; the teacher's logits
# share one dominant dimension (a collapse in progress) plus small per-image differences.
def softmax(s):
    e = np.exp(s - s.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def entropy(p):
    return -(p * np.log(p + 1e-30)).sum(-1)


K = 16
logits = np.zeros((256, K))
logits[:, 3] = 5.0
logits += 0.5 * rng.normal(size=logits.shape)
print(f"part 2: DINO teacher targets (log K = {np.log(K):.3f})")
res = {}
for centre in (False, True):
    for tau in (0.04, 1.0):
        t = logits - logits.mean(0) if centre else logits  # centre = batch mean here
        p = softmax(t / tau)
        res[centre, tau] = (entropy(p).mean(), entropy(p.mean(0)))
        h_img, h_mean = res[centre, tau]
        print(f"  centering={centre!s:<5} tau_t={tau:<4}: per-image entropy {h_img:.3f}, "
              f"entropy of the batch-mean target {h_mean:.3f}")
# Sharpening without centering: every image gets the same one-hot target (collapse to one dim).
assert res[False, 0.04][1] < 0.01
# Centering without sharpening: targets close to uniform (the other collapse).
assert res[True, 1.0][0] > 0.95 * np.log(K)
# Both: each target is confident, and different images use different dimensions.
assert res[True, 0.04][0] < 0.5 and res[True, 0.04][1] > 0.9 * np.log(K)
