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

from pathlib import Path

from dlqa import cachefile

_CODE = ("model.py", "pageformat.py", "yamlio.py")  # in this package


class FrontMatterCache(cachefile.KeptValues):
    """Validated front-matter fields, by the front matter's text, kept between loads in
    `cache_dir`."""

    def __init__(self, cache_dir: Path):
        import pydantic
        import yaml

        here = Path(__file__).parent
        name = cachefile.key(*(here.joinpath(name).read_bytes() for name in _CODE),
                             pydantic.VERSION, yaml.__version__)
        super().__init__(cache_dir / "front-matter" / f"{name}.json")

    def get(self, front_text: str) -> dict | None:
        """The fields the front matter `front_text` validated to, written as in a page."""
        return super().get(cachefile.key(front_text))

    def put(self, front_text: str, fields: dict) -> None:
        """Keep the fields of front matter that had no problem."""
        super().put(cachefile.key(front_text), fields)
