"""The site's search: dlqa's index in place of Material's, and dlqa's worker beside Material's.

Material's search plugin writes search/search_index.json (and the offline plugin its script
copy, search_index.js, for file://), empty: the build tells it to skip every page.
`write` replaces both with the index of `entries.site_index`.
overrides/main.html points the search UI at `dlqa-search.<hash>.min.js` instead of
Material's `search.<hash>.min.js`; `write` puts worker.js there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from dlqa.search import entries, glossary
from dlqa.search.node import WORKER

INDEX = Path("search") / "search_index.json"
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
    script = path.with_suffix(".js")
    if script.is_file():
        script.write_text(f"var __index = {data}", encoding="utf-8")
    for theirs in (site / WORKERS).glob("search.*.min.js"):
        shutil.copyfile(WORKER, theirs.with_name("dlqa-" + theirs.name))
