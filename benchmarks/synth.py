"""A synthetic dlqa encyclopedia of N questions, shaped like the real pages.

Each page has valid front matter, every required section, about 400 words of prose, one
inline and one display formula, two aliases, three related pages (two linked as follow-ups)
and one NumPy snippet included
with its output exactly as real pages include theirs. Titles are random word combinations
(fixed seed) checked with dlqa's own duplicate measure, so the build accepts them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from dlqa import dedup
from dlqa.repo import Repo

# Content words for titles and prose: deep-learning terms, so stemming, search indexing and
# duplicate checks see text like the real pages'.
_TERMS = """
activation adapter adversarial affine alignment anchor annealing attention augmentation
autoencoder backbone backpropagation bagging baseline batch benchmark bias bottleneck
boosting bucket calibration capacity caption channel checkpoint classifier clipping cluster
codebook collapse compression confidence convolution corpus covariance crossentropy curriculum
curvature decoder decay denoising density depth diffusion dilation discriminator distillation
dropout embedding encoder ensemble entropy epoch estimator exposure factorisation feature
filter finetuning flow forecasting gate generator gradient graph hashing head heatmap hessian
hinge histogram horizon imbalance imputation inception inference initialisation interpolation
jacobian kernel label lasso latent layer leakage likelihood logit lookahead manifold margin
mask matrix memory mixup momentum multitask neuron noise normalisation objective occlusion
optimiser outlier overfitting padding parameter patch perceptron perplexity pooling posterior
precision pretraining prior probe projection pruning quantisation query ranking recall
reconstruction recurrence regression regulariser reward residual retrieval saliency sampler
scheduler segmentation sensitivity sequence shortcut shrinkage sigmoid similarity skipgram
smoothing softmax sparsity spectrum stride subword surrogate temperature tensor threshold
token tokenizer trajectory transformer triplet uncertainty unpooling variance vocabulary
warmup weight whitening window
"""
TERMS = _TERMS.split()
# Rarer compound terms ("crossattention"), so that the title vocabulary grows with N as a
# real one does: the real catalogue's 602 phrasings use 648 distinct stems, growing as about
# N^0.7, which predicts some 5,000 at N = 3,000. Without them every term would occur in
# hundreds of titles and the duplicate check would compare far more pairs than it would
# on real titles.
RARE_TERMS = [p + t for p in ("multi", "cross", "semi", "self", "hyper", "meta", "auto",
                              "sub", "co", "bi") for t in TERMS]

_TITLES = (
    "How does {a} {b} affect {c} {d}?",
    "Why would {a} {b} hurt {c} during {d}?",
    "When should {a} replace {b} for {c} {d}?",
    "What limits {a} {b} under {c} {d}?",
    "How do you measure {a} {b} against {c} {d}?",
    "Which {a} {b} settings stabilise {c} {d}?",
)
_SENTENCES = (
    "The {a} interacts with the {b} through the {c}, so a change in one moves the others.",
    "A careful answer separates the role of the {a} from the {b} and names the {c} it needs.",
    "In practice the {a} is tuned together with the {b}, because the {c} depends on both.",
    "Measuring the {a} on held-out data shows whether the {b} or the {c} limits the model.",
    "When the {a} grows, the {b} usually shrinks, and the {c} has to be adjusted to match.",
    "Interviewers expect the link between the {a}, the {b} and the {c} to be stated plainly.",
    "A small worked example with the {a} and the {b} makes the effect on the {c} concrete.",
    "Most frameworks expose the {a} directly, while the {b} and the {c} follow from it.",
)
_MISTAKES = (
    "Treating the {a} as independent of the {b}; the {c} couples them.",
    "Tuning the {a} before the {b} is fixed, which hides the effect of the {c}.",
    "Reporting the {a} on training data, where the {b} and the {c} look better than they are.",
)


@dataclass(frozen=True)
class Page:
    id: str
    topic: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"{self.topic}/{self.id}.md"


def _phrasings(rng: random.Random) -> list[str]:
    """A title and two aliases: three templates over the same four terms."""
    a, b = rng.sample(RARE_TERMS, 2)
    c, d = rng.sample(TERMS, 2)
    return [t.format(a=a, b=b, c=c, d=d) for t in rng.sample(_TITLES, 3)]


def _questions(n: int, rng: random.Random) -> list[list[str]]:
    """n pages' phrasings (title first), no two pages' near-duplicates by dlqa's measure."""
    pages = [_phrasings(rng) for _ in range(n)]
    while True:
        pairs = dedup.similar_pairs({str(i): p for i, p in enumerate(pages)})
        if not pairs:
            return pages
        for i in sorted({int(b) for _, b in pairs}):  # redraw one side of each clash
            pages[i] = _phrasings(rng)


