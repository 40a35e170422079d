"""MkDocs hooks: thin glue between MkDocs and the dlqa package.

Each hook calls plain functions in dlqa; the logic lives there so the CLI and the tests
use the same code.
"""

from __future__ import annotations

import datetime
import logging
import shutil
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from dlqa import (
    __version__,
    anki,
    buildlog,
    figures,
    gitdates,
    htmlcheck,
    pageassets,
    pages,
    searchindex,
    study,
)
from dlqa.catalogue import Catalogue, load_catalogue
from dlqa.errors import ContentError, ContentErrors
from dlqa.mathrender import KatexRenderer, MathError, source_line
from dlqa.repo import Repo
from dlqa.snippets import run_page_snippets, write_output

log = logging.getLogger("mkdocs.hooks.dlqa")
# Pages rendered by mkdocstrings: only their headings are searched, only they get its CSS.
API_PAGES = frozenset({"contributing/api.md"})
_state: dict = {}


def _fail(errors: list) -> None:
    raise PluginError("\n".join(str(e) for e in errors))


def on_config(config):
    """Check every page against the others; build the navigation from the catalogue."""
    repo = Repo(Path(config.config_file_path).parent)
    try:
        catalogue = load_catalogue(repo)
    except ContentErrors as exc:
        _fail(exc.errors)
    buildlog.install(repo.docs_dir)
    _state.update(repo=repo, catalogue=catalogue, dates=gitdates.last_changed(repo.root))
    config.extra.update(
        dlqa_question_count=len(catalogue.questions), dlqa_version=__version__,
        dlqa_date=datetime.date.today().isoformat(),
    )
    if not config.nav:
        config.nav = pages.navigation(catalogue, config.extra.get("nav_after", []))
    return config


def on_pre_build(config):
    """Run every snippet so the pages can include its output."""
    repo: Repo = _state["repo"]
    catalogue: Catalogue = _state["catalogue"]
    results, failures = run_page_snippets(catalogue, progress=log.info)
    if failures:
        _fail(failures)
    for result in results:
        write_output(result, repo)
    _state["figures"] = {figures.site_path(r.path, name): svg.encode()
                         for r in results for name, svg in r.figures.items()}
    ran = [r for r in results if not r.cached]
    log.info("dlqa: %d questions, %d snippets (%d run, %d cached)",
             len(catalogue.questions), len(results), len(ran), len(results) - len(ran))
    _state["katex"] = KatexRenderer(repo.root / "node_modules" / "katex",
                                    repo.cache_dir / "katex.json")
    _state["answers"] = {}  # question id -> rendered short answer, for the study modes


def on_files(files, config):
    catalogue: Catalogue = _state["catalogue"]
    # Listing pages: generated here, or rendered by mkdocstrings; the search index keeps
    # only their headings (on_post_build), at the URLs MkDocs gives them.
    _state["listing_urls"] = {f.url for f in map(files.get_file_from_path, API_PAGES) if f}
    for path, content in pages.generated_pages(catalogue).items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        generated = File.generated(config, path, content=content)
        if path in pages.EDIT_SOURCES:
            generated.edit_uri = pages.EDIT_SOURCES[path]
        files.append(generated)
        _state["listing_urls"].add(generated.url)
    files.append(File.generated(config, study.CATALOGUE_JS, content=study.catalogue_js(
        catalogue, config.use_directory_urls)))
    for path, svg in _state["figures"].items():  # drawn by the snippets (dlqa.figures)
        files.append(File.generated(config, path, content=svg))
    return files


def on_page_markdown(markdown, page, config, files):
    if pages.HOME_TOPICS_MARKER in markdown:
        return markdown.replace(pages.HOME_TOPICS_MARKER, pages.home_topics(_state["catalogue"]))
    question = _state["catalogue"].by_id.get(Path(page.file.src_uri).stem)
    if question is None or question.path != page.file.src_uri:
        return markdown
    page.meta["dlqa_id"] = question.id
    # Material's search indexes meta "tags" with a boost of a million, so one prefix match
    # on a tag ("at" -> "attention") would outrank every title; the page shows its tags itself.
    page.meta.pop("tags", None)
    changed = gitdates.page_changed(_state["dates"], question.path, question.snippets)
    reviewed = _state["catalogue"].reviewed.get(f"{question.topic}/{question.id}")
    return (pages.question_header(question) + markdown
            + pages.question_footer(question, _state["catalogue"], changed, reviewed))


def on_page_content(html, page, config, files):
    """Reject anything in the page's own HTML outside the allowlist (dlqa.htmlcheck)."""
    problems = htmlcheck.page_errors(html, page.file.src_uri, page.file.content_string,
                                     api_pages=API_PAGES)
    if problems:
        _fail(problems)
    return html


def on_post_page(output, page, config):
    """Render math after the search plugin has indexed the page, so the index keeps TeX."""
    output = pageassets.drop_assets(
        output, pageassets.unused_assets(page.file.src_uri, API_PAGES))
    try:
        output = _state["katex"].render_html(output, f"docs/{page.file.src_uri}")
    except MathError as exc:
        exc.line = source_line(page.file.content_string, exc.tex)
        _fail([exc])
    if "dlqa_id" in page.meta:
        try:
            _state["answers"][page.meta["dlqa_id"]] = study.short_answer_html(output, page.url)
        except ValueError as exc:
            _fail([ContentError(f"docs/{page.file.src_uri}", str(exc))])
    return output


@event_priority(-110)  # after offline has written its files
def on_post_build(config):
    """Write the catalogue, the study answers and the Anki deck, slim the search index,
    copy the pinned JavaScript assets."""
    site = Path(config.site_dir)
    repo: Repo = _state["repo"]
    _state["katex"].save()
    catalogue: Catalogue = _state["catalogue"]
    urls = config.use_directory_urls
    searchindex.rewrite(site, {q.site_url(urls): q.aliases for q in catalogue.questions},
                        _state["listing_urls"],
                        full_copy=repo.cache_dir / "search_index.full.json")
    study.write_answer_scripts(site, _state["answers"], _state["catalogue"])
    (site / "questions.json").write_text(
        _state["catalogue"].to_json(config.use_directory_urls), encoding="utf-8")
    started = time.perf_counter()
    try:
        notes = anki.export(_state["catalogue"], config.site_url, site / "dlqa.apkg",
                            repo.cache_dir)
    except ValueError as exc:
        _fail([exc])
    log.info("dlqa: wrote dlqa.apkg (%d notes) in %.2f s", notes, time.perf_counter() - started)
    modules = repo.root / "node_modules"
    target = site / "assets" / "katex"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(modules / "katex" / "dist" / "katex.min.css", target / "katex.min.css")
    shutil.copytree(modules / "katex" / "dist" / "fonts", target / "fonts", dirs_exist_ok=True)
    shim = site / "assets" / "iframe-worker" / "shim.js"
    shim.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(modules / "iframe-worker" / "shim" / "index.js", shim)
