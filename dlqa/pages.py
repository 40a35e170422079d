"""Markdown for the pages the build generates from the catalogue.

Paths are docs-relative; links inside each page are relative to that page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import cache
from html import escape

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from dlqa import pageformat
from dlqa.catalogue import Catalogue
from dlqa.model import Question
from dlqa.search import glossary


def _link(q: Question, from_page: str) -> str:
    target = posixpath.relpath(q.path, posixpath.dirname(from_page) or ".")
    return f"[{q.title}]({target})"


class _Links:
    """Links from one generated page to questions, as HTML with the URLs MkDocs would
    write. The listing pages link every question; as Markdown their links were a tenth of
    a 200-page build. A title shows as text, as in the navigation."""

    def __init__(self, from_page: str, directory_urls: bool):
        self.directory_urls = directory_urls
        self.here = _site_url(from_page, directory_urls)

    def __call__(self, q: Question, attributes: str = "") -> str:
        url = get_relative_url(_site_url(q.path, self.directory_urls), self.here)
        return f'<a{attributes} href="{escape(url)}">{escape(q.title, quote=False)}</a>'


@cache  # every listing page links the same questions
def _site_url(path: str, directory_urls: bool) -> str:
    return File(path, None, "", directory_urls).url


def _html_list(tag: str, items: list[str]) -> list[str]:
    """A raw HTML list block (Markdown passes it through), or nothing for no items."""
    if not items:
        return []
    return [f"<{tag}>", *(f"<li>{item}</li>" for item in items), f"</{tag}>"]


def topic_page(catalogue: Catalogue, topic: str) -> str:
    """A topic's page: its questions in the editors' reading order, each with its level."""
    info = catalogue.repo.topics[topic]
    questions = catalogue.in_reading_order(topic)
    link = _Links(f"{topic}/index.md", catalogue.repo.directory_urls)
    # The id lets the practice mode of the study script show each short answer here.
    items = [link(q, f' data-dlqa-id="{escape(q.id)}"') + f" <em>({escape(q.level)})</em>"
             for q in questions]
    return "\n".join([
        "---", f"title: {info.title}", "---", "", f"# {info.title}", "",
        f"{info.description} {len(questions)} questions, in reading order.", "",
        *_html_list("ol", items), "",
    ])


HOME_TOPICS_MARKER = "<!-- dlqa:topics -->"
# The study pages' level controls, made from dlqa.pageformat.LEVELS.
LEVEL_OPTIONS_MARKER = "<!-- dlqa:level-options -->"
LEVEL_INPUTS_MARKER = "<!-- dlqa:level-inputs -->"
_SECTION_HEADING = re.compile(r"^## (.+?)\s*$", re.MULTILINE)


def label_sections(markdown: str) -> str:
    """Give each known section heading its practice-mode label (`data-dlqa-label`), which
    the study script shows on the section's button ("Show answer")."""
    labels = pageformat.section_labels()

    def label(match: re.Match) -> str:
        heading = match.group(1)
        if heading not in labels:
            return match.group(0)
        return f'## {heading} {{ data-dlqa-label="{labels[heading]}" }}'
    return _SECTION_HEADING.sub(label, markdown)


def level_controls(markdown: str) -> str:
    """The study pages' level <option>s and per-level number inputs."""
    options = "\n".join(f'<option value="{level}">{label}</option>'
                        for level, label in pageformat.LEVELS.items())
    defaults = (2, 2, 1)
    inputs = "\n".join(
        f'<label for="dlqa-mock-{level}">{label}</label>\n<input type="number" '
        f'id="dlqa-mock-{level}" name="{level}" min="0" max="20" '
        f'value="{defaults[i] if i < len(defaults) else 1}">'
        for i, (level, label) in enumerate(pageformat.LEVELS.items()))
    return (markdown.replace(LEVEL_OPTIONS_MARKER, options)
            .replace(LEVEL_INPUTS_MARKER, inputs))


