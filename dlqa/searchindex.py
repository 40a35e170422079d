"""Keep the search index to what readers search for.

Material indexes every section of every page in full. A reader looks a question up by its
title or another phrasing, its short answer, or a heading; the long explanations, code and
generated lists only made the index (which every reader downloads) ten times larger and
let incidental words outrank the page that answers the question.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from dlqa import yamlio
from dlqa.errors import ContentError, ContentErrors, did_you_mean

# Sections of a question page whose text stays in the index; of the others only the
# heading is kept.
INDEXED_SECTIONS = frozenset({"short-answer"})


TERMS_FILE = "search-terms.yaml"


def load_terms(path: Path, page_ids: set[str], where: str = "data/search-terms.yaml"
               ) -> dict[str, list[str]]:
    """The search terms of data/search-terms.yaml: page id -> abbreviations, short names and
    synonyms a candidate types but the page's title and aliases do not spell out (issue #22).
    Raises ContentErrors, with the line, for an id that is not a page or a list that is not
    short strings."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    data = yamlio.load(text) or {}

    def line(qid: str) -> int | None:
        return next((n for n, t in enumerate(text.splitlines(), 1)
                     if t.startswith(f"{qid}:")), None)

    problems = [ContentError(where, f"{qid!r} is not a page id;"
                             f"{did_you_mean(qid, page_ids)} use the id of the page these "
                             "terms should find", line(qid))
                for qid in data if qid not in page_ids]
    problems += [ContentError(where, f"the terms of {qid!r} must be a list of strings",
                              line(qid))
                 for qid, terms in data.items()
                 if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms)]
    if problems:
        raise ContentErrors(problems)
    return {qid: list(terms) for qid, terms in data.items()}



def slim(index: dict, question_pages: dict[str, list[str]], listing_pages: set[str],
         terms: dict[str, list[str]] | None = None) -> dict:
    """`index` (Material's search_index.json) with text kept only where readers search.

    `question_pages` maps each question page's URL to its other phrasings (aliases), `terms`
    (optional) each question page's URL to its search terms (data/search-terms.yaml).

    - question pages: the page entry (title, level, tags, other phrasings) and the short
      answer keep their text; other sections keep their heading only. The aliases are also
      added to the page's title, in a span the results hide, because lunr weighs a title
      a thousand times the text: a question is found first by any of its phrasings, not
      only by the one chosen as its title (602 title and alias queries: 66% first without,
      92% with); the page's search terms (abbreviations such as GRU, BN or KV cache, and
      synonyms) join them there, so that a candidate typing "ln vs bn" finds the page;
    - listing pages (generated per topic, level, tag and seed list; the API reference): only
      titles and headings; the questions they list are indexed on their own pages, and a
      seed list quoting every phrasing would otherwise outrank the pages that answer them;
    - every other page is kept whole.
    """
    terms = terms or {}
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page in listing_pages or (page in question_pages and anchor
                                     and anchor not in INDEXED_SECTIONS):
            doc["text"] = ""
        elif page in question_pages and not anchor:
            hidden = [*question_pages[page], *terms.get(page, [])]
            if hidden:
                aliases = " · ".join(html.escape(a) for a in hidden)
                doc["title"] += f' <span class="dlqa-search-alias">{aliases}</span>'
    return index


def rewrite(site_dir: Path, question_pages: dict[str, list[str]], listing_pages: set[str],
            full_copy: Path | None = None, terms: dict[str, list[str]] | None = None) -> int:
    """Slim the built site's search index in place (and the offline plugin's script copy of
    it, written in the same `var __index = ...` form); return the new size in bytes.

    With `full_copy`, the index as Material wrote it is kept there, so the search quality of
    the two can be compared (dlqa.searchquality).
    """
    path = site_dir / "search" / "search_index.json"
    text = path.read_text(encoding="utf-8")
    if full_copy is not None:
        full_copy.parent.mkdir(parents=True, exist_ok=True)
        full_copy.write_text(text, encoding="utf-8")
    index = slim(json.loads(text), question_pages, listing_pages, terms)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    script = path.with_suffix(".js")
    if script.is_file():
        script.write_text(f"var __index = {data}", encoding="utf-8")
    return len(data.encode("utf-8"))
