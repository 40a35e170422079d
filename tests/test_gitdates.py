"""Last-changed dates come from git, one pass for the whole tree."""

import os
import subprocess

from dlqa.gitdates import last_changed, page_changed


def _commit(root, rel, text, date):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{date}T12:00:00", "GIT_COMMITTER_DATE":
           f"{date}T12:00:00", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "add", rel], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-qm", rel], cwd=root, check=True, env=env)


def test_newest_commit_wins_and_snippets_count(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _commit(tmp_path, "docs/a/x.md", "one", "2025-01-02")
    _commit(tmp_path, "snippets/a/x.py", "print(1)", "2025-03-04")
    _commit(tmp_path, "docs/a/x.md", "two", "2025-02-03")
    _commit(tmp_path, "docs/a/y.md", "y", "2025-05-06")
    dates = last_changed(tmp_path, ("docs", "snippets"))
    assert dates["docs/a/x.md"] == "2025-02-03"
    assert dates["snippets/a/x.py"] == "2025-03-04"
    assert page_changed(dates, "docs/a/x.md", ["snippets/a/x.py"]) == "2025-03-04"
    assert page_changed(dates, "docs/a/y.md", []) == "2025-05-06"
    assert page_changed(dates, "docs/a/new.md", []) is None


def test_outside_git_there_are_no_dates(tmp_path):
    assert last_changed(tmp_path, ("docs",)) == {}


def test_built_pages_show_their_last_change(site, repo):
    dates = last_changed(repo.root, (repo.rel(repo.docs_dir), repo.rel(repo.snippets_dir)))
    html = (site / "activations" / "binary-step.html").read_text(encoding="utf-8")
    expected = page_changed(dates, repo.page_file("activations/binary-step.md"),
                            ["snippets/activations/binary-step.py"])
    if dates:
        assert expected and f'<time datetime="{expected}">' in html
    else:  # not a git checkout (an exported tree): no date rather than a wrong one
        assert "<time" not in html
    assert "Question id: <code>binary-step</code>" in html
    assert 'title="Edit this page"' in html
