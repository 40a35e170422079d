"""Fault injection: each kind of bad input fails both the build and `dlqa check`.

Each case breaks one thing in a small scratch repository and asserts a non-zero exit and a
message that names the offending file.
"""

import pytest

from tests.conftest import DOCS, error_lines

PAGE = f"{DOCS}/fundamentals/tensor.md"
SNIPPET = "snippets/fundamentals/tensor.py"

# case: (file to edit, old text, new text, where the one error must point, its message)
CASES = {
    "yaml": (PAGE, "aliases:\n", "aliases: [oops\n", f"{PAGE}:4", "not valid YAML"),
    "not-closed": (PAGE, "related: []\n---\n", "related: []\n", f"{PAGE}:1",
                   "front matter is not closed"),
    "missing-field": (PAGE, "level: beginner\n", "", f"{PAGE}:9",
                      "field 'level': is required"),
    "unknown-field": (PAGE, "related: []", "related: []\nlevle: x", f"{PAGE}:10",
                      "unknown field 'levle'; did you mean 'level'?"),
    "wrong-type": (PAGE, "tags: [basics]", "tags: 5", f"{PAGE}:7", "field 'tags'"),
    "bad-level": (PAGE, "level: beginner", "level: guru", f"{PAGE}:6", "level"),
    "bad-tag": (PAGE, "tags: [basics]", "tags: [basic]", f"{PAGE}:7",
                "tag 'basic' is not in the vocabulary (data/tags.yaml); did you mean 'basics'?"),
    "id-mismatch": (PAGE, "id: tensor", "id: tensr", f"{PAGE}:2",
                    "does not match the file name"),
    "unknown-ref": (PAGE, "sources: [acte-67]", "sources: [acte-999]", f"{PAGE}:8",
                    "'acte-999' does not exist"),
    "unknown-related": (PAGE, "related: []", "related: [tensors]", f"{PAGE}:9",
                        "related id 'tensors' does not exist; did you mean 'tensor'?"),
    "missing-section": (PAGE, "## Common mistakes", "## Explanation 2", f"{PAGE}:36",
                        "is it '## Common mistakes', which is missing?"),
    "section-order": (PAGE, ("## Common mistakes\n\n- A tensor is not always three-dimensional."
                             "\n\n## Follow-up questions\n\n- What is broadcasting?"),
                      ("## Follow-up questions\n\n- What is broadcasting?\n\n## Common mistakes"
                       "\n\n- A tensor is not always three-dimensional."), f"{PAGE}:40",
                      "'## Common mistakes' must come before '## Follow-up questions'"),
    "empty-answer": (PAGE, ("A tensor is an n-dimensional array of numbers with a shape, "
                            "such as $(2, 3)$."), "", f"{PAGE}:12", "'## Short answer' is empty"),
    "placeholder": (PAGE, "- A tensor is not always three-dimensional.",
                    "- TODO(dlqa) a misconception.", f"{PAGE}:38",
                    "unfinished: replace the TODO(dlqa) placeholder"),
    "missing-snippet": (PAGE, '--8<-- "snippets/fundamentals/tensor.py"',
                        '--8<-- "snippets/fundamentals/gone.py"', f"{PAGE}:27",
                        "snippets/fundamentals/gone.py does not exist"),
    "raising-snippet": (SNIPPET, "assert t.shape == (2, 3)", "assert t.shape == (3, 2), 'bad'",
                        f"{PAGE}:27", "AssertionError: bad"),
    "network-snippet": (SNIPPET, "import numpy as np",
                        "import socket\nsocket.create_connection(('127.0.0.1', 9))\nimport numpy as np",
                        f"{PAGE}:27", "network"),
    "writing-snippet": (SNIPPET, "import numpy as np", "open('/tmp/x', 'w')\nimport numpy as np",
                        f"{PAGE}:27", "write only in their temporary directory"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_build_and_check(scratch, case):
    """One mistake: one error, naming the file and line, from `dlqa check` and the build."""
    rel, old, new, where, message = CASES[case]
    scratch.edit(rel, old, new)
    check = scratch.dlqa("check")
    assert check.returncode != 0
    errors = error_lines(check.stderr)
    assert len(errors) == 1, check.stderr
    assert errors[0].startswith(f"error: {where}: ") and message in errors[0], check.stderr
    build = scratch.build()
    assert build.returncode != 0
    assert f"{where}: " in build.stderr and message in build.stderr, build.stderr[-2000:]


def test_snippet_traceback_shows_the_snippet_only(scratch):
    scratch.edit(SNIPPET, "assert t.shape == (2, 3)", "assert t.shape == (3, 2), 'bad'")
    error = error_lines(scratch.dlqa("check").stderr)[0]
    assert "line 6: assert t.shape == (3, 2), 'bad'" in error
    assert "runpy" not in error and "sandbox.py" not in error


def test_all_of_a_pages_problems_in_one_run(scratch):
    scratch.edit(PAGE, "level: beginner", "level: guru")
    scratch.edit(PAGE, "tags: [basics]", "tags: [magic]")
    scratch.edit(PAGE, "- A tensor is not always three-dimensional.", "- TODO(dlqa) x")
    errors = error_lines(scratch.dlqa("check", "--no-run").stderr)
    assert [e.split(": ")[1] for e in errors] == [f"{PAGE}:6", f"{PAGE}:7", f"{PAGE}:38"]


def test_a_broken_page_gives_no_errors_on_pages_that_link_it(scratch):
    """A typo in one page is one error, not one more on every page that relates to it."""
    scratch.page("scalar", "What is a scalar?", "Explain scalars.", "acte-54")
    scratch.edit(f"{DOCS}/fundamentals/scalar.md", "related: []", "related: [tensor]")
    scratch.edit(PAGE, "level: beginner", "level: guru")
    errors = error_lines(scratch.dlqa("check", "--no-run").stderr)
    assert len(errors) == 1 and f"{PAGE}:6" in errors[0], errors


def test_reading_order_problems_point_at_the_topic_file(scratch):
    scratch.edit("data/topics.yaml", "    - tensor\n", "    - tensor\n    - tensr\n")
    errors = error_lines(scratch.dlqa("check", "--no-run").stderr)
    assert len(errors) == 1, errors
    assert errors[0].startswith("error: data/topics.yaml:") and "did you mean 'tensor'?" in errors[0]


def test_a_page_missing_from_the_reading_order_is_named(scratch):
    scratch.edit("data/topics.yaml", "    - tensor\n", "")
    errors = error_lines(scratch.dlqa("check", "--no-run").stderr)
    assert len(errors) == 1 and errors[0].startswith(f"error: {PAGE}:1: ") and \
        "not in the reading order" in errors[0], errors


def test_front_matter_that_is_not_a_mapping(scratch):
    text = (scratch.root / PAGE).read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 4)
    (scratch.root / PAGE).write_text("---\n- a list\n- not fields" + text[front_end:])
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert f"{PAGE}:2: front matter must be a mapping of fields" in result.stderr


def test_duplicate_id_and_twice_cited_ref(scratch):
    scratch.page("tensor", "What is a scalar?", "Explain scalars.", "acte-67", topic="training")
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert "duplicate id 'tensor'" in result.stderr
        assert f"'acte-67' is also cited by {DOCS}/fundamentals/tensor.md" in result.stderr


def test_near_duplicate_names_the_other_page(scratch):
    scratch.page("tensors", "What are tensors?", "What is a tensor array?", "acte-54")
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert f"near-duplicate of {DOCS}/fundamentals/tensors.md" in result.stderr


def test_declared_distinct_pages_pass(scratch):
    scratch.page("tensors", "What are tensors?", "What is a tensor array?", "acte-54")
    scratch.edit(PAGE, "related: []", "related: []\ndistinct: [tensors]")
    scratch.edit(f"{DOCS}/fundamentals/tensors.md", "related: []", "related: []\ndistinct: [tensor]")
    assert scratch.dlqa("check", "--no-run").returncode == 0


# Problems found in the rendered pages: `dlqa check` finds them with a throw-away build.
RENDERED = {
    "bad-latex": ("such as $(2, 3)$", r"such as $\frac{1}$", f"{PAGE}:14: KaTeX cannot render"),
    "unrecognised-math": (
        "- A tensor is not always three-dimensional.",
        "1. A tensor is not always three-dimensional:\n\n   $$\n   x_1 + x_2\n   $$\n",
        f"{PAGE}:40: a $$ formula was not recognised as math"),
    "broken-link": ("- What is broadcasting?", "- [Broadcasting](broadcasting.md)",
                    (f"{PAGE}:42: Doc file 'fundamentals/tensor.md' contains a link "
                     "'broadcasting.md', but the target 'fundamentals/broadcasting.md' is not "
                     "found")),
    "broken-anchor": ("- What is broadcasting?", "- [Shapes](#no-such-heading)",
                      (f"{PAGE}:42: Doc file 'fundamentals/tensor.md' contains a link "
                       "'#no-such-heading', but there is no such anchor")),
}


@pytest.mark.parametrize("case", sorted(RENDERED))
def test_rendering_problem_fails_build_and_check(scratch, case):
    old, new, message = RENDERED[case]
    scratch.edit(PAGE, old, new)
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert PAGE in result.stderr and message in result.stderr, result.stderr[-2000:]


def test_hanging_snippet_is_killed(scratch, monkeypatch):
    scratch.edit(SNIPPET, "import numpy as np", "while True:\n    pass\nimport numpy as np")
    monkeypatch.setenv("DLQA_SNIPPET_TIMEOUT", "3")
    from tests import conftest

    monkeypatch.setattr(conftest, "ENV", {**conftest.ENV, "DLQA_SNIPPET_TIMEOUT": "3"})
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert PAGE in result.stderr and "did not finish within 3 s" in result.stderr


def test_good_scratch_repo_builds(scratch):
    build = scratch.build()
    assert build.returncode == 0, build.stderr[-3000:]
    assert (scratch.root / "site" / "questions.json").is_file()


def test_a_search_term_for_no_page_is_named_with_its_line(scratch):
    (scratch.root / "data" / "search-terms.yaml").write_text("# terms\ntensr: [rank-k array]\n")
    errors = error_lines(scratch.dlqa("check", "--no-run").stderr)
    expected = ("error: data/search-terms.yaml:2: 'tensr' is not a page id; did you mean "
                "'tensor'? use the id of the page these terms should find")
    assert errors == [expected], errors
