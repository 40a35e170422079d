"""Words as search sees them, the same in Python and in worker.js (the site's copy of this
logic reads its stop words and stems from the index this module helps write).

A text becomes tokens: Unicode-decomposed, lower case, runs of ASCII letters and digits, with
British -ise spellings folded into -ize ("normalisation" = "normalization", "optimiser" =
"optimizer"). A token's stem
comes from the Snowball English stemmer; the site gets a table of stems for every word in
the index, so the browser needs no stemmer of its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import snowballstemmer

# Words that say nothing about which question is meant. A query made only of them keeps them.
STOP_WORDS = frozenset(["a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "during", "each", "either", "explain", "describe", "define", "for", "from", "further", "give", "had", "has", "have", "having", "he", "her", "here", "hers", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "please", "same", "she", "should", "so", "some", "such", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "vs", "versus", "was", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "s", "t"])

_WORD = re.compile(r"[a-z0-9]+")
_BRITISH = re.compile(r"is(e|ed|es|er|ers|ing|ation|ations)$")
_stemmer = snowballstemmer.stemmer("english")


def tokens(text: str) -> list[str]:
    """The words of `text`, folded (see the module docstring)."""
    text = unicodedata.normalize("NFKD", text).lower()
    return [_BRITISH.sub(r"iz\1", w) for w in _WORD.findall(text)]


# Words Snowball conflates with a different word of this field: "transformer" is not a
# "transform" (the Fourier transform).
_NOT_STEMMED = {"transformer": "transformer", "transformers": "transformer"}


_VOWEL = re.compile(r"[aeiouy]")


@cache
def stem(token: str) -> str:
    """The Snowball stem of a folded token; an abbreviation's plural ("rnns", "llms"), which
    Snowball keeps whole for want of a vowel, loses its s."""
    if token in _NOT_STEMMED:
        return _NOT_STEMMED[token]
    if len(token) > 2 and token.endswith("s") and not _VOWEL.search(token[:-1]):
        return token[:-1]
    return _stemmer.stemWord(token)


def content(tokens_: list[str]) -> list[str]:
    """`tokens_` without stop words, unless nothing else is left."""
    kept = [t for t in tokens_ if t not in STOP_WORDS]
    return kept or tokens_


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+|\\(?=[a-zA-Z])|\$+|<[^>]+>|\{:[^}]*\}")


def plain(markdown: str) -> str:
    """Readable plain text of a short Markdown passage: links keep their text, emphasis,
    code marks and math delimiters go (a formula keeps its TeX words: "\\sigma" -> "sigma")."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub("", text)
    return " ".join(text.split())
