"""BLEU and ROUGE-1/2/L from scratch on one sentence pair, and where they fail."""

import math
from collections import Counter


def ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu(cand, refs, max_n=4):
    """Sentence BLEU (Papineni et al., 2002): clipped precisions, geometric mean, BP."""
    precisions = []
    for n in range(1, max_n + 1):
        c = ngrams(cand, n)
        max_ref = Counter()
        for r in refs:
            max_ref |= ngrams(r, n)                 # per n-gram, the max count in any ref
        clipped = sum(min(k, max_ref[g]) for g, k in c.items())
        precisions.append(clipped / max(sum(c.values()), 1))
    r = min((len(x) for x in refs), key=lambda length: (abs(length - len(cand)), length))
    bp = 1.0 if len(cand) > r else math.exp(1 - r / len(cand))
    if min(precisions) == 0:
        return 0.0, precisions, bp
    return bp * math.exp(sum(math.log(p) for p in precisions) / max_n), precisions, bp


def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def rouge_n(cand, ref, n):
    c, r = ngrams(cand, n), ngrams(ref, n)
    overlap = sum((c & r).values())
    p, rec = overlap / sum(c.values()), overlap / sum(r.values())
    return p, rec, f1(p, rec)


def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1],
                                                                       table[i + 1][j])
    return table[-1][-1]


def rouge_l(cand, ref):
    k = lcs(cand, ref)
    p, r = k / len(cand), k / len(ref)
    return p, r, f1(p, r)


def words(text):
    return text.split()


ref = words("the cat sat on the red mat")
cand = words("the cat sat on the mat")

# 1. The worked example: p_n = 6/6, 4/5, 3/4, 2/3; BP = exp(1 - 7/6).
score, p, bp = bleu(cand, [ref])
print("clipped precisions p1..p4:", [round(x, 4) for x in p])
print(f"brevity penalty {bp:.4f}, geometric mean {score / bp:.4f}, BLEU {score:.4f}")
assert p == [1.0, 4 / 5, 3 / 4, 2 / 3]
assert math.isclose(bp, math.exp(-1 / 6))
assert math.isclose(score, math.exp(-1 / 6) * 0.4 ** 0.25)
for name, (pr, rc, f) in [("ROUGE-1", rouge_n(cand, ref, 1)), ("ROUGE-2", rouge_n(cand, ref, 2)),
                          ("ROUGE-L", rouge_l(cand, ref))]:
    print(f"{name}: precision {pr:.3f}  recall {rc:.3f}  F1 {f:.3f}")
assert rouge_n(cand, ref, 1)[1] == 6 / 7 and rouge_n(cand, ref, 2)[1] == 4 / 6
assert lcs(cand, ref) == 6 and round(rouge_l(cand, ref)[2], 3) == 0.923

# 2. Clipping: without it, repeating a common word gets full unigram precision.
spam = words("the the the the the the")
assert bleu(spam, [ref])[1][0] == 2 / 6
print("'the' x 6: clipped unigram precision", round(bleu(spam, [ref])[1][0], 3),
      "(unclipped would be 1.0)")

# 3. Word order: a scrambled candidate keeps ROUGE-1 = 1 but loses ROUGE-L and BLEU.
scrambled = words("mat red the on sat cat the")
assert rouge_n(scrambled, ref, 1)[2] == 1.0 and rouge_l(scrambled, ref)[2] < 0.5
print(f"scrambled: ROUGE-1 F1 {rouge_n(scrambled, ref, 1)[2]:.3f}, "
      f"ROUGE-L F1 {rouge_l(scrambled, ref)[2]:.3f}, BLEU {bleu(scrambled, [ref])[0]:.3f}")

# 4. Meaning: a correct paraphrase scores below a fluent candidate with the wrong meaning,
#    and no 4-gram match at all makes unsmoothed sentence BLEU exactly 0.
paraphrase = words("a cat was sitting on the red rug")
wrong = words("the dog sat on the red mat")
bp_, bw = bleu(paraphrase, [ref])[0], bleu(wrong, [ref])[0]
rp, rw = rouge_l(paraphrase, ref)[2], rouge_l(wrong, ref)[2]
print(f"paraphrase (right meaning): BLEU {bp_:.3f}  ROUGE-L F1 {rp:.3f}")
print(f"'the dog ...' (wrong):       BLEU {bw:.3f}  ROUGE-L F1 {rw:.3f}")
assert bp_ == 0.0 and bw > 0.5 and rw > rp
