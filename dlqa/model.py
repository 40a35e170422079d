"""The Question model: one question page, parsed and validated.

A page is `docs/<topic>/<id>.md`: YAML front matter (the fields of `FrontMatter`) and a
Markdown body with the sections of `dlqa.pageformat.SECTIONS`. The hooks, the CLI and the tests all parse
pages through `Question.from_file`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dlqa import pageformat, yamlio
from dlqa.errors import ContentError, ContentErrors, source_line
from dlqa.repo import Repo

if TYPE_CHECKING:
    from dlqa.frontcache import FrontMatterCache

# What `dlqa new` writes where the author has still to write; a page containing it fails.
PLACEHOLDER = "TODO(dlqa)"

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
    level: str
    tags: list[str]
    # Written `sources:` in a page (the seed lists it answers); its values are seed refs.
    seed_refs: list[str] = Field(default=[], alias="sources")
    related: list[str] = []
    distinct: list[str] = []

    @field_validator("id", "related", "distinct")
    @classmethod
    def _slugs(cls, value):
        for slug in [value] if isinstance(value, str) else value:
            if not _ID.match(slug):
                raise ValueError(f"{slug!r} is not an id (lower-case words joined by '-')")
        return value

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value not in pageformat.LEVELS:
            raise ValueError(f"must be one of {', '.join(pageformat.LEVELS)}, not {value!r}")
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
    file: str  # checkout-relative, as messages and git name it: "docs/activations/softmax.md"
    body: str
    sections: dict[str, str]
    snippets: list[str]  # repository-relative snippet paths the page includes
    outputs: list[str]  # repository-relative output paths the page includes
    body_line: int  # file line on which the body starts
    front_text: str  # the raw front matter, to point errors at a field's line

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
            "aliases": self.aliases, "sources": self.seed_refs, "related": self.related,
            "snippets": self.snippets,
        }

    @classmethod
    def from_file(cls, path: Path, repo: Repo, known: FrontMatterCache | None = None
                  ) -> Question:
        """Parse and validate one page; raise ContentErrors naming the file and line."""
        return cls.from_text(path.read_text(encoding="utf-8"), path, repo, known)

    @classmethod
    def from_text(cls, text: str, path: Path, repo: Repo,
                  known: FrontMatterCache | None = None) -> Question:
        """Parse and validate one page; raise ContentErrors listing every problem in it,
        each with the file and line. Front matter found in `known` is not read again."""
        where = repo.rel(path)
        try:
            front_text, body_line = _split_front_matter(text, where)
        except ContentError as exc:
            raise ContentErrors([exc]) from None
        errors: list[ContentError] = []

        def problem(message: str, line: int | None = None) -> None:
            errors.append(ContentError(where, message, line))

        fields = known.get(front_text) if known is not None else None
        valid = fields
        if fields is None:
            try:
                meta = _front_matter(front_text, where)
            except ContentError as exc:
                raise ContentErrors([exc]) from None
            valid, fields = _validate(meta, front_text, body_line, problem)
            if known is not None and fields is not None and not errors:
                known.put(front_text, fields)
        topic = path.parent.name
        if topic not in repo.topics:
            problem(f"folder {topic!r} is not a topic; use one of: {', '.join(repo.topics)}"
                    " (or add it to data/topics.yaml)")
        qid = valid.get("id")
        if isinstance(qid, str) and qid != path.stem:
            problem(f"id {qid!r} does not match the file name; rename the file to {qid}.md "
                    f"or set id: {path.stem}", _key_line(front_text, "id"))
        tags = valid.get("tags") if isinstance(valid.get("tags"), list) else []
        for tag in tags:
            if isinstance(tag, str) and tag not in repo.tags:
                near = difflib.get_close_matches(tag, sorted(repo.tags), n=1)
                hint = f"did you mean {near[0]!r}? Otherwise " if near else ""
                problem(f"tag {tag!r} is not in the vocabulary (data/tags.yaml); {hint}use an "
                        "existing tag or add it there", value_line(front_text, "tags", tag))
        body_text = "".join(text.splitlines(keepends=True)[body_line - 1:])
        for number, line in enumerate(body_text.splitlines(), start=body_line):
            if PLACEHOLDER in line:
                problem(f"unfinished: replace the {PLACEHOLDER} placeholder", number)
        sections, section_errors = _sections(body_text, where, body_line)
        errors.extend(section_errors)
        if errors or fields is None:
            raise ContentErrors(errors)
        includes = [m.group(1) for m in _INCLUDE.finditer(body_text)]
        return cls(
            **fields, topic=topic, path=path.relative_to(repo.docs_dir).as_posix(),
            file=where,
            body=body_text, sections=sections, body_line=body_line, front_text=front_text,
            snippets=[i for i in includes if i.startswith("snippets/")],
            outputs=[i for i in includes if i.startswith("outputs/")],
        )

    def field_line(self, key: str, value: str | None = None) -> int | None:
        """The file line of a front-matter field, or of one value in a list field."""
        if value is None:
            return _key_line(self.front_text, key)
        return value_line(self.front_text, key, value)

    def include_line(self, path: str) -> int | None:
        """The file line of the `--8<--` line that includes `path`."""
        for number, line in enumerate(self.body.splitlines(), start=self.body_line):
            match = _INCLUDE.match(line)
            if match and match.group(1) == path:
                return number
        return None


def _split_front_matter(text: str, where: str) -> tuple[str, int]:
    """(the front matter's raw text, the line the body starts on)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            where, "the page must start with YAML front matter between '---' lines", 1
        )
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ContentError(where, "front matter is not closed by a '---' line", 1) from None
    return "\n".join(lines[1:end]), end + 2


