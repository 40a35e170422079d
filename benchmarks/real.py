"""Timings of the real encyclopedia: `make test`, every snippet run uncached, the PDF export."""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import measure
from dlqa.catalogue import load_catalogue
from dlqa.repo import Repo
from dlqa.snippets import run_snippets

BIN = Path(sys.executable).parent


def make(root: Path, target: str, env: dict) -> measure.Run:
    """`make TARGET` in `root` with this Python's tools, never re-running the install step.

    `make bench` has just run `make install`; skipping it here (make -o) also keeps a
    checkout that borrows another one's environment from reinstalling into it.
    """
    return measure.run(
        ["make", "-o", ".venv/.installed", "-o", "node_modules/.package-lock.json",
         f"BIN={BIN}", target], cwd=root, env=env)


@dataclasses.dataclass
class _TempCacheRepo(Repo):
    """The checkout with its snippet cache in another folder, so every snippet runs."""

    cache: Path = Path()

    @property
    def cache_dir(self) -> Path:
        return self.cache


@dataclasses.dataclass
class SnippetTiming:
    count: int
    wall_seconds: float  # all snippets, run in parallel as the build runs them
    sum_seconds: float  # the snippets' own run times added up
    slowest: list[tuple[str, float]]


def snippet_timing(root: Path) -> SnippetTiming:
    """Run every snippet the pages include, with an empty cache, as the build does."""
    catalogue = load_catalogue(Repo(root))
    paths = sorted({root / s for q in catalogue.questions for s in q.snippets})
    with tempfile.TemporaryDirectory(prefix="dlqa-bench-cache-") as cache:
        repo = _TempCacheRepo(root, Path(cache))
        start = time.perf_counter()
        results = run_snippets(paths, repo)
        wall = time.perf_counter() - start
    failed = [r.path for r in results if not r.ok]
    if failed:
        raise RuntimeError(f"snippets failed: {failed}")
    slowest = sorted(((r.path, r.seconds) for r in results), key=lambda x: -x[1])[:3]
    return SnippetTiming(len(results), wall, sum(r.seconds for r in results), slowest)


def pdf_timing(root: Path, site: Path, env: dict) -> measure.Run:
    """`dlqa pdf` of the built site into a temporary file."""
    with tempfile.TemporaryDirectory(prefix="dlqa-bench-pdf-") as out:
        return measure.run([str(BIN / "dlqa"), "pdf", "--site", str(site), "--out",
                            str(Path(out) / "dlqa.pdf")], cwd=root, env=env)
