"""Ranking metrics from scratch on the page's worked example, and a case where
MRR and recall@5 disagree about which retriever is better."""

import numpy as np


def metrics(ranking, qrels, k=5, exp_gain=False):
    """ranking: list of doc ids; qrels: {doc id: graded relevance > 0}."""
    top = ranking[:k]
    rel = np.array([qrels.get(doc, 0) for doc in top], dtype=float)
    hits = rel > 0
    n_rel = len(qrels)
    first = int(np.argmax(hits)) + 1 if hits.any() else None
    prec_at_hits = np.cumsum(hits)[hits] / (np.flatnonzero(hits) + 1)
    gain = (2**rel - 1) if exp_gain else rel
    disc = 1 / np.log2(np.arange(2, k + 2))
    ideal = np.sort(np.array(list(qrels.values()), dtype=float))[::-1][:k]
    ideal_gain = (2**ideal - 1) if exp_gain else ideal
    return {
        "P@k": hits.sum() / k,
        "R@k": hits.sum() / n_rel,
        "hit@k": float(hits.any()),
        "RR": 1 / first if first else 0.0,
        "AP": prec_at_hits.sum() / n_rel,
        "nDCG@k": (gain * disc).sum() / (ideal_gain * disc[: len(ideal)]).sum(),
    }


# Worked example: relevant d3 (grade 2), d7 and d9 (grade 1); d9 is not retrieved.
qrels = {"d3": 2, "d7": 1, "d9": 1}
run = ["d1", "d3", "d5", "d7", "d2"]
m = metrics(run, qrels)
m_exp = metrics(run, qrels, exp_gain=True)
print({key: round(float(v), 4) for key, v in m.items()})
print("nDCG@5 with gain 2^rel - 1:", round(m_exp["nDCG@k"], 4))
by_hand = {"P@k": 2 / 5, "R@k": 2 / 3, "hit@k": 1.0, "RR": 1 / 2, "AP": (1 / 2 + 2 / 4) / 3,
           "nDCG@k": (2 / np.log2(3) + 1 / np.log2(5)) / (2 + 1 / np.log2(3) + 1 / 2)}
assert all(np.isclose(m[key], by_hand[key]) for key in by_hand)
assert np.isclose(m_exp["nDCG@k"], (3 / np.log2(3) + 1 / np.log2(5))
                  / (3 + 1 / np.log2(3) + 1 / 2))
# The ideal order scores 1, and nDCG@5 ignores what happens below rank 5.
assert np.isclose(metrics(["d3", "d7", "d9", "d1", "d2"], qrels)["nDCG@k"], 1.0)
assert metrics([*run, "d9"], qrels)["nDCG@k"] == m["nDCG@k"]

# Two retrievers on 4 queries with 2 relevant passages each: A puts one relevant
# passage first and misses the other; B finds both, at ranks 2 and 3.
queries = [{"a": 1, "b": 1}, {"c": 1, "d": 1}, {"e": 1, "f": 1}, {"g": 1, "h": 1}]
sys_a = [[rel[0], "x1", "x2", "x3", "x4"] for rel in map(list, queries)]
sys_b = [["x1", *list(rel), "x2", "x3"] for rel in queries]
mrr = [np.mean([metrics(r, q)["RR"] for r, q in zip(s, queries, strict=True)])
       for s in (sys_a, sys_b)]
rec = [np.mean([metrics(r, q)["R@k"] for r, q in zip(s, queries, strict=True)])
       for s in (sys_a, sys_b)]
print(f"retriever A: MRR {mrr[0]:.2f}, recall@5 {rec[0]:.2f};"
      f" retriever B: MRR {mrr[1]:.2f}, recall@5 {rec[1]:.2f}")
assert mrr[0] > mrr[1] and rec[0] < rec[1]

