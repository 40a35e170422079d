"""The search ranking, in Python; worker.js is the same algorithm for the site (tests check
that both give the same results on every evaluation query).

Both read one index (`entries.site_index`): documents with fields, and settings (stop words,
stems, glossary expansions, WEIGHTS). A query becomes groups, one per content word, each with
alternatives: the word's own stem; for a word the index does not know, the two words it
runs together ("finetuning"), a known word it starts with ("zeroing" -> "zero"), the words
it begins ("atten"), or the known words fewest typos away ("dropuot"); and the glossary's
meanings of it ("bn" -> "batch normalisation").

A document scores, per group, its best alternative: the stem's rarity (idf) times the best
of its fields' weighted, length-normalised matches (BM25F-like: a phrasing or a search term
counts on its own; the short answer and key terms as text). The sum is scaled by the share
of groups the document matches and by how many of them meet in one phrasing, so a page
whose title or alias holds the whole query comes first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dlqa.search import text


@dataclass(frozen=True)
class Weights:
    """The ranking's constants, chosen on the dev half of data/search-eval/ (a coordinate
    search; the test half is only ever reported)."""

    phrasing: float = 3.0  # the title and each alias
    terms: float = 2.0  # data/search-terms.yaml
    answer: float = 1.0  # the short answer
    keys: float = 0.3  # the explanation's bold key terms
    k1: float = 0.8  # BM25 saturation
    b: float = 0.5  # BM25 length normalisation
    coverage: float = 1.0  # exponent on the share of query words matched
    together: float = 2.0  # bonus for query words meeting in one phrasing
    split: float = 0.9  # an unknown word read as two known ones
    stem_of: float = 0.7  # an unknown word read as the known word it starts with
    typo: float = 0.5  # a known word one edit away
    prefix: float = 0.5  # a known word the query word begins
    expansion: float = 0.6  # a glossary meaning
    other_page: float = 0.3  # pages that are not questions
    max_prefix: int = 20  # known words a prefix may stand for


WEIGHTS = Weights()
FIELDS = ("p", "k", "a", "b")  # phrasings, terms, answer, key terms


@dataclass
class Doc:
    location: str
    fields: dict[str, list[list[str]]]  # field -> items -> stems
    content: list[set[str]]  # per phrasing, the stems of its words that are not stop words
    question: bool
    match: dict[str, float] = field(default_factory=dict)  # stem -> best weighted field match


class Ranker:
    """Ranks the documents of one index for a query."""

    def __init__(self, index: dict):
        cfg = index["config"]["dlqa"]
        self.weights = Weights(**cfg["weights"])
        self.stop = set(cfg["stop"])
        self.stems = cfg["stems"]
        self.expand = cfg["expand"]
        vocab: set[str] = set()
        self.docs: list[Doc] = []
        for d in index["docs"]:
            items = {
                "p": [d["title"], *d.get("p", [])],
                "k": d.get("k", []),
                "a": [d["text"]] if d["text"] else [],
                "b": [" ".join(d.get("b", []))] if d.get("b") else [],
            }
            fields = {}
            for name in FIELDS:
                toks = [text.tokens(s) for s in items[name]]
                vocab.update(t for ts in toks for t in ts)
                fields[name] = [[self.stem(t) for t in ts] for ts in toks if ts]
            content = [{self.stem(t) for t in text.tokens(s) if t not in self.stop}
                       for s in items["p"]]
            self.docs.append(Doc(d["location"], fields, [c for c in content if c],
                                 bool(d.get("q"))))
        for key, meanings in self.expand.items():
            vocab.add(key)
            vocab.update(t for m in meanings for t in m.split())
        self.vocab = sorted(vocab)
        self.known = set(vocab)
        n = len(self.docs)
        df: dict[str, int] = {}
        for doc in self.docs:
            for s in {s for items in doc.fields.values() for item in items for s in item}:
                df[s] = df.get(s, 0) + 1
        self.df = df
        self.idf = {s: math.log(1 + (n - c + 0.5) / (c + 0.5)) for s, c in df.items()}
        self.avg = {}
        for name in FIELDS:
            lengths = [len(item) for doc in self.docs for item in doc.fields[name]]
            self.avg[name] = sum(lengths) / len(lengths) if lengths else 1.0
        for doc in self.docs:
            doc.match = self._matches(doc)

    def stem(self, token: str) -> str:
        return self.stems.get(token, token)

    # -- the query ---------------------------------------------------------------------
    def groups(self, query: str) -> list[tuple[str, list[tuple[list[str], float]]]]:
        """(word, alternatives) per content word; an alternative is (stems, weight)."""
        toks = text.tokens(query)
        words = [t for t in toks if t not in self.stop] or toks
        w = self.weights
        out = []
        for word in words:
            alts: list[tuple[list[str], float]] = []
            if word in self.known:
                alts.append(([self.stem(word)], 1.0))
            else:
                alts.extend(self._unknown(word))
            for meaning in self.expand.get(word, []):
                stems = [self.stem(t) for t in meaning.split() if t not in self.stop]
                if stems:
                    alts.append((stems, w.expansion))
            out.append((word, alts))
        return out

    def _unknown(self, word: str) -> list[tuple[list[str], float]]:
        w = self.weights
        for i in range(3, len(word) - 2):
            a, b = word[:i], word[i:]
            if a in self.known and b in self.known:
                return [([self.stem(a), self.stem(b)], w.split)]
        starts = [v for v in self.vocab if len(v) >= 4 and 5 * len(v) >= 3 * len(word)
                  and word.startswith(v)]
        if starts:
            return [([self.stem(max(starts, key=len))], w.stem_of)]
        if len(word) >= 3:
            begun = [v for v in self.vocab if v.startswith(word)]
            if begun:
                begun.sort(key=lambda v: (-self.df.get(self.stem(v), 0), v))
                return [([self.stem(v)], w.prefix) for v in begun[:w.max_prefix]]
        if len(word) >= 4:
            limit = 2 if len(word) >= 8 else 1
            near = {v: _distance(word, v, limit) for v in self.vocab
                    if abs(len(v) - len(word)) <= limit}
            closest = min(near.values(), default=limit + 1)
            if closest <= limit:
                return [([self.stem(v)], w.typo) for v, d in near.items() if d == closest]
        return []

    # -- the documents -----------------------------------------------------------------
    def _matches(self, doc: Doc) -> dict[str, float]:
        """Stem -> the best of the document's fields for it: the field's weight times the
        BM25 match of its best item (a phrasing, a term, the answer, the key terms)."""
        w = self.weights
        weight = {"p": w.phrasing, "k": w.terms, "a": w.answer, "b": w.keys}
        best: dict[str, float] = {}
        for name in FIELDS:
            for item in doc.fields[name]:
                norm = 1 - w.b + w.b * len(item) / self.avg[name]
                for stem in dict.fromkeys(item):
                    tf = item.count(stem)
                    value = weight[name] * (tf * (w.k1 + 1) / (tf + w.k1 * norm))
                    if value > best.get(stem, 0.0):
                        best[stem] = value
        return best

    def _term(self, doc: Doc, stem: str) -> float:
        return self.idf[stem] * doc.match[stem] if stem in doc.match else 0.0

    def score(self, doc: Doc, groups) -> float:
        w = self.weights
        total, matched, best_stems = 0.0, 0, []
        for _, alts in groups:
            best, chosen = 0.0, []
            for stems, weight in alts:
                value = weight * sum(self._term(doc, s) for s in stems) / len(stems)
                if value > best:
                    best, chosen = value, stems
            total += best
            matched += best > 0
            best_stems.append(chosen)
        if not total:
            return 0.0
        # How closely one phrasing says what the query says: the share of the query's words
        # it holds times the share of its own words the query holds.
        together = 0.0
        for words in doc.content:
            held = [stems for stems in best_stems if stems and all(s in words for s in stems)]
            covered = {s for stems in held for s in stems}
            together = max(together, len(held) / len(groups) * len(covered & words) / len(words))
        score = total * (matched / len(groups)) ** w.coverage * (1 + w.together * together ** 2)
        return score if doc.question else score * w.other_page

    def search(self, query: str, top: int = 10) -> list[tuple[str, float]]:
        """(location, score) of the best `top` documents, best first; ties by location."""
        groups = self.groups(query)
        if not groups:
            return []
        scored = [(doc.location, self.score(doc, groups)) for doc in self.docs]
        scored = [item for item in scored if item[1] > 0]
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:top]


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, substitute, swap two neighbours), or limit + 1 once it
    is known to exceed `limit`."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]
