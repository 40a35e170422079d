"""Snippets, hooks and the build code follow ruff's rules (CONTRIBUTING: code follows ruff)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_is_clean():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--output-format", "concise",
         "dlqa", "hooks", "tests", "snippets", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
