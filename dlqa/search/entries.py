"""What search knows of each page, and the index the site's search reads.

A question page is found by what it is about, not by its whole text: its title and aliases
(every phrasing of the question), its search terms, its short answer and the key terms its
explanation puts in bold. Other pages (topics, browse pages, the glossary, the guides) are
found by their titles only, so that they never outrank the questions they list.

`site_index` writes these entries, with the stop words, the stems of every indexed word,
the glossary's expansions and the ranking's weights, as the JSON that Material's search UI
hands to its worker; dlqa's worker (worker.js) ranks with it, and `rank.Ranker` reads the
very same JSON in Python.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from dlqa.search import glossary, text
from dlqa.search.rank import WEIGHTS

_BOLD = re.compile(r"\*\*([^*\n]{2,60})\*\*")
# Key terms kept per page: enough for its definitions, too few to drown its title.
KEY_TERMS = 12


@dataclass(frozen=True)
class Entry:
    location: str  # site-relative URL
    title: str  # shown in the results
    text: str = ""  # shown under the title: the short answer, in plain text
    aliases: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # the explanation's bold key terms
    question: bool = False

    def doc(self) -> dict:
        """The entry as a document of the site index (short field names: every reader
        downloads them)."""
        out = {"location": self.location, "title": self.title, "text": self.text}
        for name, value in (("p", self.aliases), ("k", self.terms), ("b", self.keys)):
            if value:
                out[name] = value
        if self.question:
            out["q"] = 1
        return out


def question_entries(catalogue, directory_urls: bool) -> list[Entry]:
    """One entry per question page."""
    out = []
    for q in catalogue.questions:
        body = "\n".join(v for k, v in q.sections.items() if k != "Short answer")
        keys = list(dict.fromkeys(text.plain(m) for m in _BOLD.findall(body)))[:KEY_TERMS]
        out.append(Entry(q.site_url(directory_urls), q.title, text.plain(q.short_answer),
                         list(q.aliases), list(catalogue.search_terms.get(q.id, [])), keys,
                         question=True))
    return out


def other_entries(titles: dict[str, str], question_urls: set[str]) -> list[Entry]:
    """One entry per page that is not a question (URL -> title), found by its title."""
    return [Entry(url, text.plain(title)) for url, title in sorted(titles.items())
            if url not in question_urls and text.tokens(title)]


def settings(entries: list[Entry], expansions: dict[str, list[str]]) -> dict:
    """What the ranking needs besides the documents, for Python and worker.js alike."""
    # The ranking finds the words itself, by tokenizing the documents; it needs their stems.
    words = {t for e in entries for s in (e.title, e.text, *e.aliases, *e.terms, *e.keys)
             for t in text.tokens(s)}
    words |= set(expansions) | {t for ms in expansions.values() for m in ms for t in m.split()}
    return {
        "stop": sorted(text.STOP_WORDS),
        # only the stems that differ from their word: the others go without saying
        "stems": {w: text.stem(w) for w in sorted(words) if text.stem(w) != w},
        "expand": expansions,
        "weights": asdict(WEIGHTS),
    }


def site_index(entries: list[Entry], expansions: dict[str, list[str]], separator: str) -> dict:
    """The site's search index: Material's {config, docs} shape, dlqa's contents."""
    return {"config": {"lang": ["en"], "separator": separator,
                       "dlqa": settings(entries, expansions)},
            "docs": [e.doc() for e in entries]}


def catalogue_index(catalogue, directory_urls: bool = True) -> dict:
    """The index of the question pages alone, from the catalogue (no built site needed): what
    `dlqa similar` and `dlqa new` rank with, as the site ranks."""
    return site_index(question_entries(catalogue, directory_urls),
                      glossary.expansions(catalogue.glossary), separator="")
