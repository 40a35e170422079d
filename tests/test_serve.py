"""`make serve` (dlqa serve, dlqa/devserver.py) on a scratch repository: an edit shows on the
served page, a duplicate alias is reported on the page and in the terminal, and its revert
brings the page back."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ENV, ROOT, Scratch, free_port, wait_for


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode()
    except urllib.error.HTTPError as exc:  # the error page is served with status 500
        return exc.read().decode()


@pytest.fixture
def served(scratch: Scratch, tmp_path: Path):
    """`dlqa serve` on the scratch repository, as `make serve` starts it; yields the page
    URL base and the log file. Every process it started is gone afterwards."""
    scratch.page("broadcasting", "What is broadcasting in NumPy?",
                 "How do arrays of different shapes combine?", "")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "dlqa.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=scratch.root, env={**ENV, "PYTHONPATH": str(ROOT)}, stdout=out,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(lambda: "Serving on" in log.read_text() or proc.poll() is not None,
                 "the first build", timeout=600)
        assert proc.poll() is None, log.read_text()[-3000:]
        yield f"http://127.0.0.1:{port}/dlqa/", log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # stops as Ctrl-C does
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        # Nothing it started (KaTeX, snippets) is left behind.
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)


def test_serve_shows_edits_and_duplicates(served, scratch: Scratch):
    base, log = served
    page = base + "fundamentals/tensor.html"
    assert "What is a tensor?" in _get(page)

    # A body edit shows on the served page.
    scratch.edit("docs/fundamentals/tensor.md", "A tensor is an n-dimensional array",
                 "A tensor (edited under serve) is an n-dimensional array")
    wait_for(lambda: "edited under serve" in _get(page), "the edit on the served page", log=log)
    assert "dlqa-build-error" not in _get(page)

    # An alias that duplicates another page's title: the page shows the error, naming the
    # files, and so does the terminal.
    scratch.edit("docs/fundamentals/tensor.md", "  - Explain tensors.",
                 "  - What is broadcasting in NumPy?")
    wait_for(lambda: "dlqa-build-error" in _get(page), "the error page")
    shown = _get(page)
    assert "near-duplicate" in shown
    assert re.search(r"docs/fundamentals/(tensor|broadcasting)\.md:\d+", shown), shown
    assert "dlqa-build-error" in _get(base + "fundamentals/broadcasting.html")
    wait_for(lambda: re.search(r"ERROR.*docs/fundamentals/(tensor|broadcasting)\.md:\d+: "
                               "near-duplicate", log.read_text()), "the error in the terminal")

    # The revert fixes it: the page is back, with the earlier edit.
    scratch.edit("docs/fundamentals/tensor.md", "  - What is broadcasting in NumPy?",
                 "  - Explain tensors.")
    wait_for(lambda: "dlqa-build-error" not in _get(page), "the fixed page")
    fixed = _get(page)
    assert "edited under serve" in fixed
    aliases = re.search(r"Also asked as:.*?</p>", fixed, re.DOTALL).group(0)
    assert "Explain tensors." in aliases and "broadcasting" not in aliases
