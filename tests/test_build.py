"""The build object: the hooks hold no state, and no build leaves a process behind."""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from dlqa.build import Build
from dlqa.mathrender import KatexRenderer
from tests.conftest import BIN, DOCS, ENV, ROOT, free_port, wait_for

PAGE = f"{DOCS}/fundamentals/tensor.md"


def test_the_hooks_module_holds_no_state():
    """Every top-level statement of the hooks is an import, a docstring or a function
    whose body is a call or two into dlqa."""
    tree = ast.parse((ROOT / "hooks" / "dlqa_hooks.py").read_text(encoding="utf-8"))
    for node in tree.body:
        assert isinstance(node, ast.Import | ast.ImportFrom | ast.FunctionDef | ast.Expr), \
            ast.dump(node)[:80]
        if isinstance(node, ast.FunctionDef):
            assert len(node.body) <= 2, node.name


def test_a_failed_build_stops_the_math_process(scratch, tmp_path, monkeypatch):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    processes = []
    render = KatexRenderer.render

    def spy(self, tex, display):
        try:
            return render(self, tex, display)
        finally:
            if self._process is not None:
                processes.append(self._process)

    monkeypatch.setattr(KatexRenderer, "render", spy)
    monkeypatch.chdir(scratch.root)
    scratch.edit(PAGE, "such as $(2, 3)$", r"such as $(2, 3)$ and $\frac{1}$")
    config = load_config(str(scratch.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with pytest.raises(Abort):
        mkdocs_build(config)
    assert processes, "the build started KaTeX"
    assert all(p.poll() is not None for p in processes), "a KaTeX process outlived the build"
    assert Build._running == {}


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text().split() if (task / "children").exists() \
                else []
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def _serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except OSError:
        return False


def test_an_interrupted_serve_leaves_no_process(scratch):
    port = free_port()
    # A shell's `cmd &` without job control starts cmd with SIGINT ignored, and children
    # inherit that, so the server would never see the interrupt: env (coreutils) gives it
    # the default, as a terminal would, and then becomes the server (same process).
    server = subprocess.Popen(
        ["env", "--default-signal=INT", str(BIN / "mkdocs"), "serve",
         "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=scratch.root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: set[int] = set()
    output = []
    deadline = time.monotonic() + 300
    try:
        for line in server.stdout:
            output.append(line)
            seen |= _descendants(server.pid)
            if "Serving on" in line or time.monotonic() > deadline:
                break
        assert any("Serving on" in line for line in output), "".join(output)[-2000:]
        # MkDocs logs "Serving on" just before it starts its server thread; an interrupt in
        # between can leave that thread running (the process then never exits), so the
        # interrupt waits for the first page served, as a person pressing Ctrl+C would.
        served = next(line for line in output if "Serving on" in line).split()[-1]
        wait_for(lambda: _serves(served), f"{served} to be served")
        seen |= _descendants(server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    time.sleep(0.5)
    alive = [pid for pid in seen if Path(f"/proc/{pid}").exists()
             and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]
    assert alive == [], f"left running: {[os.readlink(f'/proc/{p}/exe') for p in alive]}"
