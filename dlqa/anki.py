"""The Anki deck: one note per question (front the question, back its short answer and a
link to the page), written as an .apkg file that Anki imports.

Anki recognises a note it already has by the note's GUID and note type, and a deck by its
id, so a newer deck imported over an older one updates the cards (keeping their review
history) instead of adding copies. Those ids are therefore fixed here and never derived from
anything that can change, such as the text of a question.

genanki is imported only by the functions that make a deck: a warm build copies the deck
from the cache and never needs it.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import shutil
import time
import zipfile
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from dlqa import links
from dlqa.catalogue import Catalogue
from dlqa.model import Question
from dlqa.shortanswer import Rendered

if TYPE_CHECKING:
    import genanki

# Chosen at random once. Never change them: a new id would make Anki treat the deck and its
# note type as new ones, so every user's re-import would duplicate all the cards.
DECK_ID = 2084829945
MODEL_ID = 2087016406
DECK_NAME = "dlqa: deep-learning interview questions"
# Salt for the note GUIDs, which otherwise depend on the question id only.
GUID_NAMESPACE = "dlqa"
# The note type's fields, in order. Adding or reordering fields changes the note type's
# schema, which Anki asks the user to confirm on import: append, do not reorder.
FIELDS = ("Question", "Aliases", "Answer", "URL")

FRONT = """<div class="dlqa-question">{{Question}}</div>
{{#Aliases}}<div class="dlqa-aliases">Also asked as:<ul>{{Aliases}}</ul></div>{{/Aliases}}"""
BACK = """{{FrontSide}}
<hr id="answer">
<div class="dlqa-answer">{{Answer}}</div>
<p class="dlqa-link"><a href="{{URL}}">The full answer: explanation, code, common mistakes</a></p>"""
CSS = """.card { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 18px;
  line-height: 1.5; text-align: left; max-width: 42em; margin: 0 auto; padding: 0 .5em; }
.dlqa-question { font-size: 1.15em; font-weight: 600; }
.dlqa-aliases { font-size: .8em; opacity: .7; margin-top: .6em; }
.dlqa-aliases ul { margin: .2em 0 0; padding-left: 1.2em; }
.dlqa-answer p { margin: .5em 0; }
.dlqa-link { font-size: .85em; margin-top: 1.2em; }
"""


def note_guid(question_id: str) -> str:
    """The note's GUID: a function of the question id only, so edits keep the same note."""
    import genanki
    return genanki.guid_for(GUID_NAMESPACE, question_id)


def _tag(text: str) -> str:
    return "_".join(text.split())  # Anki separates tags by spaces


def model() -> genanki.Model:
    """The note type: question, its other phrasings, the short answer, the page URL."""
    import genanki
    return genanki.Model(
        MODEL_ID, "dlqa question", fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question to answer", "qfmt": FRONT, "afmt": BACK}],
        css=CSS, sort_field_index=FIELDS.index("Question"),
    )


def note(question: Question, rendered: Rendered, note_model: genanki.Model,
         base_url: str, directory_urls: bool) -> genanki.Note:
    """The question's note: its rendered text (`dlqa.shortanswer`), links under `base_url`;
    the math stays TeX in arithmatex's \\( \\) and \\[ \\], which Anki's MathJax renders."""
    import genanki
    aliases = "".join(f"<li>{a}</li>" for a in rendered.aliases)
    return genanki.Note(
        model=note_model, guid=note_guid(question.id),
        fields=[rendered.title, aliases, links.absolute(rendered.short_answer, base_url),
                html.escape(base_url + question.site_url(directory_urls))],
        sort_field=question.title,
        tags=[_tag(question.topic), _tag(question.level)],
    )


def build_deck(catalogue: Catalogue, rendered: dict[str, Rendered],
               base_url: str) -> genanki.Deck:
    """The deck of every question in the catalogue, with its `rendered` text (id ->
    `dlqa.shortanswer.Rendered`); page links start with `base_url`."""
    import genanki
    if not base_url:
        raise ValueError("site_url is not set in mkdocs.yml; the cards link to the pages "
                         "under it")
    base_url = base_url.rstrip("/") + "/"
    deck = genanki.Deck(DECK_ID, DECK_NAME, description=(
        f"{len(catalogue.questions)} deep-learning interview questions with their short "
        f'answers. Every card links to its full page on <a href="{html.escape(base_url)}">'
        f"{html.escape(base_url)}</a>."))
    urls, note_model = catalogue.repo.directory_urls, model()
    for question in catalogue.questions:
        deck.add_note(note(question, rendered[question.id], note_model, base_url, urls))
    return deck


def write_package(deck: genanki.Deck, out: Path, timestamp: float | None = None) -> Path:
    """Write `deck` as an .apkg at `out` (replaced whole, never left half-written).

    `timestamp` (default: now) becomes the notes' modification time. Anki updates an
    existing note on import only if the incoming one is newer, so a deck must not be
    written with a fixed time.
    """
    import sqlite3  # with genanki: only a changed deck is written

    import genanki
    timestamp = time.time() if timestamp is None else timestamp
    # The collection is built in memory: genanki's own write_to_file leaves its temporary
    # SQLite file behind in the system's temp folder.
    conn = sqlite3.connect(":memory:")
    try:
        genanki.Package(deck).write_to_db(conn.cursor(), timestamp,
                                          itertools.count(int(timestamp * 1000)))
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("collection.anki2", collection)
        package.writestr("media", "{}")
    os.replace(partial, out)
    return out


def export(catalogue: Catalogue, rendered: dict[str, Rendered], base_url: str, out: Path,
           cache_dir: Path | None = None) -> int:
    """Build the deck and write it to `out`; return the number of notes.

    With `cache_dir`, a deck already written for exactly these cards (and this code) is
    copied instead of rebuilt, so a warm build does not write every note again.
    """
    count = len(catalogue.questions)
    cached = (cache_dir / f"anki-{deck_key(catalogue, rendered, base_url)}.apkg"
              if cache_dir else None)
    if cached is not None and cached.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out)
        return count
    deck = build_deck(catalogue, rendered, base_url)
    write_package(deck, out)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob("anki-*.apkg"):
            old.unlink()
        shutil.copyfile(out, cached)
    return len(deck.notes)


def deck_key(catalogue: Catalogue, rendered: dict[str, Rendered], base_url: str) -> str:
    """A hash of everything a card shows, and of the code that makes the deck."""
    cards = [(q.id, q.title, list(rendered[q.id].aliases), rendered[q.id].title,
              rendered[q.id].short_answer, q.topic, q.level) for q in catalogue.questions]
    digest = hashlib.sha256(json.dumps(
        [base_url, catalogue.repo.directory_urls, cards]).encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(metadata.version("genanki").encode())
    return digest.hexdigest()[:16]