def _front_matter(front_text: str, where: str) -> dict:
    """The front matter's mapping of fields, as YAML reads it."""
    try:
        meta = yamlio.load(front_text)
    except yaml.YAMLError as exc:
        # The construct that was left open (context) is where the mistake is, not where
        # the parser gave up (problem), which is often the next line.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ContentError(where, f"front matter is not valid YAML: {problem}", line) from None
    if not isinstance(meta, dict):
        raise ContentError(
            where, "front matter must be a mapping of fields (id:, title:, ...)", 2
        )
    return meta


def _validate(meta: dict, front_text: str, body_line: int,
              problem: Callable[[str, int | None], None]) -> tuple[dict, dict | None]:
    """(the known fields of `meta`, the fields as FrontMatter validates them, written as in
    a page, or None); `problem` hears of each unknown or invalid field."""
    meta_fields = {f.alias or name for name, f in FrontMatter.model_fields.items()}
    for key in meta:
        if key not in meta_fields:
            near = difflib.get_close_matches(str(key), sorted(meta_fields), n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            problem(f"unknown field {key!r}; {hint}allowed: {', '.join(sorted(meta_fields))}",
                    _key_line(front_text, key))
    valid = {k: v for k, v in meta.items() if k in meta_fields}
    try:
        return valid, FrontMatter.model_validate(valid).model_dump(by_alias=True)
    except ValidationError as exc:
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "front matter"
            # A missing field has no line: point at the closing '---', where it goes.
            problem(f"field {field!r}: {_explain(err)}",
                    _key_line(front_text, field) or body_line - 1)
        return valid, None


def value_line(front_text: str, key: str, value: str) -> int | None:
    """The line of `value` in the list field `key` (its own line in a block list), else the
    key's line."""
    start = _key_line(front_text, key)
    if start is None:
        return None
    lines = front_text.splitlines()
    for index in range(start - 2, len(lines)):
        number, line = index + 2, lines[index]
        if number > start and re.match(r"^\S", line):
            break
        if re.search(rf"(^|[\s\[,'\"-]){re.escape(value)}($|[\s\],'\"])", line):
            return number
    return start


def _key_line(front_text: str, key: str) -> int | None:
    return source_line(front_text, re.compile(rf"^{re.escape(key)}\s*:"), start=2)


def _explain(err: dict) -> str:
    """What is wrong with a field, and what to write instead."""
    if err["type"] == "missing":
        return "is required; add it to the front matter (see CONTRIBUTING.md)"
    if err["type"] == "value_error":  # one of the validators above: its own message
        return str((err.get("ctx") or {}).get("error", err["msg"]))
    return f"{err['msg']} (got {err['input']!r}); see CONTRIBUTING.md for the field's format"


def _sections(body: str, where: str, body_line: int) -> tuple[dict[str, str], list[ContentError]]:
    """Map each `##` section title to its text, and list what is wrong with the sections:
    unknown, missing, empty, out of order."""
    errors: list[ContentError] = []
    found: list[tuple[str, int]] = []
    texts: dict[str, list[str]] = {}
    current = None
    in_fence = False
    first_text: int | None = None
    for number, line in enumerate(body.splitlines(), start=body_line):
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if heading and len(heading.group(1)) == 1:
            errors.append(ContentError(
                where, "do not write a '# ' heading: the title comes from the front matter",
                number))
        elif heading and len(heading.group(1)) == 2:
            current = heading.group(2)
            found.append((current, number))
            texts[current] = []
        elif current is not None:
            texts[current].append(line)
        elif line.strip() and first_text is None:
            first_text = number
    sections = [(s.heading, s.required) for s in pageformat.SECTIONS]
    known = [name for name, _ in sections]
    lines = dict(found)
    missing = [name for name, required in sections if required and name not in texts]
    for name, number in found:
        if name not in known:
            # A misnamed section is one mistake: name the missing section it stands for.
            near = difflib.get_close_matches(name, missing, n=1, cutoff=0.0) or \
                difflib.get_close_matches(name, known, n=1)
            if near and near[0] in missing:
                missing.remove(near[0])
                hint = f"is it '## {near[0]}', which is missing? "
            else:
                hint = f"did you mean '## {near[0]}'? " if near else ""
            errors.append(ContentError(
                where, f"unknown section '## {name}'; {hint}sections are: {', '.join(known)} "
                "(use '###' for subsections)", number))
    for name in missing:
        after = [n for n, _ in sections[known.index(name) + 1:] if n in lines]
        errors.append(ContentError(
            where, f"the section '## {name}' is missing; add it"
            + (f" before '## {after[0]}'" if after else " at the end")
            + f" (sections: {', '.join(known)})",
            lines[after[0]] if after else None))
    for name, _ in sections:
        if name in texts and not "".join(texts[name]).strip():
            errors.append(ContentError(
                where, f"the section '## {name}' is empty; write it or, if it is optional, "
                "remove the heading", lines[name]))
    seen: list[str] = []
    for name, number in found:
        if name not in known:
            continue
        if name in seen:
            errors.append(ContentError(where, f"the section '## {name}' appears twice; "
                                       "each section appears once", number))
        elif seen and known.index(name) < known.index(seen[-1]):
            errors.append(ContentError(
                where, f"'## {name}' must come before '## {seen[-1]}' (sections, in order: "
                f"{', '.join(known)})", number))
        seen.append(name)
    if first_text is not None:
        errors.append(ContentError(where, "the body must begin with '## Short answer'",
                                   first_text))
    return ({name: "\n".join(lines_).strip() for name, lines_ in texts.items()}, errors)
