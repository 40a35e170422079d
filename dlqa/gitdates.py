"""When each file was last changed, from one pass over the git history."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...]) -> dict[str, str]:
    """Map each path (relative to `root`) under `folders` to the date of its last commit.

    One `git log` for the whole tree rather than one per page (what per-file plugins do),
    so the cost does not grow with a process per page. Outside a git checkout, or when
    git is missing, the map is empty and pages simply show no date.
    """
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *folders],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    for commit in log.split("\0")[1:]:
        date, *names = commit.strip().splitlines()
        for name in names:
            dates.setdefault(name, date)  # newest commit first, so the first date wins
    return dates


def page_changed(dates: dict[str, str], page: str, snippets: list[str]) -> str | None:
    """The last change of a question: its page or any of its snippets, whichever is newer
    (all paths relative to the checkout, as git names them)."""
    found = [dates[p] for p in (page, *snippets) if p in dates]
    return max(found) if found else None
