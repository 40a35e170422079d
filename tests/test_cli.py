"""The dlqa command: similar, new and check."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dlqa.repo import Repo
from tests.conftest import DOCS, ROOT


@pytest.mark.parametrize("query", [
    "why not start all weights at zero",
    "why shouldn't every weight be initialised to zero",
])
def test_similar_ranks_initialisation_first(query):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dlqa"), "similar", query, "--json"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    ranked = json.loads(result.stdout)
    assert ranked[0]["id"] == "equal-weight-initialisation"
    assert set(ranked[0]) >= {"id", "title", "url", "score"}


def test_similar_text_output(scratch):
    result = scratch.dlqa("similar", "Explain tensors")
    assert result.returncode == 0
    header, first = result.stdout.splitlines()[:2]
    assert "search" in header and "duplicate" in header
    assert f"{DOCS}/fundamentals/tensor.md" in first


def test_new_warns_about_the_page_search_would_find(scratch):
    """`dlqa new` names the page a reader's search finds first, even when its wording is too
    far from any phrasing for the build's duplicate check to refuse it."""
    result = scratch.dlqa("new", "rank-k arrays in numpy", "--topic", "fundamentals")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("similar: tensor ")


def test_new_refuses_a_near_duplicate(scratch):
    result = scratch.dlqa("new", "What are tensors?", "--topic", "fundamentals")
    assert result.returncode == 1
    assert "near-duplicate of 'tensor'" in result.stderr


def test_new_scaffolds_page_and_snippet_that_check_rejects_until_written(scratch):
    result = scratch.dlqa("new", "What is broadcasting in NumPy?", "--topic", "fundamentals",
                          "--snippet")
    assert result.returncode == 0, result.stderr
    page = Repo(scratch.root).docs_dir / "fundamentals" / "broadcasting-numpy.md"
    assert page.is_file()
    assert (scratch.root / "snippets" / "fundamentals" / "broadcasting-numpy.py").is_file()
    check = scratch.dlqa("check")
    assert check.returncode == 1
    assert f"{DOCS}/fundamentals/broadcasting-numpy.md:13: unfinished" in check.stderr


def test_new_rejects_unknown_topic(scratch):
    result = scratch.dlqa("new", "What is a tensor network?", "--topic", "cooking")
    assert result.returncode == 2 and "unknown topic" in result.stderr


def test_check_passes_on_a_good_repo(scratch):
    result = scratch.dlqa("check")
    assert result.returncode == 0, result.stderr
    assert "ok: 1 questions checked" in result.stdout
