"""MkDocs' link warnings are rewritten to name the page and line to fix."""

from dlqa.buildlog import link_line, locate
from dlqa.repo import Repo


def test_link_line_finds_the_target_not_the_text():
    text = "intro broadcasting.md\n\nsee [b](broadcasting.md#x) and\n[c]( other.md )\n"
    assert link_line(text, "broadcasting.md#x") == 3
    assert link_line(text, "other.md") == 4
    assert link_line(text, "missing.md") is None


def test_locate_prefixes_file_and_line(tmp_path):
    # The pages' folder is mkdocs.yml's docs_dir, here not the default "docs".
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ndocs_dir: pages\n")
    (tmp_path / "pages" / "t").mkdir(parents=True)
    (tmp_path / "pages" / "t" / "p.md").write_text("# P\n\n[x](gone.md)\n")
    repo = Repo(tmp_path)
    warning = "Doc file 't/p.md' contains a link 'gone.md', but the target is not found."
    assert locate(warning, repo).startswith("pages/t/p.md:3: Doc file")
    assert locate("Some other warning", repo) == "Some other warning"
    generated = "Doc file 'tags.md' contains a link 'x.md', but the target is not found."
    assert locate(generated, repo).startswith("pages/tags.md: Doc file")
