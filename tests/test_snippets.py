"""Every snippet runs and passes its own assertions; the sandbox holds."""

from pathlib import Path

import pytest

from dlqa.repo import Repo
from dlqa.snippets import output_path, run_snippet, run_snippets

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))


@pytest.mark.parametrize("path", SNIPPETS, ids=[p.relative_to(ROOT).as_posix() for p in SNIPPETS])
def test_snippet_passes(path: Path, repo: Repo):
    result = run_snippet(path, repo)
    assert result.ok, result.error
    assert result.output.strip(), "a snippet prints what it computed"


def test_there_are_snippets():
    assert len(SNIPPETS) >= 10


def test_output_path_mirrors_snippet(repo: Repo):
    assert output_path("snippets/cnn/conv.py", repo) == repo.outputs_dir / "cnn" / "conv.txt"


@pytest.mark.parametrize("code, message", [
    ("raise ValueError('boom')", "ValueError: boom"),
    ("import socket\nsocket.create_connection(('127.0.0.1', 9))", "network"),
    ("open('/tmp/dlqa-escape.txt', 'w')", "write only in their temporary directory"),
    ("import subprocess\nsubprocess.run(['true'])", "may not start processes"),
])
def test_sandbox_refuses(tmp_path: Path, code: str, message: str):
    snippet = tmp_path / "snippets" / "bad.py"
    snippet.parent.mkdir()
    snippet.write_text(code)
    result = run_snippet(snippet, Repo(tmp_path))
    assert not result.ok and message in result.error


def test_sandbox_allows_writes_in_its_directory(tmp_path: Path):
    snippet = tmp_path / "snippets" / "ok.py"
    snippet.parent.mkdir()
    snippet.write_text("open('scratch.txt', 'w').write('x')\nprint('wrote')")
    assert run_snippet(snippet, Repo(tmp_path)).ok


def test_hanging_snippet_is_killed(tmp_path: Path):
    snippet = tmp_path / "snippets" / "hang.py"
    snippet.parent.mkdir()
    snippet.write_text("while True:\n    pass\n")
    result = run_snippet(snippet, Repo(tmp_path), timeout=2)
    assert not result.ok and "did not finish within 2 s" in result.error


def test_result_is_cached_by_content(tmp_path: Path):
    snippet = tmp_path / "snippets" / "c.py"
    snippet.parent.mkdir()
    snippet.write_text("print('once')")
    first = run_snippet(snippet, Repo(tmp_path))
    second = run_snippet(snippet, Repo(tmp_path))
    assert not first.cached and second.cached and second.output == "once\n"
    snippet.write_text("print('twice')")
    assert not run_snippet(snippet, Repo(tmp_path)).cached


def test_cache_key_changes_with_the_sandbox(tmp_path, monkeypatch):
    """A change to the sandbox may change what a snippet does, so cached results expire."""
    from dlqa import snippets

    source = b"print(1)\n"
    before = snippets.cache_key(source)
    assert snippets.cache_key(source) == before
    assert snippets.cache_key(b"print(2)\n") != before
    changed = tmp_path / "sandbox.py"
    changed.write_bytes(snippets.SANDBOX.read_bytes() + b"\n# a new rule\n")
    monkeypatch.setattr(snippets, "SANDBOX", changed)
    snippets._environment_key.cache_clear()
    try:
        assert snippets.cache_key(source) != before
    finally:
        snippets._environment_key.cache_clear()


def test_many_snippets_keep_their_order_and_report_only_those_that_ran(tmp_path: Path):
    repo = Repo(tmp_path)
    folder = tmp_path / "snippets"
    folder.mkdir()
    paths = []
    for name in ("a", "b", "c"):
        paths.append(folder / f"{name}.py")
        paths[-1].write_text(f"print({name!r})")
    assert run_snippet(paths[1], repo).ok  # b is cached from here on
    said: list[str] = []
    results = run_snippets(paths, repo, progress=said.append)
    assert [r.output.strip() for r in results] == ["a", "b", "c"]
    assert [r.cached for r in results] == [False, True, False]
    # a and c run at once, so either may finish first; the cached b counts as done already.
    assert sorted(m.split(" (")[0] for m in said) == ["snippets: 2/3", "snippets: 3/3"], said
    assert sorted(m.split(" (")[1].split(",")[0] for m in said) == [
        "snippets/a.py", "snippets/c.py"], said
