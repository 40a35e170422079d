"""Shared fixtures: the real repository, its built site, and scratch repositories."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

from dlqa.browser import ENV_VAR, block_network, chromium_path, launch
from dlqa.repo import Repo

ROOT = Path(__file__).resolve().parent.parent
# How messages name a page of this checkout or a scratch copy of it (docs_dir in mkdocs.yml).
DOCS = Repo(ROOT).rel(Repo(ROOT).docs_dir)
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="session")
def repo() -> Repo:
    return Repo(ROOT)


def build(root: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the repository at `root` into `site`."""
    return subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=root, env={**ENV, **env}, capture_output=True, text=True, timeout=900, check=False,
    )


@pytest.fixture(scope="session")
def site(repo: Repo) -> Path:
    """The built site: `make test` builds it first; otherwise it is built once here."""
    site_dir = ROOT / "site"
    (ROOT / ".cache").mkdir(exist_ok=True)
    with FileLock(str(ROOT / ".cache" / "site.lock")):
        if not (site_dir / "questions.json").is_file():
            result = build(ROOT, ROOT / ".site-tmp")
            assert result.returncode == 0, result.stderr[-3000:]
            shutil.rmtree(site_dir, ignore_errors=True)
            (ROOT / ".site-tmp").rename(site_dir)
    return site_dir


def error_lines(stderr: str) -> list[str]:
    """The `error: ...` lines of `dlqa check`: one per problem."""
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def _require_browser():
    """Skip a browser test without Chromium (fail instead when CI requires the browser)."""
    if chromium_path() is None:
        reason = f"no Chromium (install chromium or set {ENV_VAR})"
        if os.environ.get("DLQA_REQUIRE_BROWSER"):
            pytest.fail(reason + "; DLQA_REQUIRE_BROWSER is set, so this is a failure")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch(playwright)
        yield instance
        instance.close()


@contextlib.contextmanager
def offline_page(browser):
    """A new page in the browser with the network blocked; yields (page, blocked URLs) and
    fails afterwards if any request tried to leave the site."""
    context = browser.new_context()
    page = context.new_page()
    blocked: list[str] = []
    block_network(page, blocked)
    yield page, blocked
    context.close()
    assert blocked == [], f"requests left the site: {blocked}"


@pytest.fixture
def offline(browser, site):
    """offline_page for one test."""
    with offline_page(browser) as found:
        yield found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, what: str, timeout: float = 120, log: Path | None = None) -> None:
    """Poll `condition` until it is true; fail after `timeout` seconds, with the end of the
    server's `log` (its request lines left out) when one is given."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            said = ""
            if log:
                lines = log.read_text().splitlines(keepends=True)
                said = "; the server said:\n" + "".join(
                    line for line in lines if '"GET ' not in line)[-3000:]
            pytest.fail(f"timed out waiting for {what}{said}")
        time.sleep(0.1)


def open_page(page, site, rel: str):
    page.goto((site / rel).resolve().as_uri())
    page.wait_for_load_state("load")


GOOD_PAGE = """---
id: {id}
title: {title}
aliases:
  - {alias}
level: beginner
tags: [basics]
sources: [{source}]
related: []
---

## Short answer

A tensor is an n-dimensional array of numbers with a shape, such as $(2, 3)$.

## Explanation

A rank-$k$ tensor has $k$ axes:

$$
T \\in \\mathbb{{R}}^{{n_1 \\times \\cdots \\times n_k}}
$$

## Code

```python title="snippets/fundamentals/{id}.py"
--8<-- "snippets/fundamentals/{id}.py"
```

Output:

```text
--8<-- "outputs/fundamentals/{id}.txt"
```

## Common mistakes

- A tensor is not always three-dimensional.

## Follow-up questions

- What is broadcasting?
"""

GOOD_SNIPPET = '''"""Checks a tensor's shape."""

import numpy as np

t = np.zeros((2, 3))
assert t.shape == (2, 3)
print("shape:", t.shape)
'''


class Scratch:
    """A small, complete dlqa repository in a temporary folder, for fault injection."""

    def __init__(self, root: Path):
        self.root = root
        Repo(ROOT).copy_skeleton(root)
        # Rendering the API reference costs each build about a second of mkdocstrings; no
        # fault injected here touches it, and the real site renders it (test_contributing).
        (Repo(root).docs_dir / "contributing" / "api.md").write_text(
            "# Build API reference\n\nRendered on the real site only.\n", encoding="utf-8")
        self.page("tensor", "What is a tensor?", "Explain tensors.", "acte-67")

    def page(self, qid, title, alias, source, topic="fundamentals", text=None) -> Path:
        path = Repo(self.root).docs_dir / topic / f"{qid}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text or GOOD_PAGE.format(id=qid, title=title, alias=alias,
                                                 source=source), encoding="utf-8")
        Repo(self.root).add_to_reading_order(topic, qid)
        self.snippet(f"{topic}/{qid}.py", GOOD_SNIPPET)
        return path

    def snippet(self, rel: str, text: str) -> Path:
        path = self.root / "snippets" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def build(self, **env: str) -> subprocess.CompletedProcess:
        return build(self.root, self.root / "site", **env)

    def dlqa(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "dlqa"), *args], cwd=self.root, env={**ENV, **env},
                              capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    return Scratch(tmp_path / "repo")


def pytest_collection_modifyitems(items):
    """Start the slowest chain first: the PDF fixture prints the whole site (about two
    minutes), so under xdist the other worker runs everything else meanwhile instead of
    waiting for it at the end."""
    items.sort(key=lambda item: item.path.name != "test_pdf.py")
