"""Fault injection: each kind of bad input fails both the build and `dlqa check`.

Each case breaks one thing in a small scratch repository and asserts a non-zero exit and a
message that names the offending file.
"""

import pytest

PAGE = "docs/fundamentals/tensor.md"
SNIPPET = "snippets/fundamentals/tensor.py"

CASES = {
    "yaml": (PAGE, "aliases:\n", "aliases: [oops\n", PAGE, "not valid YAML"),
    "not-closed": (PAGE, "related: []\n---\n", "related: []\n", PAGE,
                   "front matter is not closed"),
    "missing-field": (PAGE, "level: beginner\n", "", PAGE, "field 'level': is required"),
    "unknown-field": (PAGE, "related: []", "related: []\nauthor: x", PAGE, "unknown field"),
    "wrong-type": (PAGE, "tags: [basics]", "tags: 5", PAGE, "field 'tags'"),
    "bad-level": (PAGE, "level: beginner", "level: guru", PAGE, "level"),
    "bad-tag": (PAGE, "tags: [basics]", "tags: [magic]", PAGE, "not in the vocabulary"),
    "id-mismatch": (PAGE, "id: tensor", "id: tensr", PAGE, "does not match the file name"),
    "unknown-ref": (PAGE, "sources: [acte-67]", "sources: [acte-999]", PAGE,
                    "'acte-999' does not exist"),
    "unknown-related": (PAGE, "related: []", "related: [nope]", PAGE, "'nope' does not exist"),
    "missing-section": (PAGE, "## Common mistakes", "## Explanation 2", PAGE, "section"),
    "empty-answer": (PAGE, ("A tensor is an n-dimensional array of numbers with a shape, "
                            "such as $(2, 3)$."), "", PAGE, "'## Short answer' is empty"),
    "script": (PAGE, "## Common mistakes", "<script>alert(1)</script>\n\n## Common mistakes",
               PAGE, "<script>"),
    "iframe": (PAGE, "## Common mistakes", '<iframe src="x"></iframe>\n\n## Common mistakes',
               PAGE, "<iframe>"),
    "event-handler": (PAGE, "## Common mistakes",
                      '<img src="x.png" onerror="alert(1)">\n\n## Common mistakes',
                      PAGE, "on...= event-handler attribute"),
    "javascript-link": (PAGE, "- What is broadcasting?", "- [click](javascript:alert(1))",
                        PAGE, "javascript: link"),
    "missing-snippet": (PAGE, '--8<-- "snippets/fundamentals/tensor.py"',
                        '--8<-- "snippets/fundamentals/gone.py"', PAGE,
                        "snippets/fundamentals/gone.py does not exist"),
    "raising-snippet": (SNIPPET, "assert t.shape == (2, 3)", "assert t.shape == (3, 2), 'bad'",
                        PAGE, "AssertionError: bad"),
    "network-snippet": (SNIPPET, "import numpy as np",
                        "import socket\nsocket.create_connection(('127.0.0.1', 9))\nimport numpy as np",
                        PAGE, "network"),
    "writing-snippet": (SNIPPET, "import numpy as np", "open('/tmp/x', 'w')\nimport numpy as np",
                        PAGE, "write only in their temporary directory"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_build_and_check(scratch, case):
    rel, old, new, named, message = CASES[case]
    scratch.edit(rel, old, new)
    check = scratch.dlqa("check")
    assert check.returncode != 0
    assert named in check.stderr and message in check.stderr, check.stderr
    build = scratch.build()
    assert build.returncode != 0
    assert named in build.stderr and message in build.stderr, build.stderr[-2000:]


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
        assert "'acte-67' is also cited by docs/fundamentals/tensor.md" in result.stderr


def test_near_duplicate_names_the_other_page(scratch):
    scratch.page("tensors", "What are tensors?", "What is a tensor array?", "acte-54")
    for result in (scratch.dlqa("check"), scratch.build()):
        assert result.returncode != 0
        assert "near-duplicate of docs/fundamentals/tensors.md" in result.stderr


def test_declared_distinct_pages_pass(scratch):
    scratch.page("tensors", "What are tensors?", "What is a tensor array?", "acte-54")
    scratch.edit(PAGE, "related: []", "related: []\ndistinct: [tensors]")
    scratch.edit("docs/fundamentals/tensors.md", "related: []", "related: []\ndistinct: [tensor]")
    assert scratch.dlqa("check", "--no-run").returncode == 0


# Problems found in the rendered pages: `dlqa check` finds them with a throw-away build.
RENDERED = {
    "bad-latex": ("such as $(2, 3)$", r"such as $\frac{1}$", "KaTeX cannot render"),
    "unrecognised-math": (
        "- A tensor is not always three-dimensional.",
        "1. A tensor is not always three-dimensional:\n\n   $$\n   x_1 + x_2\n   $$\n",
        "was not recognised as math"),
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
