"""BPE vs WordPiece merge choice, greedy vs unigram Viterbi encoding, byte fallback."""

import math
from collections import Counter
from itertools import pairwise

# 1. Training criterion: BPE merges the most frequent pair; WordPiece (as
#    reconstructed in the Hugging Face course, ignoring the '##' marking) the
#    pair with the highest count(ab) / (count(a) count(b)).
corpus = {"hat": 6, "hats": 3, "that": 4, "the": 8, "then": 2, "ten": 5}
pairs, singles = Counter(), Counter()
for w, n in corpus.items():
    for c in w:
        singles[c] += n
    for a, b in pairwise(w):
        pairs[a, b] += n
bpe_pick = max(pairs, key=pairs.get)
wp_score = {p: pairs[p] / (singles[p[0]] * singles[p[1]]) for p in pairs}
wp_pick = max(wp_score, key=wp_score.get)
print(f"BPE first merge:       {bpe_pick} count {pairs[bpe_pick]}")
print(f"WordPiece first merge: {wp_pick} score {pairs[wp_pick]}/"
      f"({singles[wp_pick[0]]}*{singles[wp_pick[1]]}) = {wp_score[wp_pick]:.4f}")
assert bpe_pick == ("t", "h") and wp_pick == ("e", "n")

# 2. Encoding: WordPiece takes the longest matching piece from the left;
#    unigram picks the segmentation with the highest total log-probability.
logp = {"un": -3.0, "unre": -9.0, "re": -4.0, "related": -5.0, "lated": -7.0,
        "late": -6.0, "d": -4.5}
logp.update({c: -10.0 for c in "abcdefghijklmnopqrstuvwxyz"})


def greedy_longest(word):
    out, i = [], 0
    while i < len(word):
        j = max(k for k in range(i + 1, len(word) + 1) if word[i:k] in logp)
        out.append(word[i:j])
        i = j
    return out


def viterbi(word):
    best = [0.0] + [-math.inf] * len(word)  # best[i]: best score of word[:i]
    back = [0] * (len(word) + 1)
    for j in range(1, len(word) + 1):
        for i in range(j):
            piece = word[i:j]
            if piece in logp and best[i] + logp[piece] > best[j]:
                best[j], back[j] = best[i] + logp[piece], i
    out, j = [], len(word)
    while j > 0:
        out.append(word[back[j] : j])
        j = back[j]
    return out[::-1], best[-1]


word = "unrelated"
g = greedy_longest(word)
v, v_score = viterbi(word)
g_score = sum(logp[p] for p in g)
print(f"greedy longest match: {g} log p = {g_score}")
print(f"unigram Viterbi:      {v} log p = {v_score}")
assert g == ["unre", "lated"] and v == ["un", "related"] and v_score > g_score

# 3. Coverage: a character vocabulary learned from English text meets unknown
#    characters; byte-level BPE's base vocabulary (all 256 bytes) never does.
char_vocab = set("".join(corpus)) | set("abcdefghijklmnopqrstuvwxyz ")
text = "café 東京"
unknown = [c for c in text if c not in char_vocab]
data = text.encode("utf-8")
print(f"{text!r}: {len(text)} characters, unknown to the character vocabulary:"
      f" {unknown}; {len(data)} UTF-8 bytes")
assert unknown == ["é", "東", "京"] and len(data) == 12
assert all(0 <= b < 256 for b in data) and data.decode("utf-8") == text
