"""The pre-commit checks (ruff for code, codespell for prose) pass, as `make test` demands."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _hooks() -> dict:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_passes_on_every_tracked_file():
    # Its own cache under .cache/ so a fresh clone installs the pinned hooks once.
    env = {**os.environ, "PRE_COMMIT_HOME": str(ROOT / ".cache" / "pre-commit")}
    result = subprocess.run([str(BIN / "pre-commit"), "run", "--all-files", "--color", "never"],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
                            timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "ruff" in result.stdout and "codespell" in result.stdout


def test_pre_commit_pins_match_the_environment():
    """The hooks use the same tool versions that `make install` pins."""
    pins = dict(re.findall(r"^([\w.-]+)==(\S+)$",
                           (ROOT / "constraints.txt").read_text(encoding="utf-8"), re.MULTILINE))
    hooks = _hooks()
    assert {"ruff", "codespell"} <= set(hooks)
    for hook_id in ("ruff", "codespell"):
        (dependency,) = hooks[hook_id]["additional_dependencies"]
        name, version = dependency.split("==")
        assert pins.get(name) == version, f"{dependency} but constraints.txt pins {pins.get(name)}"


def test_ruff_is_clean_on_untracked_files_too():
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "--output-format", "concise",
         "dlqa", "hooks", "tests", "snippets", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
