"""Run snippets in the sandbox, in parallel, caching each result by content hash.

A snippet's result depends only on its bytes and the interpreter and NumPy it ran with,
so an unchanged snippet is never run twice: the build and the tests share the cache in
.cache/snippets/.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from dlqa import cachefile, figures, isolation
from dlqa.errors import ContentError
from dlqa.repo import Repo

TIMEOUT_SECONDS = float(os.environ.get("DLQA_SNIPPET_TIMEOUT", "30"))
SANDBOX = Path(__file__).with_name("sandbox.py")
_TRACEBACK_LINES = 6


@dataclass
class SnippetResult:
    """The outcome of running one snippet (or of reading it from the cache)."""

    path: str  # repository-relative
    ok: bool
    output: str
    error: str
    seconds: float
    cached: bool = False
    figures: dict[str, str] = field(default_factory=dict)  # NAME.svg -> the SVG it saved


@lru_cache(maxsize=1)
def _environment_key() -> str:
    """What besides its own bytes decides a snippet's result: Python, NumPy, matplotlib,
    the sandbox."""
    versions = []
    for package in ("numpy", "matplotlib"):
        try:
            versions.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package} none")
    sandbox = hashlib.sha256(SANDBOX.read_bytes() + Path(isolation.__file__).read_bytes()
                             + figures.MATPLOTLIBRC.encode()).hexdigest()
    if isolation.opted_out():
        sandbox += " unsandboxed"
    return f"{sys.version}|{', '.join(versions)}|sandbox {sandbox}"


def cache_key(source: bytes) -> str:
    return hashlib.sha256(_environment_key().encode() + b"\0" + source).hexdigest()


def _cache_file(source: bytes, repo: Repo) -> Path:
    return repo.cache_dir / "snippets" / f"{cache_key(source)}.json"


def cached_result(path: Path, repo: Repo) -> SnippetResult | None:
    """The stored result of this exact content if it passed before, else None."""
    cached = _cache_file(path.read_bytes(), repo)
    if not cached.is_file():
        return None
    data = json.loads(cached.read_text(encoding="utf-8"))
    return SnippetResult(**{**data, "path": repo.rel(path), "cached": True})


def run_snippet(path: Path, repo: Repo, timeout: float = TIMEOUT_SECONDS) -> SnippetResult:
    """Run one snippet, or return its cached result if this exact content passed before."""
    return cached_result(path, repo) or _run_and_cache(path, repo, timeout)


def _run_and_cache(path: Path, repo: Repo, timeout: float = TIMEOUT_SECONDS) -> SnippetResult:
    """Run one snippet in the sandbox; store its result if it passed."""
    rel = repo.rel(path)
    cached = _cache_file(path.read_bytes(), repo)
    result = _execute(path, rel, timeout)
    if result.ok:  # two snippets with the same content may run at once: cachefile copes
        cachefile.write_json(cached, asdict(result))
    return result


def _execute(path: Path, rel: str, timeout: float) -> SnippetResult:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dlqa-snippet-") as workdir:
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0",
               "PYTHONDONTWRITEBYTECODE": "1", "OMP_NUM_THREADS": "1",
               "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "LC_ALL": "C.UTF-8",
               **_matplotlib_env(Path(workdir))}
        argv = isolation.command(
            [sys.executable, "-B", str(SANDBOX), *isolation.limits_args(), str(path.resolve())],
            Path(workdir), readable=[SANDBOX, path])
        proc = subprocess.Popen(
            argv, cwd=workdir, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            text=True, start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return SnippetResult(rel, False, "", f"did not finish within {timeout:g} s "
                                 "(killed); make it faster or find the endless loop",
                                 time.perf_counter() - start)
        drawn = {f.name: f.read_text(encoding="utf-8", errors="replace")
                 for f in sorted(Path(workdir).glob("*.svg")) if f.is_file()}
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = " | ".join(line.strip() for line in err.strip().splitlines()[-_TRACEBACK_LINES:])
        return SnippetResult(rel, False, out, f"exited with status {proc.returncode}: {tail}",
                             seconds)
    return SnippetResult(rel, True, out, "", seconds, figures=drawn)


def _matplotlib_env(workdir: Path) -> dict[str, str]:
    """matplotlib's settings (dlqa.figures.MATPLOTLIBRC) and a config folder in the snippet's
    directory, with the font list copied in so that it is not rebuilt on every run."""
    config = workdir / ".matplotlib"
    config.mkdir()
    (config / "matplotlibrc").write_text(figures.MATPLOTLIBRC, encoding="utf-8")
    for cached in _font_lists():
        shutil.copy2(cached, config / cached.name)
    return {"MPLCONFIGDIR": str(config), "MATPLOTLIBRC": str(config / "matplotlibrc"),
            "MPLBACKEND": "Agg"}


@lru_cache(maxsize=1)
def _font_lists() -> tuple[Path, ...]:
    """matplotlib's font list, built once per machine (outside the sandbox, where it can be
    written) in a private folder; empty when matplotlib is not installed."""
    folder = Path(tempfile.gettempdir()) / f"dlqa-matplotlib-{os.getuid()}"
    found = tuple(folder.glob("fontlist-*.json"))
    if not found:
        folder.mkdir(exist_ok=True)
        subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"],
                       env={"MPLCONFIGDIR": str(folder), "PATH": os.environ.get("PATH", "")},
                       capture_output=True, timeout=120, check=False)
        found = tuple(folder.glob("fontlist-*.json"))
    return found


def run_snippets(paths: list[Path], repo: Repo, jobs: int | None = None,
                 progress: Callable[[str], None] | None = None) -> list[SnippetResult]:
    """Run many snippets in parallel (cached ones cost a file read). `progress` is told
    `n/N` as the snippets that really run finish, so a first build is not silent."""
    jobs = jobs or os.cpu_count() or 1
    # Cached results are read here: a file read each, which the pool's threads only slowed
    # (1,000 cached snippets: 0.1-0.26 s here, 0.35-0.42 s through the pool).
    found = {path: cached_result(path, repo) for path in paths}
    todo = [path for path, result in found.items() if result is None]
    done = len(found) - len(todo)
    lock = threading.Lock()

    def one(path: Path) -> SnippetResult:
        nonlocal done
        result = _run_and_cache(path, repo)
        with lock:
            done += 1
            if progress:
                progress(f"snippets: {done}/{len(found)} ({result.path}, "
                         f"{result.seconds:.1f} s{'' if result.ok else ', FAILED'})")
        return result

    if todo:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            found.update(zip(todo, pool.map(one, todo)))
    return [found[path] for path in paths]


def run_page_snippets(catalogue, progress=None) -> tuple[list[SnippetResult], list[ContentError]]:
    """Run every snippet the pages include; the results, and one error per failed snippet,
    naming the page and the line that includes it."""
    owners = {s: q for q in catalogue.questions for s in q.snippets}
    try:
        isolation.check_available()
    except isolation.SandboxUnavailable as exc:
        return [], [ContentError("snippets/", f"cannot run the snippets: {exc}")]
    results = run_snippets([catalogue.repo.root / s for s in owners], catalogue.repo,
                           progress=progress)
    errors = [ContentError(owners[r.path].file, f"snippet {r.path} failed: {r.error}",
                           owners[r.path].include_line(r.path))
              for r in results if not r.ok]
    return results, errors + figures.figure_errors(catalogue, results)


def output_path(snippet: str, repo: Repo) -> Path:
    """Where the build writes a snippet's output: snippets/a/b.py -> outputs/a/b.txt."""
    rel = Path(snippet).relative_to("snippets").with_suffix(".txt")
    return repo.outputs_dir / rel


def write_output(result: SnippetResult, repo: Repo) -> None:
    """Write a passing snippet's stdout where the page's include expects it, and its figures
    beside it (outputs/a/b/NAME.svg), for a contributor to look at."""
    target = output_path(result.path, repo)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = result.output.rstrip("\n") + "\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    for name, svg in result.figures.items():
        figure = target.with_suffix("") / name
        figure.parent.mkdir(parents=True, exist_ok=True)
        figure.write_text(svg, encoding="utf-8")
