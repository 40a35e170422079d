"""Where things live in a dlqa checkout, and the small data files read from it."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from dlqa import yamlio


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str
    questions: tuple[str, ...] = ()  # the reading order: question ids, first to last


@dataclass
class Repo:
    """A dlqa checkout: pages, snippets, data and the generated outputs and caches."""

    root: Path
    # MkDocs' resolved config of the checkout: the build passes the one it runs with;
    # otherwise `config` loads mkdocs.yml the first time it is asked for.
    mkdocs: Any = field(default=None, repr=False, compare=False, kw_only=True)

    @classmethod
    def find(cls, start: Path | None = None) -> Repo:
        """The checkout that contains `start` (default: the working directory)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "data").is_dir():
                return cls(folder)
        raise FileNotFoundError(f"no dlqa checkout (mkdocs.yml and data/) above {here}")

    @property
    def config(self):
        """mkdocs.yml as MkDocs resolves it (defaults filled in, `!ENV` read, plugins loaded):
        the one reader of mkdocs.yml, so the site settings below are MkDocs' own."""
        if self.mkdocs is None:
            from mkdocs.config import load_config

            self.mkdocs = load_config(str(self.root / "mkdocs.yml"))
        return self.mkdocs

    @property
    def docs_dir(self) -> Path:
        """The pages' folder (`docs_dir` in mkdocs.yml)."""
        return Path(self.config.docs_dir)

    def page_file(self, page: str) -> str:
        """A docs-relative page path (`topic/id.md`) as messages and git name it: relative to
        the checkout (`docs/topic/id.md`)."""
        return f"{self._docs_folder}/{page}"

    @cached_property
    def _docs_folder(self) -> str:
        # Resolved once: the build asks for every page's file, and resolving is a syscall each.
        return self.rel(self.docs_dir)

    @property
    def site_url(self) -> str:
        """The published site's base URL (`site_url` in mkdocs.yml), or "" when unset."""
        return self.config.site_url or ""

    @property
    def directory_urls(self) -> bool:
        """Whether pages are `topic/id/` or `topic/id.html`: MkDocs' `use_directory_urls`,
        which Material's offline plugin turns off (in its on_config, so the site works from
        file://). True of the config a build runs with and of mkdocs.yml read alone."""
        offline = self.config.plugins.get("material/offline")
        return bool(self.config.use_directory_urls) and not (
            offline is not None and offline.config.enabled)

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
        (target / "snippets").mkdir(exist_ok=True)  # none yet, but mkdocs.yml watches it
        # The copy has none of the questions: no search terms or glossary (they name pages),
        # and topics that list none in reading order.
        for name, empty in (("search-terms.yaml", "{}"), ("glossary.yaml", "[]")):
            data = target / "data" / name
            if data.is_file():
                data.write_text(f"# No pages, no entries.\n{empty}\n", encoding="utf-8")
        topics = target / "data" / "topics.yaml"
        topics.write_text("".join(
            line for line in topics.read_text(encoding="utf-8").splitlines(keepends=True)
            if not line.startswith(("  questions:", "    - "))), encoding="utf-8")
        topics = set(self.topics)
        shutil.copytree(self.docs_dir, target / self.docs_dir.relative_to(self.root),
                        ignore=lambda d, names: topics if Path(d) == self.docs_dir else ())
        return Repo(target)

    def rel(self, path: Path) -> str:
        """A path as written in messages: relative to the checkout where possible."""
        # Every page and snippet is named through here; resolving costs a syscall per
        # path component, so a plain absolute path under the root is taken as it is.
        if path.is_absolute() and ".." not in path.parts:
            with contextlib.suppress(ValueError):
                return path.relative_to(self.root).as_posix()
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def add_to_reading_order(self, topic: str, qid: str) -> None:
        """Append `qid` to the end of `topic`'s reading order in data/topics.yaml, editing
        the text so that its comments and layout stay as they are."""
        path = self.data_dir / "topics.yaml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {topic}")
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("- ")),
                   len(lines))
        block = lines[start:end]
        entry = f"    - {qid}\n"
        if any(line.startswith("  questions:") for line in block):
            last = max(i for i, line in enumerate(block) if line.startswith("    - "))
            block.insert(last + 1, entry)
        else:
            while block and not block[-1].strip():
                block.pop()
            block[-1] = block[-1].rstrip("\n") + "\n"
            block += ["  questions:\n", entry]
        path.write_text("".join(lines[:start] + block + lines[end:]), encoding="utf-8")
        self.__dict__.pop("topics", None)

    @cached_property
    def tags(self) -> dict[str, str]:
        """The allowed tag vocabulary: tag -> meaning."""
        return yamlio.load((self.data_dir / "tags.yaml").read_text(encoding="utf-8"))

    @cached_property
    def topics(self) -> dict[str, Topic]:
        """Question topics in navigation order: folder name -> Topic."""
        raw = yamlio.load((self.data_dir / "topics.yaml").read_text(encoding="utf-8"))
        return {t["id"]: Topic(t["id"], t["title"], t["description"],
                               tuple(t.get("questions") or ())) for t in raw}

    @cached_property
    def seeds(self):
        """The seed-question registry read from data/sources/."""
        from dlqa.seeds import load_registry

        return load_registry(self.data_dir / "sources")
