"""A LLaVA-style input: vision features -> MLP projector -> tokens spliced into the LLM's input."""

import numpy as np

rng = np.random.default_rng(0)


def projector_params(d_vision, d_llm):
    """Two-layer MLP projector (LLaVA-1.5): d_vision -> d_llm -> d_llm, with biases."""
    return d_vision * d_llm + d_llm + d_llm * d_llm + d_llm


# 1. Real sizes: CLIP ViT-L/14 at 336 px into a 7B LLM with hidden size 4096.
n_img = (336 // 14) ** 2
print(f"image tokens: (336/14)^2 = {n_img}; projector parameters: "
      f"{projector_params(1024, 4096):,}")
assert n_img == 576

# 2. A small concrete model: 4x4 patch grid, vision width 12, LLM width 20, vocab 50.
GRID, DV, DL, VOCAB = 4, 12, 20, 50
proj = {"w1": rng.normal(size=(DV, DL)) / np.sqrt(DV), "b1": np.zeros(DL),
        "w2": rng.normal(size=(DL, DL)) / np.sqrt(DL), "b2": np.zeros(DL)}
assert sum(a.size for a in proj.values()) == projector_params(DV, DL)
embed = rng.normal(size=(VOCAB, DL))


def gelu(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def build_inputs(token_ids, patch_features, image_id=0):
    """Replace the single <image> placeholder (id 0) by the projected patch features."""
    img_tokens = gelu(patch_features @ proj["w1"] + proj["b1"]) @ proj["w2"] + proj["b2"]
    k = token_ids.index(image_id)
    x = np.concatenate([embed[token_ids[:k]], img_tokens, embed[token_ids[k + 1:]]])
    is_image = np.r_[np.zeros(k), np.ones(len(img_tokens)), np.zeros(len(token_ids) - k - 1)]
    return x, is_image.astype(bool)


# "USER: <image> what is this? ASSISTANT: a red car </s>" as made-up token ids.
system, question, answer = [7, 8], [0, 11, 12, 13, 9], [21, 22, 23, 2]
ids = system + question + answer
feats = rng.normal(size=(GRID * GRID, DV))  # the frozen vision encoder's patch features
x, is_image = build_inputs(ids, feats)
print(f"text tokens {len(ids)} (one is <image>) -> LLM sequence of {len(x)} vectors "
      f"of width {x.shape[1]}")
assert x.shape == (len(ids) - 1 + GRID * GRID, DL)

# Loss mask for instruction tuning: only the answer tokens are predicted.
labels_used = np.zeros(len(x), bool)
labels_used[-len(answer):] = True
assert not (labels_used & is_image).any() and labels_used.sum() == 4


# 3. A causal attention layer: text after the image sees it, text before it does not.
def causal_attention(x):
    s = x @ x.T / np.sqrt(x.shape[1])
    s[np.triu_indices(len(x), 1)] = -np.inf
    w = np.exp(s - s.max(1, keepdims=True))
    return (w / w.sum(1, keepdims=True)) @ x


h1 = causal_attention(x)
h2 = causal_attention(build_inputs(ids, rng.normal(size=feats.shape))[0])  # another image
first_img = int(np.argmax(is_image))
before = np.abs(h1[:first_img] - h2[:first_img]).max()
after = np.abs(h1[-len(answer):] - h2[-len(answer):]).max()
print(f"change in hidden states when the image changes: before it {before:.1e}, "
      f"answer tokens {after:.2f}")
assert before == 0.0 and after > 0.01
