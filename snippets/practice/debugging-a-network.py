"""Three debugging checks on a small MLP: initial loss, gradient check, overfit one batch."""

import numpy as np

K, D, H = 4, 5, 32
rng = np.random.default_rng(0)
x = rng.normal(size=(8, D))                       # one small batch
y = np.arange(8) % K                              # labels 0..3, balanced
onehot = np.eye(K)[y]


def softmax(z):
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def init():
    return {"w1": rng.normal(size=(D, H)) / np.sqrt(D), "b1": np.zeros(H),
            "w2": rng.normal(size=(H, K)) * 0.01, "b2": np.zeros(K)}


def forward_backward(p, double_softmax=False):
    h = np.tanh(x @ p["w1"] + p["b1"])
    z = h @ p["w2"] + p["b2"]
    out = softmax(z) if double_softmax else z     # the bug: softmax inside the model
    q = softmax(out)                              # ... and again inside the loss
    loss = -np.log(q[np.arange(len(y)), y]).mean()
    g = (q - onehot) / len(y)                     # dLoss/d(out)
    if double_softmax:
        g = out * (g - (g * out).sum(1, keepdims=True))   # back through the extra softmax
    dh = g @ p["w2"].T * (1 - h**2)
    grads = {"w2": h.T @ g, "b2": g.sum(0), "w1": x.T @ dh, "b1": dh.sum(0)}
    return loss, grads


# 1. Initial loss: small last-layer weights give near-uniform outputs, loss ~ ln K.
params = init()
loss0, grads = forward_backward(params)
print(f"initial loss {loss0:.4f}, ln K = {np.log(K):.4f}")
assert abs(loss0 - np.log(K)) < 0.01

# 2. Gradient check of every parameter array with central differences.
worst = 0.0
for name, w in params.items():
    num = np.zeros_like(w)
    for idx in np.ndindex(*w.shape):
        old = w[idx]
        w[idx] = old + 1e-5
        up = forward_backward(params)[0]
        w[idx] = old - 1e-5
        down = forward_backward(params)[0]
        w[idx] = old
        num[idx] = (up - down) / 2e-5
    rel = np.linalg.norm(num - grads[name]) / (np.linalg.norm(num) + np.linalg.norm(grads[name]))
    worst = max(worst, rel)
print(f"gradient check: worst relative error over the parameter arrays {worst:.1e}")
assert worst < 1e-6


# 3. Overfit one batch: a correct model and loss drive the loss to ~0.
def overfit(double_softmax, steps=2000, lr=0.5):
    p = init()
    for _ in range(steps):
        loss, g = forward_backward(p, double_softmax)
        for name in p:
            p[name] -= lr * g[name]
    return loss


correct, buggy = overfit(False), overfit(True)
floor = np.log((np.e + K - 1) / np.e)             # best case when the "logits" are in [0, 1]
print(f"after 2000 steps on 8 examples: correct model loss {correct:.4f}, "
      f"softmax applied twice {buggy:.4f} (floor {floor:.4f})")
assert correct < 0.01 and buggy > floor - 1e-9
