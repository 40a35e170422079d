"""Files the build keeps in `.cache/` between builds.

Each is written whole, under a temporary name of its own process and thread and then renamed,
so a reader never sees half a file and builds that run side by side (the tests, `make serve`
beside `make build`) never write into the same temporary file. What a cache holds depends on
code and library versions as well as on content: `key` makes the name of a file from them.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path


def key(*parts: str | bytes) -> str:
    """A short digest of `parts` (texts, file contents, versions), to name a cache file."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, path)


def write_json(path: Path, value) -> None:
    write_bytes(path, json.dumps(value, ensure_ascii=False).encode())


def read_json(path: Path, default=None):
    """The JSON value in `path`; `default` if there is none or it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


class KeptValues:
    """Values a build looks up by key, kept between builds in one JSON file. The file holds
    the values the last build used and no more, so it does not grow with every change; when
    it is written, the other JSON files of its folder (those of older code) are removed."""

    def __init__(self, file: Path):
        self.file = file
        known = read_json(file, {})
        self._known: dict = known if isinstance(known, dict) else {}
        self._used: dict = {}

    def get(self, key: str):
        """The value kept for `key`, or None."""
        value = self._used.get(key, self._known.get(key))
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: str, value) -> None:
        self._used[key] = value

    def save(self) -> None:
        """Write the values this build used, unless the file holds just those already."""
        if self._used != self._known:
            write_json(self.file, self._used)
            self._known = dict(self._used)
            for other in self.file.parent.glob("*.json"):
                if other != self.file:
                    other.unlink(missing_ok=True)
