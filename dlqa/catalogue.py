"""The catalogue: every question page, checked against each other and the seed registry."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import metadata
from pathlib import Path

from dlqa import cachefile
from dlqa.errors import ContentError, ContentErrors, did_you_mean, source_line
from dlqa.frontcache import FrontMatterCache
from dlqa.model import Question
from dlqa.repo import Repo
from dlqa.reviews import last_reviewed, load_reviews
from dlqa.search import glossary, terms


@dataclass
class Catalogue:
    """Every question of a checkout, loaded together, with lookups by id."""

    repo: Repo
    questions: list[Question]  # not changed after loading: by_id is computed once
    reviewed: dict[str, str] = field(default_factory=dict)  # topic/id -> last review date
    search_terms: dict[str, list[str]] = field(default_factory=dict)  # id -> extra search terms
    glossary: list[glossary.Entry] = field(default_factory=list)

    @cached_property
    def by_id(self) -> dict[str, Question]:
        # Cached: the build looks pages up by id several times for every page.
        return {q.id: q for q in self.questions}

    @cached_property
    def id_by_path(self) -> dict[str, str]:
        # Both come from the page's file, so they stay true when dlqa serve swaps a question.
        return {q.path: q.id for q in self.questions}

    def in_reading_order(self, topic: str) -> list[Question]:
        """A topic's questions in the order its editors chose (data/topics.yaml)."""
        order = {qid: i for i, qid in enumerate(self.repo.topics[topic].questions)}
        return sorted((q for q in self.questions if q.topic == topic),
                      key=lambda q: (order.get(q.id, len(order)), q.title))

    def by_ref(self) -> dict[str, Question]:
        """Seed ref -> the page that answers it."""
        return {ref: q for q in self.questions for ref in q.seed_refs}

    def to_json(self, directory_urls: bool = True) -> str:
        """site/questions.json: one object per question."""
        return json.dumps([q.catalogue_entry(directory_urls) for q in self.questions],
                          indent=1, ensure_ascii=False)


def question_files(repo: Repo) -> list[Path]:
    """Every question page: <docs_dir>/<topic>/<id>.md for the topics of data/topics.yaml."""
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
    files = question_files(repo)
    known = FrontMatterCache(repo.cache_dir)
    for path in files:
        try:
            questions.append(Question.from_file(path, repo, known))
        except ContentErrors as exc:
            errors.extend(exc.errors)
    known.save()
    try:
        reviewed = last_reviewed(load_reviews(repo.root / "reviews", repo.root))
    except ContentError as exc:
        errors.append(exc)
        reviewed = {}
    # Checked with the pages, so a typo fails `dlqa check --no-run`, not a whole build.
    ids = {p.stem for p in files}
    try:
        search_terms = terms.load(repo.data_dir / terms.FILE, ids)
    except ContentErrors as exc:
        errors.extend(exc.errors)
        search_terms = {}
    try:
        entries = glossary.load(repo.data_dir / glossary.FILE, ids)
    except ContentErrors as exc:
        errors.extend(exc.errors)
        entries = []
    catalogue = Catalogue(repo, questions, reviewed, search_terms, entries)
    if check:
        # A page that failed to parse still exists: its id is the file name, so a typo in
        # it gives one error, not one more on every page that links to it.
        errors.extend(cross_check(catalogue, known_ids={p.stem for p in files}))
    if errors:
        raise ContentErrors(errors)
    return catalogue


def cross_check(catalogue: Catalogue, known_ids: set[str] | None = None) -> list[ContentError]:
    """Problems that involve more than one page, or a page and the repository's data.
    `known_ids` are ids that exist besides the parsed pages' (pages that failed to parse)."""
    repo = catalogue.repo
    errors = []
    seeds = repo.seeds.questions
    seen_ids: dict[str, Question] = {}
    cited: dict[str, Question] = {}
    ids = {q.id for q in catalogue.questions} | (known_ids or set())
    for q in catalogue.questions:
        where = q.file
        if q.id in seen_ids:
            errors.append(ContentError(
                where, f"duplicate id {q.id!r}: {seen_ids[q.id].file} has it too; "
                "ids are unique across topics", q.field_line("id")))
        seen_ids.setdefault(q.id, q)
        for ref in q.seed_refs:
            line = q.field_line("sources", ref)
            if ref not in seeds:
                errors.append(ContentError(
                    where, f"seed ref {ref!r} does not exist in data/sources/;"
                    f"{did_you_mean(ref, seeds)} use a ref exactly as listed there", line))
            elif ref in cited:
                errors.append(ContentError(
                    where, f"seed ref {ref!r} is also cited by {cited[ref].file}; "
                    "a seed question is answered on one page only", line))
            else:
                cited[ref] = q
        for name in ("related", "distinct"):
            for other in getattr(q, name):
                if other not in ids:
                    errors.append(ContentError(
                        where, f"{name} id {other!r} does not exist;"
                        f"{did_you_mean(other, ids)} use the id of an existing question",
                        q.field_line(name, other)))
        missing = [path for path in q.snippets if not (repo.root / path).is_file()]
        for path in missing:
            errors.append(ContentError(where, f"snippet {path} does not exist",
                                       q.include_line(path)))
        for path in q.outputs if not missing else ():
            expected = "snippets/" + path.removeprefix("outputs/").removesuffix(".txt") + ".py"
            if expected not in q.snippets:
                errors.append(ContentError(
                    where, f"output {path} must follow the page's own include of {expected}",
                    q.include_line(path)))
    errors.extend(reading_order_problems(catalogue, ids))
    errors.extend(near_duplicates(catalogue))
    return errors



