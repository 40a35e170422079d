"""The site's search: dlqa's index in place of Material's, and dlqa's worker beside Material's.

Material's search plugin writes search/search_index.json (and the offline plugin its script
copy, search_index.js, for file://), empty: the build tells it to skip every page.
`write` puts the index of `entries.site_index` in search/dlqa_index.json and inline in
search_index.js, and leaves search_index.json, which Material's page script fetches over
HTTP, with the index's settings only: dlqa's worker fetches the index itself.
overrides/main.html points the search UI at `dlqa-search.<hash>.min.js` instead of
Material's `search.<hash>.min.js`; `write` puts worker.js there.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from pathlib import Path

from dlqa.search import entries, glossary
from dlqa.search.node import WORKER

INDEX = Path("search") / "dlqa_index.json"  # the whole index
MATERIAL_INDEX = Path("search") / "search_index.json"  # what Material's page script fetches
WORKERS = Path("assets") / "javascripts" / "workers"


def write(site: Path, catalogue, directory_urls: bool, separator: str,
          titles: dict[str, str]) -> None:
    """Write the search index and worker into the built `site`.
    `titles` maps the URL of each page that is not a question to its title."""
    path = site / INDEX
    questions = entries.question_entries(catalogue, directory_urls)
    others = entries.other_entries(titles, {e.location for e in questions})
    index = entries.site_index(questions + others, glossary.expansions(catalogue.glossary),
                               separator)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    # Over HTTP the worker fetches the index itself (worker.js, fetchIndex); the URL is
    # relative to the worker's script.
    config = {key: value for key, value in index["config"].items() if key != "dlqa"}
    stub = {"config": {**config, "dlqa_index": posixpath.relpath(
        INDEX.as_posix(), WORKERS.as_posix())}, "docs": []}
    (site / MATERIAL_INDEX).write_text(json.dumps(stub), encoding="utf-8")
    script = (site / MATERIAL_INDEX).with_suffix(".js")  # file://: the whole index, inline
    if script.is_file():
        script.write_text(f"var __index = {data}", encoding="utf-8")
    for theirs in (site / WORKERS).glob("search.*.min.js"):
        shutil.copyfile(WORKER, theirs.with_name("dlqa-" + theirs.name))
