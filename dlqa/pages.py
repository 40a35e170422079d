"""Markdown for the pages the build generates from the catalogue.

Paths are docs-relative; links inside each page are relative to that page.
"""

from __future__ import annotations

import posixpath
import re

from dlqa.catalogue import Catalogue
from dlqa.model import LEVELS, Question


def _link(q: Question, from_page: str) -> str:
    target = posixpath.relpath(q.path, posixpath.dirname(from_page) or ".")
    return f"[{q.title}]({target})"


def _by_level(questions: list[Question], from_page: str) -> list[str]:
    lines = []
    for level in LEVELS:
        chosen = [q for q in questions if q.level == level]
        if chosen:
            lines += [f"### {level.capitalize()}", ""]
            # The id lets the practice mode of the study script show each short answer here.
            lines += [f'- {_link(q, from_page)}{{ data-dlqa-id="{q.id}" }}'
                      for q in sorted(chosen, key=lambda q: q.title)]
            lines.append("")
    return lines


def topic_page(catalogue: Catalogue, topic: str) -> str:
    info = catalogue.repo.topics[topic]
    questions = [q for q in catalogue.questions if q.topic == topic]
    path = f"{topic}/index.md"
    return "\n".join([
        "---", f"title: {info.title}", "---", "", f"# {info.title}", "",
        f"{info.description} {len(questions)} questions.", "",
        *_by_level(questions, path),
    ])


def levels_page(catalogue: Catalogue) -> str:
    lines = ["# Questions by level", "",
             "Every question, grouped by the level at which interviewers usually ask it.", ""]
    for level in LEVELS:
        chosen = sorted((q for q in catalogue.questions if q.level == level),
                        key=lambda q: q.title)
        lines += [f"## {level.capitalize()} ({len(chosen)})", ""]
        lines += [f"- {_link(q, 'levels.md')}" for q in chosen]
        lines.append("")
    return "\n".join(lines)


def tags_page(catalogue: Catalogue) -> str:
    lines = ["# Questions by tag", ""]
    for tag, meaning in sorted(catalogue.repo.tags.items()):
        chosen = sorted((q for q in catalogue.questions if tag in q.tags),
                        key=lambda q: q.title)
        if chosen:
            lines += [f"## {tag}", "", f"{meaning.capitalize()}.", ""]
            lines += [f"- {_link(q, 'tags.md')}" for q in chosen]
            lines.append("")
    return "\n".join(lines)


def sources_index_page(catalogue: Catalogue) -> str:
    answered = catalogue.by_ref()
    lines = ["# Seed question lists", "",
             ("The public interview-question lists this encyclopedia covers. Each list links "
              "every one of its questions to the page that answers it."), "",
             "| list | publisher | questions | covered |", "|---|---|---|---|"]
    for source in catalogue.repo.seeds.sources.values():
        covered = sum(q.ref in answered for q in source.questions)
        lines.append(f"| [{source.title}]({source.id}.md) | {source.publisher} | "
                     f"{len(source.questions)} | {covered} |")
    return "\n".join(lines) + "\n"


def source_page(catalogue: Catalogue, source_id: str) -> str:
    source = catalogue.repo.seeds.sources[source_id]
    answered = catalogue.by_ref()
    covered = sum(q.ref in answered for q in source.questions)
    path = f"sources/{source_id}.md"
    lines = [f"# {source.title}", "", f"Publisher: {source.publisher}. {source.note}.", "",
             f"{covered} of {len(source.questions)} questions are answered here.", "",
             "| ref | question as the list asks it | answered by |", "|---|---|---|"]
    for seed in source.questions:
        page = answered.get(seed.ref)
        answer = _link(page, path) if page else "not yet answered"
        lines.append(f'| <span id="{seed.ref}">{seed.ref}</span> | {seed.question} | {answer} |')
    return "\n".join(lines) + "\n"


def generated_pages(catalogue: Catalogue) -> dict[str, str]:
    """Every generated page: docs-relative path -> Markdown."""
    pages = {f"{topic}/index.md": topic_page(catalogue, topic)
             for topic in catalogue.repo.topics}
    pages["levels.md"] = levels_page(catalogue)
    pages["tags.md"] = tags_page(catalogue)
    pages["sources/index.md"] = sources_index_page(catalogue)
    for source_id in catalogue.repo.seeds.sources:
        pages[f"sources/{source_id}.md"] = source_page(catalogue, source_id)
    guide = catalogue.repo.root / "CONTRIBUTING.md"
    if guide.is_file():
        pages["contributing/index.md"] = contributing_page(guide.read_text(encoding="utf-8"))
    return pages


# Generated pages that have a source file to edit, as a path relative to docs/ (Material's
# edit button links to it; the other generated pages are made from the catalogue alone).
EDIT_SOURCES = {"contributing/index.md": "../CONTRIBUTING.md"}


def contributing_page(guide: str) -> str:
    """CONTRIBUTING.md as a site page, so the guide has one source.

    Its examples show `--8<--` include lines; pymdownx.snippets would expand them here, so
    they are escaped with its `;` prefix, which it strips when it renders them.
    """
    return re.sub(r"^(\s*)--8<--", r"\1;--8<--", guide, flags=re.MULTILINE)


def question_header(q: Question) -> str:
    """The title, level, tags and other phrasings, which the build puts above the answer.

    The phrasings come first on the page so that search ranks a page by every way its
    question is asked.
    """
    tags = " ".join(f"[{t}](../tags.md#{t})" for t in q.tags)
    lines = [f"# {q.title}", "", f"**{q.level.capitalize()}** · tags: {tags}",
             "{ .dlqa-meta }", ""]
    if q.aliases:
        lines += ["Also asked as: " + " · ".join(f"*{a}*" for a in q.aliases),
                  "{ .dlqa-aliases }", ""]
    return "\n".join(lines) + "\n"


def question_footer(q: Question, catalogue: Catalogue, changed: str | None = None) -> str:
    """Seed sources, related questions, the stable id and the date of the last change
    (from git, when known), appended below the answer."""
    seeds = catalogue.repo.seeds.questions
    parts = ["", ""]
    cites = ", ".join(
        f"[{ref}](../sources/{seeds[ref].source}.md#{ref})" for ref in q.sources
    ) or "none (an interviewers' favourite that the seed lists do not ask)"
    related = ", ".join(
        _link(catalogue.by_id[r], q.path) for r in q.related if r in catalogue.by_id
    )
    parts += [f"Seed sources: {cites}.", "{ .dlqa-sources }", ""]
    if related:
        parts += [f"Related: {related}.", ""]
    stamp = f"Question id: `{q.id}`"
    if changed:
        stamp += f" · last changed <time datetime=\"{changed}\">{changed}</time>"
    parts += [stamp, "{ .dlqa-id }", ""]
    return "\n".join(parts)


def navigation(catalogue: Catalogue, after: list) -> list:
    """The site navigation: home, one section per topic, the browse pages, then `after`."""
    nav: list = [{"Home": "index.md"}]
    rank = {level: i for i, level in enumerate(LEVELS)}
    for topic, info in catalogue.repo.topics.items():
        questions = sorted((q for q in catalogue.questions if q.topic == topic),
                           key=lambda q: (rank[q.level], q.title))
        nav.append({info.title: [f"{topic}/index.md", *(q.path for q in questions)]})
    sources = [f"sources/{s}.md" for s in catalogue.repo.seeds.sources]
    nav.append({"Browse": ["levels.md", "tags.md", {"Seed lists": ["sources/index.md",
                                                                   *sources]}]})
    return nav + list(after)