def _fill(template: str, rng: random.Random) -> str:
    a, b, c, d = rng.sample(TERMS, 4)
    return template.format(a=a, b=b, c=c, d=d)


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_fill(rng.choice(_SENTENCES), rng) for _ in range(sentences))


def page_text(page: Page, index: int, others: list[Page], tags: list[str], level: str,
              rng: random.Random) -> str:
    """One question page: front matter and the sections a real page has."""
    front = {"id": page.id, "title": page.title, "aliases": list(page.aliases), "level": level, "tags": tags,
             "sources": [], "related": [o.id for o in others]}
    k, eta = index % 7 + 2, round(0.01 * (index % 9 + 1), 2)
    links = "\n".join(f"- [{o.title}](../{o.path})" for o in others[:2])
    mistakes = "\n".join(f"- {_fill(m, rng)}" for m in _MISTAKES)
    snippet = f"snippets/{page.topic}/{page.id}.py"
    return f"""---
{yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000).strip()}
---

## Short answer

{_paragraph(rng, 3)} With $k = {k}$ groups the cost is $O(k n^{{2}} / {index + 1})$.

## Explanation

{_paragraph(rng, 6)}

The update that the answer relies on, with step size $\\eta = {eta}$, is

$$
w_{{t+1}} = w_t - {eta} \\, \\frac{{1}}{{{k}}} \\sum_{{i=1}}^{{{k}}} \\nabla_w \\ell_i(w_t).
$$

{_paragraph(rng, 6)}

{_paragraph(rng, 4)}

## Code

```python title="{snippet}"
--8<-- "{snippet}"
```

Output:

```text
--8<-- "outputs/{page.topic}/{page.id}.txt"
```

## Common mistakes

{mistakes}

## Follow-up questions

{links}
"""


def snippet_text(index: int) -> str:
    """A small deterministic NumPy computation that asserts and prints, like real snippets."""
    rows, cols = index % 5 + 3, index % 4 + 2
    return f'''"""Synthetic snippet {index}: a Gram matrix is symmetric positive semi-definite."""

import numpy as np

rng = np.random.default_rng({index})
x = rng.normal(size=({rows}, {cols}))
gram = x.T @ x
assert gram.shape == ({cols}, {cols})
assert np.allclose(gram, gram.T)
assert np.linalg.eigvalsh(gram).min() > -1e-9
print("trace:", round(float(np.trace(gram)), 4))
'''


def make_repo(source: Path, root: Path, n: int, seed: int = 0) -> list[Page]:
    """Write a dlqa repository with n synthetic questions at `root`; return its pages."""
    Repo(source).copy_skeleton(root)
    rng = random.Random(seed)
    topics_file = root / "data" / "topics.yaml"
    topic_list = yaml.safe_load(topics_file.read_text())
    topics = [t["id"] for t in topic_list]
    tags = sorted(yaml.safe_load((root / "data" / "tags.yaml").read_text()))
    levels = ("beginner", "intermediate", "advanced")
    pages = [Page(f"q{i:05d}", topics[i % len(topics)], title, tuple(aliases))
             for i, (title, *aliases) in enumerate(_questions(n, rng))]
    for i, page in enumerate(pages):
        others = rng.sample([p for p in pages[max(0, i - 50):i + 50] if p != page],
                            min(3, n - 1))
        text = page_text(page, i, others, rng.sample(tags, 2), levels[i % 3], rng)
        path = root / "docs" / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        snippet = root / "snippets" / page.topic / f"{page.id}.py"
        snippet.parent.mkdir(parents=True, exist_ok=True)
        snippet.write_text(snippet_text(i), encoding="utf-8")
    for topic in topic_list:  # reading order: the order the pages were made in
        topic["questions"] = [p.id for p in pages if p.topic == topic["id"]]
    topics_file.write_text(yaml.safe_dump(topic_list, sort_keys=False), encoding="utf-8")
    return pages


def plain_config(root: Path, name: str, minimal: bool = False) -> Path:
    """The repository's mkdocs.yml without dlqa's hooks (and with `minimal`, without the
    offline plugin): the plain-Material baselines."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("hooks:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("  - "):
        end += 1
    text = "\n".join(lines[:start] + lines[end:]) + "\n"
    if minimal:
        start = text.index("\nplugins:\n")
        end = text.index("\n\n", start + 1)
        text = text[:start] + "\nplugins:\n  - search" + text[end:]
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def word_count(text: str) -> int:
    """Words of prose in a page: front matter, code fences and includes left out."""
    body = text.split("\n---\n", 1)[1]
    return sum(len(part.split()) for part in body.split("```")[::2])

