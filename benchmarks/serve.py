"""Edit to reload under `make serve` (dlqa serve, issue #23): start the server on a checkout,
edit one question page's body a few times, and time each edit from the file write to the end
of the rebuild (the server's `rebuilt` log line) and to a Chromium page showing the change
(reloaded by livereload)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.lighthouse import free_port


@dataclass
class ServeTiming:
    pages: int
    page: str
    start_seconds: float  # the first, full build until the server listens
    rebuild: list[float] = field(default_factory=list)  # write -> end of rebuild
    browser: list[float] = field(default_factory=list)  # write -> reloaded page shows it

    @property
    def rebuild_median(self) -> float:
        return statistics.median(self.rebuild)

    @property
    def browser_median(self) -> float | None:
        return statistics.median(self.browser) if self.browser else None


def real_copy(root: Path, target: Path) -> Path:
    """A copy of the real checkout to edit (tracked files and outputs; the caches shared)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for rel in filter(None, files):
        if rel.startswith(("dlqa/", "tests/", "benchmarks/")):
            continue  # the server runs this checkout's code
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, dest)
    shutil.copytree(root / "outputs", target / "outputs", dirs_exist_ok=True)
    (target / "node_modules").symlink_to((root / "node_modules").resolve())
    (target / ".cache").symlink_to((root / ".cache").resolve())
    return target


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.01)


def measure(root: Path, page: str, pages: int, code_root: Path, edits: int = 5,
            browser: bool = True, log=print) -> ServeTiming:
    """Start `dlqa serve` in `root`, then edit docs/`page` `edits` times (its body only)."""
    port = free_port()
    out = Path(tempfile.mkstemp(prefix="dlqa-serve-", suffix=".log")[1])
    env = {**os.environ, "PYTHONPATH": str(code_root), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    with out.open("w") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "dlqa.cli", "serve", "--dev-addr",
                                 f"127.0.0.1:{port}"], cwd=root, env=env, stdout=handle,
                                stderr=subprocess.STDOUT, start_new_session=True)
    source = root / "docs" / page
    original = source.read_text(encoding="utf-8")
    try:
        _wait(lambda: "Serving on" in out.read_text() or proc.poll() is not None, 3600,
              "the first build")
        if proc.poll() is not None:
            raise RuntimeError(out.read_text()[-3000:])
        timing = ServeTiming(pages, page, time.perf_counter() - started)
        log(f"    dlqa serve listening after {timing.start_seconds:.1f} s")
        url = f"http://127.0.0.1:{port}/dlqa/" + page.removesuffix(".md") + ".html"
        with contextlib.ExitStack() as stack:
            tab = _browser_tab(stack, url) if browser else None
            for i in range(edits):
                marker = f"bench-edit-{i}-{time.time_ns()}"
                done = out.read_text().count("dlqa serve: rebuilt")
                text = original.replace("## Explanation\n", f"## Explanation\n\n{marker}\n", 1)
                time.sleep(0.5)  # the server is idle again
                start = time.perf_counter()
                source.write_text(text, encoding="utf-8")
                _wait(lambda done=done: out.read_text().count("dlqa serve: rebuilt") > done, 300,
                      "the rebuild")
                timing.rebuild.append(time.perf_counter() - start)
                if tab is not None:
                    tab.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})",
                                          timeout=300_000, polling=10)
                    timing.browser.append(time.perf_counter() - start)
                log(f"    edit {i + 1}: rebuilt after {timing.rebuild[-1]:.2f} s"
                    + (f", browser {timing.browser[-1]:.2f} s" if tab is not None else ""))
        return timing
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.unlink()


def _browser_tab(stack: contextlib.ExitStack, url: str):
    from playwright.sync_api import sync_playwright

    from dlqa.browser import launch

    playwright = stack.enter_context(sync_playwright())
    browser = launch(playwright)
    stack.callback(browser.close)
    tab = browser.new_page()
    tab.goto(url)
    tab.wait_for_load_state("load")
    return tab
