"""TF-IDF from scratch: weights, cosine ranking of documents, and BM25's saturation."""

from collections import Counter

import numpy as np

docs = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "the cat chased the dog",
    "stock markets fell on the news",
]
query = "cat on mat"
tokens = [d.split() for d in docs]
vocab = sorted({t for d in tokens for t in d})
N = len(docs)
df = {t: sum(t in d for d in tokens) for t in vocab}
idf = {t: np.log(N / df[t]) for t in vocab}  # natural log, no smoothing


def tfidf(words):
    counts = Counter(words)
    return np.array([counts[t] * idf[t] if t in idf else 0.0 for t in vocab])


print("idf:", {t: round(float(idf[t]), 3) for t in ("the", "on", "cat", "mat")})
assert idf["the"] == 0.0  # in every document: no discriminating power
assert np.isclose(idf["cat"], np.log(2)) and np.isclose(idf["mat"], np.log(4))

D = np.array([tfidf(d) for d in tokens])
q = tfidf(query.split())
cos = D @ q / (np.linalg.norm(D, axis=1) * np.linalg.norm(q))
print("cosine(query, doc):", np.round(cos, 3))
assert list(np.argsort(-cos)) == [0, 2, 1, 3]
# 'on' occurs in three documents, so its weight (0.288) is small and
# documents 2 and 4 score low even though they contain it.
assert cos[1] < 0.1 and cos[3] < 0.1


# BM25 with Lucene's default k1 = 1.2, b = 0.75 and its non-negative idf.
def bm25_term(tf, doc_len, avg_len, n_t, k1=1.2, b=0.75):
    idf_bm25 = np.log(1 + (N - n_t + 0.5) / (n_t + 0.5))
    return idf_bm25 * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avg_len))


avg_len = np.mean([len(d) for d in tokens])
bm25 = [sum(bm25_term(d.count(t), len(d), avg_len, df[t]) for t in query.split())
        for d in tokens]
print("BM25(query, doc):  ", np.round(bm25, 3))
assert bm25[0] > bm25[2] > bm25[1]
assert np.isclose(bm25[1], bm25[3])  # same 'on' count and same length: a tie

# Saturation: repeating a term 1, 2, 5, 20 times in a document of average length.
tf_curve = [bm25_term(tf, avg_len, avg_len, 1) for tf in (1, 2, 5, 20)]
cap = np.log(1 + (N - 0.5) / 1.5) * 2.2
print("BM25 term score for tf = 1, 2, 5, 20:", np.round(tf_curve, 3),
      f"(limit {cap:.3f})")
assert tf_curve[3] / tf_curve[0] < 2.2 and tf_curve[3] < cap  # 20x the count, ~2x the score
# Length normalisation: the same count in a document twice as long scores lower.
assert bm25_term(1, 2 * avg_len, avg_len, 1) < bm25_term(1, avg_len, avg_len, 1)
