"""Where things live in a dlqa checkout, and the small data files read from it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from dlqa import yamlio


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str


@dataclass
class Repo:
    """A dlqa checkout: pages, snippets, data and the generated outputs and caches."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Repo:
        """The checkout that contains `start` (default: the working directory)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
                return cls(folder)
        raise FileNotFoundError(f"no dlqa checkout (mkdocs.yml and data/) above {here}")

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def snippets_dir(self) -> Path:
        return self.root / "snippets"

    @property
    def outputs_dir(self) -> Path:
        return self.root / "outputs"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".cache"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def copy_skeleton(self, target: Path) -> Repo:
        """A new checkout at `target` with everything but the questions and snippets: the
        config, data, hooks, theme overrides, guide and the non-question pages (home page,
        styles, scripts, study and contributing pages). Tests and benchmarks add pages to it.
        """
        target.mkdir(parents=True, exist_ok=True)
        for name in ("mkdocs.yml", "data", "hooks", "overrides", "CONTRIBUTING.md"):
            src = self.root / name
            if src.is_dir():
                shutil.copytree(src, target / name)
            elif src.is_file():
                shutil.copy2(src, target / name)
        (target / "node_modules").symlink_to((self.root / "node_modules").resolve())
        topics = set(self.topics)
        shutil.copytree(self.docs_dir, target / "docs",
                        ignore=lambda d, names: topics if Path(d) == self.docs_dir else ())
        return Repo(target)

    def rel(self, path: Path) -> str:
        """A path as written in messages: relative to the checkout where possible."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    @cached_property
    def mkdocs_config(self) -> dict:
        """mkdocs.yml as plain data (MkDocs-only tags such as !ENV read as None)."""
        class _Loader(yaml.SafeLoader):
            pass

        _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
        text = (self.root / "mkdocs.yml").read_text(encoding="utf-8")
        return yaml.load(text, _Loader) or {}

    @property
    def directory_urls(self) -> bool:
        """Whether pages are `topic/id/` (MkDocs' default) or `topic/id.html`; Material's
        offline plugin turns directory URLs off, so the site works from file://."""
        config = self.mkdocs_config
        plugins = [next(iter(p)) if isinstance(p, dict) else p
                   for p in config.get("plugins") or []]
        return bool(config.get("use_directory_urls", True)) and "offline" not in plugins

    @cached_property
    def tags(self) -> dict[str, str]:
        """The allowed tag vocabulary: tag -> meaning."""
        return yamlio.load((self.data_dir / "tags.yaml").read_text(encoding="utf-8"))

    @cached_property
    def topics(self) -> dict[str, Topic]:
        """Question topics in navigation order: folder name -> Topic."""
        raw = yamlio.load((self.data_dir / "topics.yaml").read_text(encoding="utf-8"))
        return {t["id"]: Topic(t["id"], t["title"], t["description"]) for t in raw}

    @cached_property
    def seeds(self):
        """The seed-question registry read from data/sources/."""
        from dlqa.seeds import load_registry

        return load_registry(self.data_dir / "sources")