def home_topics(catalogue: Catalogue) -> str:
    """The home page's topic list, with each topic's question count and the total, so the
    home page always states what the encyclopedia holds."""
    lines = [f"{len(catalogue.questions)} questions in {len(catalogue.repo.topics)} topics:", ""]
    for topic, info in catalogue.repo.topics.items():
        count = sum(q.topic == topic for q in catalogue.questions)
        lines.append(f"- [{info.title}]({topic}/index.md) ({count}): {info.description}")
    return "\n".join(lines) + "\n"


def levels_page(catalogue: Catalogue) -> str:
    lines = ["# Questions by level", "",
             "Every question, grouped by the level at which interviewers usually ask it.", ""]
    link = _Links("levels.md", catalogue.repo.directory_urls)
    for level, label in pageformat.LEVELS.items():
        chosen = sorted((q for q in catalogue.questions if q.level == level),
                        key=lambda q: q.title)
        lines += [f"## {label} ({len(chosen)})", ""]
        lines += _html_list("ul", [link(q) for q in chosen])
        lines.append("")
    return "\n".join(lines)


def tags_page(catalogue: Catalogue) -> str:
    lines = ["# Questions by tag", ""]
    link = _Links("tags.md", catalogue.repo.directory_urls)
    for tag, meaning in sorted(catalogue.repo.tags.items()):
        chosen = sorted((q for q in catalogue.questions if tag in q.tags),
                        key=lambda q: q.title)
        if chosen:
            lines += [f"## {tag}", "", f"{meaning.capitalize()}.", ""]
            lines += _html_list("ul", [link(q) for q in chosen])
            lines.append("")
    return "\n".join(lines)


def sources_index_page(catalogue: Catalogue) -> str:
    answered = catalogue.by_ref()
    lines = ["# Seed question lists", "",
             ("The public interview-question lists this encyclopedia covers. Each list links "
              "every one of its questions to the page that answers it."), "",
             "| list | publisher | questions | covered |", "|---|---|---|---|"]
    for source in catalogue.repo.seeds.lists.values():
        covered = sum(q.ref in answered for q in source.questions)
        lines.append(f"| [{source.title}]({source.id}.md) | {source.publisher} | "
                     f"{len(source.questions)} | {covered} |")
    return "\n".join(lines) + "\n"


def source_page(catalogue: Catalogue, source_id: str) -> str:
    source = catalogue.repo.seeds.lists[source_id]
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
    pages[glossary.PAGE] = glossary.page(
        catalogue.glossary, {q.id: (q.title, q.path) for q in catalogue.questions})
    for source_id in catalogue.repo.seeds.lists:
        pages[f"sources/{source_id}.md"] = source_page(catalogue, source_id)
    guide = catalogue.repo.root / "CONTRIBUTING.md"
    if guide.is_file():
        pages["contributing/index.md"] = contributing_page(guide.read_text(encoding="utf-8"))
    return pages


# Generated pages that have a source file to edit, relative to the checkout (Material's edit
# button links to it; the other generated pages are made from the catalogue alone).
EDIT_SOURCES = {"contributing/index.md": "CONTRIBUTING.md"}


def contributing_page(guide: str) -> str:
    """CONTRIBUTING.md as a site page, so the guide has one source.

    Its examples show `--8<--` include lines; pymdownx.snippets would expand them here, so
    they are escaped with its `;` prefix, which it strips when it renders them.
    """
    return re.sub(r"^(\s*)--8<--", r"\1;--8<--", guide, flags=re.MULTILINE)


def question_header(q: Question) -> str:
    """The title and the other phrasings, which the build puts above the answer (the level
    and tags line goes in after Markdown: `question_meta`).

    The phrasings come first on the page so that search ranks a page by every way its
    question is asked. They stay Markdown because they may hold inline math or code.
    """
    lines = [f"# {q.title}", ""]
    if q.aliases:
        lines += ["Also asked as: " + " · ".join(f"*{a}*" for a in q.aliases),
                  "{ .dlqa-aliases }", ""]
    return "\n".join(lines) + "\n"