def reading_order_problems(catalogue: Catalogue, ids: set[str]) -> list[ContentError]:
    """Each topic in data/topics.yaml lists its questions in reading order: every question
    of the topic once, and nothing else. `ids` are all existing ids (parsed or not)."""
    repo = catalogue.repo
    where = "data/topics.yaml"
    text = (repo.data_dir / "topics.yaml").read_text(encoding="utf-8").splitlines()

    def line(qid: str) -> int | None:
        return next((n for n, t in enumerate(text, 1) if t.strip() == f"- {qid}"), None)

    errors = []
    parsed = {q.id for q in catalogue.questions}
    for topic, info in repo.topics.items():
        pages = {q.id: q for q in catalogue.questions if q.topic == topic}
        listed = list(info.questions)
        for qid in sorted(set(listed)):
            if listed.count(qid) > 1:
                errors.append(ContentError(where, f"{qid!r} is listed twice in the reading "
                                           f"order of topic {topic!r}", line(qid)))
        for qid in listed:
            if qid not in pages and qid not in ids - parsed:
                errors.append(ContentError(
                    where, f"topic {topic!r} lists {qid!r}, which is not a page of "
                    f"{repo.page_file(topic)}/;{did_you_mean(qid, pages)} list only its pages",
                    line(qid)))
        for qid, q in sorted(pages.items()):
            if qid not in listed:
                errors.append(ContentError(
                    q.file, f"the page is not in the reading order of topic "
                    f"{topic!r}: add '{qid}' to its questions in data/topics.yaml, where a "
                    "reader should meet it", 1))
    return errors


def _phrasing_line(q: Question, phrasing: str) -> int | None:
    return source_line(q.front_text, phrasing, start=2) or q.field_line("title")


def _similar_pairs(catalogue: Catalogue) -> dict[tuple[str, str], tuple[float, str, str]]:
    """dlqa.dedup.similar_pairs of the pages' phrasings, as (score, phrasing, query), kept in
    the repository's cache under a hash of the phrasings and of the code that scores them: it
    grows faster than the page count (0.9 s at 3,000 synthetic pages) and most builds change
    no title or alias. On a hit the measure is not even imported (dedup and rapidfuzz, about
    20 ms of a build's fixed cost)."""
    pages = {q.id: q.phrasings for q in catalogue.questions}
    name = cachefile.key(json.dumps(pages, sort_keys=True),
                         Path(__file__).with_name("dedup.py").read_bytes(),
                         *(metadata.version(package) for package in ("rapidfuzz", "PyStemmer")))
    cached = catalogue.repo.cache_dir / "near-duplicates" / f"{name}.json"
    kept = cachefile.read_json(cached)
    if kept is not None:
        return {(a, b): (score, phrasing, query) for a, b, score, phrasing, query in kept}
    from dlqa import dedup

    pairs = {key: (m.score, m.phrasing, m.query)
             for key, m in dedup.similar_pairs(pages).items()}
    cachefile.write_json(cached, [[a, b, *match] for (a, b), match in pairs.items()])
    return pairs


def _threshold() -> float:
    from dlqa import dedup  # only when there is a duplicate to report

    return dedup.THRESHOLD


def near_duplicates(catalogue: Catalogue) -> list[ContentError]:
    """A pair of pages whose phrasings are near-duplicates, unless declared distinct."""
    pairs = _similar_pairs(catalogue)
    by_id = catalogue.by_id
    errors = []
    for (a_id, b_id), (score, phrasing, query) in pairs.items():
        a, b = by_id[a_id], by_id[b_id]
        if b.id in a.distinct and a.id in b.distinct:
            continue
        errors.append(ContentError(
            a.file,
            f"near-duplicate of {b.file} (score {score:.0f} >= "
            f"{_threshold():.0f}): {query!r} ~ {phrasing!r}; merge the "
            f"pages (add the phrasing as an alias) or, if they are different questions, "
            f"list each other's id under 'distinct' on both pages",
            _phrasing_line(a, query)))
    return errors
