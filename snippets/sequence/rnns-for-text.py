"""RNN vs bag-of-words and a flat MLP on text: order, position and parameter count."""

import numpy as np

rng = np.random.default_rng(0)
vocab = {"dog": 0, "bites": 1, "man": 2}
d, h = 50, 64  # embedding size, hidden size
E = rng.normal(size=(len(vocab), d))
W_hh = rng.normal(0, 0.2, size=(h, h))
W_xh = rng.normal(0, 0.2, size=(h, d))


def embed(words):
    return E[[vocab[w] for w in words]]


def rnn_last(xs, b_h=0.0):
    state = np.zeros(h)  # with b_h = 0, an all-zero input keeps the state at zero
    for x in xs:
        state = np.tanh(W_hh @ state + W_xh @ x + b_h)
    return state


a = ["dog", "bites", "man"]
b = ["man", "bites", "dog"]

# Bag of words (sum of embeddings) cannot tell the two sentences apart.
bow_gap = np.abs(embed(a).sum(0) - embed(b).sum(0)).max()
assert bow_gap < 1e-12
# The RNN reads in order, so its final states differ.
rnn_gap = np.linalg.norm(rnn_last(embed(a)) - rnn_last(embed(b)))
assert rnn_gap > 0.5
print(f"bag-of-words difference: {bow_gap:.1e}, RNN difference: {rnn_gap:.2f}")

# Same phrase at a different position (zero padding in front of it).
L = 100  # a flat MLP needs a fixed maximum length
pad = np.zeros((4, d))
x_early = np.vstack([embed(a), np.zeros((L - 3, d))])
x_late = np.vstack([pad, embed(a), np.zeros((L - 7, d))])
rnn_shift = np.linalg.norm(rnn_last(np.vstack([pad, embed(a)])) - rnn_last(embed(a)))
assert rnn_shift < 1e-12  # same weights at every position
W_mlp = rng.normal(0, 0.05, size=(h, L * d))  # one weight block per position
mlp_shift = np.linalg.norm(
    np.tanh(W_mlp @ x_early.ravel()) - np.tanh(W_mlp @ x_late.ravel())
)
assert mlp_shift > 0.5
print(f"shift by 4 tokens: RNN change {rnn_shift:.1e}, flat MLP change {mlp_shift:.2f}")
# That exactness is special to zero bias, zero initial state and zero padding: with a
# bias, padding moves the state before the phrase arrives, hence masking in practice.
b_h = rng.normal(0, 0.2, size=h)
rnn_shift_bias = np.linalg.norm(
    rnn_last(np.vstack([pad, embed(a)]), b_h) - rnn_last(embed(a), b_h)
)
assert rnn_shift_bias > 1e-3
print(f"the same shift with a bias b_h: RNN change {rnn_shift_bias:.2f}")

# Parameters of the first layer.
mlp_params = L * d * h + h
rnn_params = h * (h + d) + h
assert (mlp_params, rnn_params) == (320_064, 7_360)
print(f"first-layer parameters: flat MLP {mlp_params}, RNN {rnn_params}")
