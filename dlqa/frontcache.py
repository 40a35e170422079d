"""Front matter that passed validation before, so loading the catalogue parses only what changed.

Reading a page's YAML front matter and validating it (`dlqa.model`) is most of the time it
takes to load a page. This cache maps a digest of the front matter's text to the fields it
validated to. Its file, `.cache/front-matter/<key>.json`, is named after everything else the
result depends on: the code of the model, the page format and the YAML loader, and the
versions of pydantic and PyYAML. Only front matter with no problem is kept, and only that of
the pages of the last load. The checks against the file name and the tag vocabulary are not
cached: they run on every load.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

_CODE = ("model.py", "pageformat.py", "yamlio.py")  # in this package


def _digest(*parts: str | bytes) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode() if isinstance(part, str) else part)
        sha.update(b"\0")
    return sha.hexdigest()


class FrontMatterCache:
    """Validated front-matter fields by page, kept between loads in `cache_dir`."""

    def __init__(self, cache_dir: Path):
        import pydantic
        import yaml

        here = Path(__file__).parent
        key = _digest(*(here.joinpath(name).read_bytes() for name in _CODE),
                      pydantic.VERSION, yaml.__version__)[:24]
        self.file = cache_dir / "front-matter" / f"{key}.json"
        try:
            self._known: dict[str, dict] = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._known = {}
        self._used: dict[str, dict] = {}

    def get(self, front_text: str) -> dict | None:
        """The fields the front matter `front_text` validated to, written as in a page."""
        key = _digest(front_text)
        fields = self._known.get(key)
        if fields is not None:
            self._used[key] = fields
        return fields

    def put(self, front_text: str, fields: dict) -> None:
        """Keep the fields of front matter that had no problem."""
        self._used[_digest(front_text)] = fields

    def save(self) -> None:
        """Write the fields of the pages this load used, if they differ from the file's."""
        if self._used == self._known:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(self._used, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.file)
        self._known = dict(self._used)
