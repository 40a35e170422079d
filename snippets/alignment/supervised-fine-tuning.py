"""SFT loss: shifted labels, prompt masking, and how the loss is averaged."""

import numpy as np

IGNORE = -100  # label value that PyTorch's cross_entropy skips by default
rng = np.random.default_rng(0)
V, D = 12, 8
emb, unemb = rng.normal(size=(V, D)), rng.normal(size=(D, V))


def log_softmax(z):
    z = z - z.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def forward(tokens):
    """Tiny causal LM: position t sees the mean embedding of tokens 0..t."""
    h = np.cumsum(emb[tokens], 0) / np.arange(1, len(tokens) + 1)[:, None]
    return log_softmax(h @ unemb)  # row t = log p(next token | tokens[:t+1])


def sft_labels(prompt, response):
    """Labels for one teacher-forced pass: next token, or IGNORE on the prompt."""
    tokens = np.array(prompt + response)
    labels = np.append(tokens[1:], IGNORE)  # row t predicts token t+1
    labels[: len(prompt) - 1] = IGNORE  # predictions of prompt tokens
    return tokens, labels


def masked_sum(tokens, labels):
    logp = forward(tokens)
    keep = labels != IGNORE
    return -logp[keep, labels[keep]].sum(), keep.sum()


# 1. The worked example: response tokens predicted with p = 0.6 and 0.9.
example = -(np.log(0.6) + np.log(0.9)) / 2
print(f"worked example: loss = {example:.4f} nats per response token")
assert abs(example - 0.3081) < 1e-4

# 2. One masked teacher-forced pass gives exactly -log p(response | prompt),
#    computed here the slow way: score each response token from its prefix.
prompt, response = [3, 7, 1, 9], [4, 4, 2, 0]
tokens, labels = sft_labels(prompt, response)
loss_sum, n_tok = masked_sum(tokens, labels)
slow = 0.0
for i, tok in enumerate(response):
    prefix = np.array(prompt + response[:i])
    slow -= forward(prefix)[-1, tok]
print("labels:", labels.tolist())
print(f"masked loss {loss_sum:.6f} = -log p(response|prompt) {slow:.6f}"
      f" over {n_tok} tokens")
assert n_tok == len(response) and np.isclose(loss_sum, slow)

# Without the mask the loss also contains -log p(prompt tokens): a different
# objective, which trains the model to write user turns too.
full = -forward(tokens)[np.arange(len(tokens) - 1), tokens[1:]].sum()
prompt_part = full - loss_sum
print(f"unmasked loss {full:.4f} = response {loss_sum:.4f}"
      f" + prompt {prompt_part:.4f}")
assert prompt_part > 0

# 3. Averaging: a batch with a 2-token and a 10-token response.
pairs = [([5, 6, 7], [8, 0]), ([2, 3], [9, 1, 1, 4, 6, 10, 11, 3, 2, 0])]
sums, counts = zip(*(masked_sum(*sft_labels(p, r)) for p, r in pairs))
token_mean = sum(sums) / sum(counts)  # every response token weighs the same
seq_mean = np.mean([s / c for s, c in zip(sums, counts)])  # every example
print(f"token-level mean {token_mean:.4f}, sequence-level mean {seq_mean:.4f}")
print(f"share of the short example in the token-level mean: "
      f"{counts[0] / sum(counts):.3f}")
assert not np.isclose(token_mean, seq_mean)

# Gradient accumulation with one example per micro-batch, each micro-batch
# averaged over its own tokens, silently computes seq_mean, not token_mean;
# summing the token losses and dividing by the total count restores it.
accumulated = sum(s / c for s, c in zip(sums, counts)) / len(pairs)
print(f"2 micro-batches, mean of means: {accumulated:.4f} (not {token_mean:.4f})")
assert not np.isclose(accumulated, token_mean)
