"""The catalogue: every question page, checked against each other and the seed registry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from dlqa import dedup
from dlqa.errors import ContentError, ContentErrors
from dlqa.model import Question
from dlqa.repo import Repo


@dataclass
class Catalogue:
    """Every question of a checkout, loaded together, with lookups by id."""

    repo: Repo
    questions: list[Question]  # not changed after loading: by_id is computed once

    @cached_property
    def by_id(self) -> dict[str, Question]:
        # Cached: the build looks pages up by id several times for every page.
        return {q.id: q for q in self.questions}

    def by_ref(self) -> dict[str, Question]:
        """Seed ref -> the page that answers it."""
        return {ref: q for q in self.questions for ref in q.sources}

    def to_json(self, directory_urls: bool = True) -> str:
        """site/questions.json: one object per question."""
        return json.dumps([q.catalogue_entry(directory_urls) for q in self.questions],
                          indent=1, ensure_ascii=False)


def question_files(repo: Repo) -> list[Path]:
    """Every question page: docs/<topic>/<id>.md for the topics of data/topics.yaml."""
    files = []
    for folder in sorted(p for p in repo.docs_dir.iterdir() if p.is_dir()):
        if folder.name in repo.topics:
            files.extend(p for p in sorted(folder.glob("*.md")) if p.name != "index.md")
    return files


def load_catalogue(repo: Repo, check: bool = True) -> Catalogue:
    """Parse every page; with `check`, also run the checks across pages.

    Raises ContentErrors listing every problem found, one line each.
    """
    errors: list[ContentError] = []
    questions = []
    for path in question_files(repo):
        try:
            questions.append(Question.from_file(path, repo))
        except ContentError as exc:
            errors.append(exc)
    catalogue = Catalogue(repo, questions)
    if check:
        errors.extend(cross_check(catalogue))
    if errors:
        raise ContentErrors(errors)
    return catalogue


def cross_check(catalogue: Catalogue) -> list[ContentError]:
    """Problems that involve more than one page, or a page and the repository's data."""
    repo = catalogue.repo
    errors = []
    seeds = repo.seeds.questions
    seen_ids: dict[str, Question] = {}
    cited: dict[str, Question] = {}
    ids = {q.id for q in catalogue.questions}
    for q in catalogue.questions:
        where = f"docs/{q.path}"
        if q.id in seen_ids:
            errors.append(ContentError(
                where, f"duplicate id {q.id!r}: docs/{seen_ids[q.id].path} has it too; "
                "ids are unique across topics"))
        seen_ids.setdefault(q.id, q)
        for ref in q.sources:
            if ref not in seeds:
                errors.append(ContentError(
                    where, f"seed ref {ref!r} does not exist in data/sources/; "
                    "use a ref exactly as listed there"))
            elif ref in cited:
                errors.append(ContentError(
                    where, f"seed ref {ref!r} is also cited by docs/{cited[ref].path}; "
                    "a seed question is answered on one page only"))
            else:
                cited[ref] = q
        for field in ("related", "distinct"):
            for other in getattr(q, field):
                if other not in ids:
                    errors.append(ContentError(
                        where, f"{field} id {other!r} does not exist; use the id of an "
                        "existing question"))
        for path in q.snippets:
            if not (repo.root / path).is_file():
                errors.append(ContentError(where, f"snippet {path} does not exist"))
        for path in q.outputs:
            expected = "snippets/" + path.removeprefix("outputs/").removesuffix(".txt") + ".py"
            if expected not in q.snippets:
                errors.append(ContentError(
                    where, f"output {path} must follow the page's own include of {expected}"))
    errors.extend(near_duplicates(catalogue))
    return errors


def near_duplicates(catalogue: Catalogue) -> list[ContentError]:
    """A pair of pages whose phrasings are near-duplicates, unless declared distinct."""
    pairs = dedup.similar_pairs({q.id: q.phrasings for q in catalogue.questions})
    by_id = catalogue.by_id
    errors = []
    for (a_id, b_id), match in pairs.items():
        a, b = by_id[a_id], by_id[b_id]
        if b.id in a.distinct and a.id in b.distinct:
            continue
        errors.append(ContentError(
            f"docs/{a.path}",
            f"near-duplicate of docs/{b.path} (score {match.score:.0f} >= "
            f"{dedup.THRESHOLD:.0f}): {match.query!r} ~ {match.phrasing!r}; merge the "
            f"pages (add the phrasing as an alias) or, if they are different questions, "
            f"list each other's id under 'distinct' on both pages"))
    return errors
