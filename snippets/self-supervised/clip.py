"""CLIP: the symmetric contrastive loss, and zero-shot classification with text prompts."""

import numpy as np

rng = np.random.default_rng(0)


def normalise(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def log_softmax(s, axis):
    m = s.max(axis, keepdims=True)
    return s - m - np.log(np.exp(s - m).sum(axis, keepdims=True))


def clip_loss(img, txt, scale):
    """Mean of image->text and text->image cross-entropies; pair i is (img[i], txt[i])."""
    logits = scale * normalise(img) @ normalise(txt).T  # (N images, N texts)
    i2t = -np.diag(log_softmax(logits, axis=1)).mean()  # each image picks its caption
    t2i = -np.diag(log_softmax(logits, axis=0)).mean()  # each caption picks its image
    return (i2t + t2i) / 2


# 1. The loss equals its per-pair definition, and an untrained model scores log N.
N, d = 8, 16
img, txt = rng.normal(size=(N, d)), rng.normal(size=(N, d))
sim = normalise(img) @ normalise(txt).T
loop = np.mean([-np.log(np.exp(10 * sim[i, i]) / np.exp(10 * sim[i]).sum()) for i in range(N)]
               + [-np.log(np.exp(10 * sim[i, i]) / np.exp(10 * sim[:, i]).sum()) for i in range(N)])
assert abs(clip_loss(img, txt, 10.0) - loop) < 1e-12
assert abs(clip_loss(np.ones((N, d)), np.ones((N, d)), 10.0) - np.log(N)) < 1e-12
print(f"loss with all embeddings equal: {clip_loss(np.ones((N, d)), np.ones((N, d)), 10):.4f}"
      f" = log {N}")

# 2. Worked example: cosines of one image with three prompt embeddings, logit scale 100.
cos = np.array([0.31, 0.25, 0.12])  # "a photo of a dog", "... cat", "... car"
p = np.exp(log_softmax(100 * cos, axis=0))
print("zero-shot probabilities:", ", ".join(f"{v:.4f}" for v in p))
assert p.argmax() == 0 and abs(p[0] - 1 / (1 + np.exp(-6) + np.exp(-19))) < 1e-12

# 3. Zero-shot classification on synthetic aligned embeddings: 10 classes, 8 prompt templates.
# An image embedding is its class concept plus noise; a prompt embedding is the class concept
# plus a template-specific offset plus noise.
K, T, dim = 10, 8, 32
concepts = rng.normal(size=(K, dim))
templates = 0.8 * rng.normal(size=(T, dim))
prompts = normalise(concepts[None] + templates[:, None] + 0.8 * rng.normal(size=(T, K, dim)))
labels = rng.integers(0, K, size=2000)
images = normalise(concepts[labels] + 1.2 * rng.normal(size=(2000, dim)))


def zero_shot_accuracy(classifier, scale=100.0):
    logits = scale * images @ classifier.T  # the text embeddings are the weight matrix
    return (logits.argmax(1) == labels).mean(), logits


acc_one, logits = zero_shot_accuracy(prompts[0])
acc_ens, _ = zero_shot_accuracy(normalise(prompts.mean(0)))  # average over the templates
_, logits_t1 = zero_shot_accuracy(prompts[0], scale=1.0)
assert np.array_equal(logits.argmax(1), logits_t1.argmax(1))  # temperature never changes the class
print(f"zero-shot accuracy over {K} classes: one template {acc_one:.3f}, "
      f"{T}-template ensemble {acc_ens:.3f} (chance {1 / K:.3f})")
assert acc_one > 3 / K and acc_ens > acc_one + 0.05