def question_meta(q: Question, tags_url: str) -> str:
    """The level and tags line under a question's title, as HTML: made from the catalogue
    alone, it skips Markdown (each tag link cost a link lookup in every page's rendering).
    `tags_url` is the URL of the tags page from the question's page."""
    tags = " ".join(_anchor(f"{tags_url}#{t}", escape(t)) for t in q.tags)
    return (f'<p class="dlqa-meta"><strong>{escape(pageformat.level_label(q.level))}</strong>'
            f" · tags: {tags}</p>\n")


def with_meta(html: str, meta: str) -> str:
    """A question page's HTML with `meta` right after its title (the first heading)."""
    end = html.find("</h1>")
    if end < 0:
        return meta + html
    end += len("</h1>")
    return html[:end] + "\n" + meta.rstrip("\n") + html[end:]


def follow_up_ids(q: Question, catalogue: Catalogue) -> list[str]:
    """The ids of the questions the page's Follow-up questions section links to."""
    here = posixpath.dirname(q.path)
    by_path = catalogue.id_by_path
    found = []
    for target in _MD_LINK.findall(q.sections.get("Follow-up questions", "")):
        path = posixpath.normpath(posixpath.join(here, target.split("#")[0]))
        if path in by_path and by_path[path] not in found:
            found.append(by_path[path])
    return found


_MD_LINK = re.compile(r"\]\(([^)\s]+\.md(?:#[^)\s]*)?)\)")


def _anchor(url: str, inner_html: str) -> str:
    return f'<a href="{escape(url)}">{inner_html}</a>'


def _seed_citation(seeds, ref: str, href: Callable[[str], str]) -> str:
    seed = seeds.questions[ref]
    source = seeds.lists[seed.list_id]
    return _anchor(f"{href(f'sources/{seed.list_id}.md')}#{ref}",
                   f"{escape(source.publisher)}, <em>{escape(source.title)}</em>, "
                   f"question {seed.number}")


def question_footer(q: Question, catalogue: Catalogue, href: Callable[[str], str],
                    changed: str | None = None, reviewed: str | None = None) -> str:
    """Where the question is asked (the seed lists, by name), the related questions that the
    follow-ups do not already link, the stable id, and the dates of the last change (from
    git) and of the last independent review (reviews/), appended below the answer.

    HTML, not Markdown: it is made from the catalogue alone, and as Markdown it cost a fifth
    of each page's rendering. `href` gives the URL of a docs-relative page from this one.
    """
    seeds = catalogue.repo.seeds
    parts = []
    if q.seed_refs:
        cites = "; ".join(_seed_citation(seeds, ref, href) for ref in q.seed_refs)
        parts.append(f'<p class="dlqa-sources">Asked in: {cites}.</p>')
    follow = set(follow_up_ids(q, catalogue))
    related = ", ".join(
        _anchor(href(catalogue.by_id[r].path), escape(catalogue.by_id[r].title))
        for r in q.related if r in catalogue.by_id and r not in follow
    )
    if related:
        parts.append(f"<p>Related: {related}.</p>")
    stamp = f"Question id: <code>{escape(q.id)}</code>"
    if changed:
        stamp += f' · last changed <time datetime="{changed}">{changed}</time>'
    if reviewed:
        stamp += f' · last reviewed <time datetime="{reviewed}">{reviewed}</time>'
    parts.append(f'<p class="dlqa-id">{stamp}</p>')
    return "\n".join(parts) + "\n"


def navigation(catalogue: Catalogue, after: list) -> list:
    """The site navigation: home, one section per topic, the browse pages, then `after`."""
    nav: list = [{"Home": "index.md"}]
    for topic, info in catalogue.repo.topics.items():
        questions = catalogue.in_reading_order(topic)
        nav.append({info.title: [f"{topic}/index.md", *(q.path for q in questions)]})
    sources = [f"sources/{s}.md" for s in catalogue.repo.seeds.lists]
    nav.append({"Browse": ["levels.md", "tags.md", glossary.PAGE,
                           {"Seed lists": ["sources/index.md", *sources]}]})
    return nav + list(after)
