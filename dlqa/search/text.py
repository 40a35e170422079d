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

import Stemmer  # PyStemmer: the Snowball stemmers compiled from C

# Words that say nothing about which question is meant. A query made only of them keeps them.
STOP_WORDS = frozenset(["a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "during", "each", "either", "explain", "describe", "define", "for", "from", "further", "give", "had", "has", "have", "having", "he", "her", "here", "hers", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "please", "same", "she", "should", "so", "some", "such", "tell", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "vs", "versus", "was", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "s", "t"])

_WORD = re.compile(r"[a-z0-9]+")
# At the end of a word: the fold runs over the whole text at once, as worker.js does word by
# word (a word ends where [a-z0-9] does), since a call per word was most of the index's time.
_BRITISH = re.compile(r"is(e|ed|es|er|ers|ing|ation|ations)(?![a-z0-9])")
_stemmer = Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    """The words of `text`, folded (see the module docstring)."""
    text = unicodedata.normalize("NFKD", text).lower()
    return _WORD.findall(_BRITISH.sub(r"iz\1", text))


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
_MATH = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)
_MARKUP = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|`+|<[^>]+>|\{:[^}]*\}")
_TEX_WRAPPER = re.compile(r"\\(?:operatorname|mathrm|text|mathbf|mathcal|boldsymbol|mathbb|bar|hat|tilde)\s*\{([^{}]*)\}")
_TEX_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_TEX_SYMBOLS = {"cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
                "approx": "≈", "to": "→", "in": "∈", "top": "ᵀ", "infty": "∞", "pm": "±",
                "ne": "≠", "neq": "≠", "propto": "∝", "sim": "~", "ldots": "…", "dots": "…"}
_TEX_COMMAND = re.compile(r"\\([a-zA-Z]+)|\\[,;:! ]")


def _tex(formula: str) -> str:
    """A formula as a reader would say it in text: "\\frac{a}{b}" -> "a/b", "\\sigma" ->
    "sigma", "\\top" -> "ᵀ", wrappers such as \\operatorname{} dropped."""
    for _ in range(3):  # nested wrappers and fractions, innermost first
        formula = _TEX_WRAPPER.sub(r"\1", formula)
        formula = _TEX_FRAC.sub(r"(\1)/(\2)", formula)
    formula = re.sub(r"\\(?:left|right|big|Big)\b", "", formula)
    formula = _TEX_COMMAND.sub(lambda m: _TEX_SYMBOLS.get(m.group(1) or "", m.group(1) or " "),
                               formula)
    return formula.replace("{", "").replace("}", "")


def plain(markdown: str) -> str:
    """Readable plain text of a short Markdown passage: links keep their text, emphasis and
    code marks go, and formulas are written out in text (see `_tex`)."""
    text, parts, last = _LINK.sub(r"\1", markdown), [], 0
    for math in _MATH.finditer(text):
        parts += [_MARKUP.sub("", text[last:math.start()]), _tex(math.group(1) or math.group(2))]
        last = math.end()
    parts.append(_MARKUP.sub("", text[last:]))
    return " ".join("".join(parts).split())
