"""The Question model: one question page, parsed and validated.

A page is `docs/<topic>/<id>.md`: YAML front matter (the fields of `FrontMatter`) and a
Markdown body with the sections in `SECTIONS`. The hooks, the CLI and the tests all parse
pages through `Question.from_file`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from dlqa import yamlio
from dlqa.errors import ContentError
from dlqa.repo import Repo
from dlqa.safety import unsafe_html

LEVELS = ("beginner", "intermediate", "advanced")
# (heading, required) in the order a page must have them.
SECTIONS = (
    ("Short answer", True),
    ("Explanation", True),
    ("Code", False),
    ("Common mistakes", True),
    ("Follow-up questions", True),
)
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$', re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class FrontMatter(BaseModel):
    """The fields a page's front matter may have; no others are allowed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str
    title: str
    aliases: list[str] = []
    level: Literal["beginner", "intermediate", "advanced"]
    tags: list[str]
    sources: list[str] = []
    related: list[str] = []
    distinct: list[str] = []

    @field_validator("id", "related", "distinct")
    @classmethod
    def _slugs(cls, value):
        for slug in [value] if isinstance(value, str) else value:
            if not _ID.match(slug):
                raise ValueError(f"{slug!r} is not an id (lower-case words joined by '-')")
        return value

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class Question(FrontMatter):
    """A question page: its front matter plus what the build derives from the file."""

    topic: str
    path: str  # docs-relative, e.g. "activations/softmax.md"
    body: str
    sections: dict[str, str]
    snippets: list[str]  # repository-relative snippet paths the page includes
    outputs: list[str]  # repository-relative output paths the page includes
    body_line: int  # file line on which the body starts

    def site_url(self, directory_urls: bool = True) -> str:
        """The page's site-relative URL (`topic/id/`, or `topic/id.html` for an offline build)."""
        return f"{self.topic}/{self.id}/" if directory_urls else f"{self.topic}/{self.id}.html"

    @property
    def short_answer(self) -> str:
        return self.sections.get("Short answer", "")

    @property
    def phrasings(self) -> list[str]:
        """The title and every alias."""
        return [self.title, *self.aliases]

    def catalogue_entry(self, directory_urls: bool = True) -> dict:
        """The object this question contributes to site/questions.json."""
        return {
            "id": self.id, "title": self.title, "url": self.site_url(directory_urls),
            "path": self.path,
            "topic": self.topic, "level": self.level, "tags": self.tags,
            "aliases": self.aliases, "sources": self.sources, "related": self.related,
            "snippets": self.snippets,
        }

    @classmethod
    def from_file(cls, path: Path, repo: Repo) -> Question:
        """Parse and validate one page; raise ContentError naming the file and line."""
        return cls.from_text(path.read_text(encoding="utf-8"), path, repo)

    @classmethod
    def from_text(cls, text: str, path: Path, repo: Repo) -> Question:
        where = repo.rel(path)
        meta, front_text, body_line = _split_front_matter(text, where)
        meta_fields = set(FrontMatter.model_fields)
        for key in meta:
            if key not in meta_fields:
                raise ContentError(
                    where, f"unknown field {key!r}; allowed: {', '.join(sorted(meta_fields))}",
                    _key_line(front_text, key),
                )
        try:
            front = FrontMatter.model_validate(meta)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = str(err["loc"][0]) if err["loc"] else "front matter"
            raise ContentError(
                where, f"field {field!r}: {_explain(err)}", _key_line(front_text, field)
            ) from None
        topic = path.parent.name
        if topic not in repo.topics:
            raise ContentError(
                where, f"folder {topic!r} is not a topic; use one of: {', '.join(repo.topics)}"
                " (or add it to data/topics.yaml)",
            )
        if front.id != path.stem:
            raise ContentError(
                where, f"id {front.id!r} does not match the file name; rename the file to "
                f"{front.id}.md or set id: {path.stem}", _key_line(front_text, "id"),
            )
        for tag in front.tags:
            if tag not in repo.tags:
                raise ContentError(
                    where, f"tag {tag!r} is not in the vocabulary (data/tags.yaml); "
                    "use an existing tag or add it there", _key_line(front_text, "tags"),
                )
        body = text.splitlines(keepends=True)[body_line - 1:]
        body_text = "".join(body)
        for line, what in unsafe_html(body_text):
            raise ContentError(
                where, f"{what} is not allowed (it could run script in a reader's browser); "
                "remove it or put it in a code block", body_line + line - 1,
            )
        sections = _sections(body_text, where, body_line)
        includes = [m.group(1) for m in _INCLUDE.finditer(body_text)]
        return cls(
            **front.model_dump(), topic=topic, path=path.relative_to(repo.docs_dir).as_posix(),
            body=body_text, sections=sections, body_line=body_line,
            snippets=[i for i in includes if i.startswith("snippets/")],
            outputs=[i for i in includes if i.startswith("outputs/")],
        )


def _split_front_matter(text: str, where: str) -> tuple[dict, str, int]:
    """(front matter mapping, its raw text, the line the body starts on)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            where, "the page must start with YAML front matter between '---' lines", 1
        )
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ContentError(where, "front matter is not closed by a '---' line", 1) from None
    front_text = "\n".join(lines[1:end])
    try:
        meta = yamlio.load(front_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(where, f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(meta, dict):
        raise ContentError(
            where, "front matter must be a mapping of fields (id:, title:, ...)", 2
        )
    return meta, front_text, end + 2


def _key_line(front_text: str, key: str) -> int | None:
    for number, line in enumerate(front_text.splitlines(), start=2):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return None


def _explain(err: dict) -> str:
    """What is wrong with a field, and what to write instead."""
    if err["type"] == "missing":
        return "is required; add it to the front matter (see CONTRIBUTING.md)"
    if err["type"] == "literal_error":
        return f"must be one of {', '.join(LEVELS)}, not {err['input']!r}"
    return f"{err['msg']} (got {err['input']!r}); see CONTRIBUTING.md for the field's format"


def _sections(body: str, where: str, body_line: int) -> dict[str, str]:
    """Map each `##` section title to its text; check the required ones, in order."""
    found: list[tuple[str, int]] = []
    texts: dict[str, list[str]] = {}
    current = None
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            raise ContentError(
                where, "do not write a '# ' heading: the title comes from the front matter", number
            )
        if heading and len(heading.group(1)) == 2:
            current = heading.group(2)
            found.append((current, number))
            texts[current] = []
        elif current is not None:
            texts[current].append(line)
    known = [name for name, _ in SECTIONS]
    order = [name for name, _ in found if name in known]
    for name, number in found:
        if name not in known:
            raise ContentError(
                where, f"unknown section '## {name}'; sections are: {', '.join(known)} "
                "(use '###' for subsections)", number,
            )
    for name, required in SECTIONS:
        if required and name not in texts:
            raise ContentError(where, f"the section '## {name}' is missing; add it (sections: "
                               f"{', '.join(known)})")
        if name in texts and not "".join(texts[name]).strip():
            raise ContentError(where, f"the section '## {name}' is empty; write it or, if it "
                               "is optional, remove the heading", dict(found)[name])
    if order != sorted(order, key=known.index) or len(order) != len(set(order)):
        raise ContentError(
            where, f"sections must appear once each, in this order: {', '.join(known)}"
        )
    if found and found[0][0] != "Short answer" or body.split("## ", 1)[0].strip():
        raise ContentError(where, "the body must begin with '## Short answer'", body_line)
    return {name: "\n".join(lines).strip() for name, lines in texts.items()}
