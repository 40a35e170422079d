"""The Question model: what a valid page is, and the message for each invalid one."""

from pathlib import Path

import pytest

from dlqa.errors import ContentErrors
from dlqa.model import Question
from tests.conftest import DOCS, GOOD_PAGE


def parse(repo, text: str, name: str = "tensor") -> Question:
    return Question.from_text(text, repo.docs_dir / "fundamentals" / f"{name}.md", repo)


def good(**kw) -> str:
    fields = {"id": "tensor", "title": "What is a tensor?", "alias": "Explain tensors.",
              "source": "acte-67", **kw}
    return GOOD_PAGE.format(**fields)


def test_good_page_parses(repo):
    q = parse(repo, good())
    assert q.id == "tensor" and q.topic == "fundamentals"
    assert q.site_url() == "fundamentals/tensor/"
    assert q.site_url(directory_urls=False) == "fundamentals/tensor.html"
    assert q.snippets == ["snippets/fundamentals/tensor.py"]
    assert q.outputs == ["outputs/fundamentals/tensor.txt"]
    assert q.short_answer.startswith("A tensor is")
    assert q.phrasings == ["What is a tensor?", "Explain tensors."]


@pytest.mark.parametrize("old, new, message, line", [
    ("level: beginner", "level: expert", "must be one of beginner, intermediate, advanced", 6),
    ("tags: [basics]", "tags: [nonsense]", "tag 'nonsense' is not in the vocabulary", 7),
    ("tags: [basics]", "tags: basics", "field 'tags'", 7),
    ("related: []", "related: []\nauthor: me", "unknown field 'author'", 10),
    ("title: What is a tensor?\n", "", "field 'title': is required", None),
    ("id: tensor", "id: tensors", "does not match the file name", 2),
    ("aliases:\n", "aliases: [unclosed\n", "not valid YAML", None),
    ("## Common mistakes", "## Pitfalls", "unknown section '## Pitfalls'", None),
    ("## Follow-up questions\n\n- What is broadcasting?\n", "", "'## Follow-up questions' is missing",
     None),
    ("A tensor is an n-dimensional array of numbers with a shape, such as $(2, 3)$.", "",
     "'## Short answer' is empty", None),
])
def test_bad_page_names_the_problem(repo, old, new, message, line):
    text = good()
    assert old in text
    with pytest.raises(ContentErrors) as info:
        parse(repo, text.replace(old, new, 1))
    [error] = info.value.errors  # one mistake, one error
    assert message in str(error)
    assert error.path == f"{DOCS}/fundamentals/tensor.md"
    if line:
        assert error.line == line


def test_front_matter_must_be_a_mapping(repo):
    with pytest.raises(ContentErrors, match="must be a mapping"):
        parse(repo, "---\n- just\n- a list\n---\n\n## Short answer\n\nx\n")


def test_every_real_page_parses(repo):
    from dlqa.catalogue import question_files

    files = question_files(repo)
    assert len(files) >= 12
    for path in files:
        Question.from_file(path, repo)


def test_unknown_topic(repo):
    with pytest.raises(ContentErrors, match="is not a topic"):
        Question.from_text(good(), Path(repo.docs_dir / "cooking" / "tensor.md"), repo)


def test_url_style_follows_mkdocs_yml(tmp_path, monkeypatch):
    from dlqa.repo import Repo

    (tmp_path / "docs").mkdir()
    head = "site_name: t\ntheme: material\nsite_url: !ENV [DLQA_TEST_URL, https://x.org/]\n"
    (tmp_path / "mkdocs.yml").write_text(head + "plugins:\n  - search\n")
    assert Repo(tmp_path).directory_urls is True
    assert Repo(tmp_path).site_url == "https://x.org/"
    monkeypatch.setenv("DLQA_TEST_URL", "https://y.org/")  # !ENV is MkDocs' to read
    assert Repo(tmp_path).site_url == "https://y.org/"
    (tmp_path / "mkdocs.yml").write_text(head + "plugins:\n  - search\n  - offline\n")
    assert Repo(tmp_path).directory_urls is False
    (tmp_path / "mkdocs.yml").write_text(head + "use_directory_urls: false\n")
    assert Repo(tmp_path).directory_urls is False


def test_source_line_counts_from_where_the_text_starts():
    import re

    from dlqa.errors import source_line

    text = "a: 1\nTitle: Two\nthree &amp; four\n"
    assert source_line(text, "Two") == 2
    assert source_line(text, "Two", start=5) == 6  # front matter starts on the file's line 2
    assert source_line(text, re.compile(r"^title\s*:", re.IGNORECASE)) == 2
    assert source_line(text, "& four", fold=lambda line: line.replace("&amp;", "&")) == 3
    assert source_line(text, "missing") is None
    assert source_line(text, "") is None


def test_the_front_matter_fields_are_the_page_formats():
    from dlqa import pageformat
    from dlqa.model import FrontMatter

    written = {f.alias or name for name, f in FrontMatter.model_fields.items()}
    assert written == set(pageformat.FIELDS)
    assert "sources" in written and "seed_refs" in Question.model_fields  # seed refs, by name


def test_validated_front_matter_is_cached_and_the_rest_checked_every_time(repo, tmp_path,
                                                                           monkeypatch):
    """A page whose front matter validated before is not read as YAML again
    (dlqa.frontcache), yet a tag gone from the vocabulary, an id that no longer matches the
    file name, and a changed field are still reported."""
    from dlqa import model
    from dlqa.frontcache import FrontMatterCache
    from dlqa.repo import Repo

    path = repo.docs_dir / "fundamentals" / "tensor.md"
    first = FrontMatterCache(tmp_path)
    parsed = Question.from_text(good(), path, repo, first)
    first.save()
    narrower = Repo(repo.root)
    narrower.__dict__.update(topics=repo.topics,
                             tags={t: m for t, m in repo.tags.items() if t != "basics"})
    with monkeypatch.context() as patch:
        patch.setattr(model.yamlio, "load", lambda text: pytest.fail("front matter read again"))
        assert Question.from_text(good(), path, repo, FrontMatterCache(tmp_path)) == parsed
        with pytest.raises(ContentErrors, match="tag 'basics' is not in the vocabulary"):
            Question.from_text(good(), path, narrower, FrontMatterCache(tmp_path))
        with pytest.raises(ContentErrors, match="does not match the file name"):
            Question.from_text(good(), path.with_name("tensors.md"), repo,
                               FrontMatterCache(tmp_path))
    with pytest.raises(ContentErrors, match="must be one of"):
        Question.from_text(good().replace("level: beginner", "level: expert"), path, repo,
                           FrontMatterCache(tmp_path))
