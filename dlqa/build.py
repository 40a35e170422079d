"""One MkDocs build of the encyclopedia, as an object the hooks create and drive.

`hooks/dlqa_hooks.py` holds no state: `on_config` starts a `Build`, every later hook calls one
of its methods, and `on_post_build`, `on_build_error` and `on_shutdown` end it, which saves
the formula cache and stops the KaTeX process whether the build passed or failed. Each build
of `mkdocs serve` is a new `Build`, so nothing outlives the build that made it. Tests can
drive the same methods without MkDocs' command line. `dlqa serve` (dlqa.devserver) marks its
build `serving`: it stays open after `on_post_build`, so that the server can re-render single
pages through the same methods, and ends it when it starts a new full build or stops.
"""

from __future__ import annotations

import datetime
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from mkdocs.utils import get_relative_url

from dlqa import (
    __version__,
    anki,
    buildlog,
    checkout,
    figures,
    firstglyphs,
    gitdates,
    htmlcheck,
    pageassets,
    pages,
    shortanswer,
    study,
)
from dlqa.catalogue import Catalogue, load_catalogue
from dlqa.errors import ContentError, ContentErrors
from dlqa.mathrender import KatexRenderer, MathError, formula_line
from dlqa.repo import Repo
from dlqa.search import site as search_site
from dlqa.snippets import run_page_snippets, write_output

log = logging.getLogger("mkdocs.hooks.dlqa")
SHIM_MODULE = "iframe-worker/shim/index.js"  # in node_modules; inline on every page
# Pages rendered by mkdocstrings: only they get its CSS.
API_PAGES = frozenset({"contributing/api.md"})


class BuildFailed(Exception):
    """Content errors that stop the build; the hooks turn it into MkDocs' PluginError."""

    def __init__(self, errors: list):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass
class Build:
    """Everything one build needs between hooks, and the resources it must release."""

    repo: Repo
    catalogue: Catalogue
    dates: dict[str, str]  # path -> last git change
    katex: KatexRenderer | None = None
    glyph_fonts: firstglyphs.GlyphFonts | None = None  # opened with katex
    drawn: dict[str, bytes] = field(default_factory=dict)  # site path -> SVG (dlqa.figures)
    # question id -> its title, phrasings and short answer as the page renders them
    rendered: dict[str, shortanswer.Rendered] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # URL -> title, pages not questions
    allowlist: htmlcheck.Allowlist | None = None  # opened by start
    # Plugin stylesheets only the API page loads (dlqa.pageassets.take_page_styles).
    page_styles: tuple[str, ...] = ()
    serving: bool = False  # kept open after on_post_build by dlqa.devserver

    # The unfinished builds, by the id of their MkDocs config: MkDocs passes the config to
    # the hooks but not to on_build_error and on_shutdown, which must still end the build.
    _running: ClassVar[dict[int, Build]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    # -- start -------------------------------------------------------------------------
    @classmethod
    def start(cls, config) -> Build:
        """on_config: check every page against the others; set up navigation and extras."""
        cls.end_all()  # a previous build of `mkdocs serve` that never finished
        repo = Repo(Path(config.config_file_path).parent, mkdocs=config)
        committed = checkout.committed_generated_files(repo)
        if committed:
            raise BuildFailed(committed)
        try:
            catalogue = load_catalogue(repo)
        except ContentErrors as exc:
            raise BuildFailed(exc.errors) from None
        buildlog.install(repo)
        build = cls(repo, catalogue, gitdates.last_changed(
            repo.root, (repo.rel(repo.docs_dir), repo.rel(repo.snippets_dir))),
            allowlist=htmlcheck.Allowlist(repo.cache_dir, API_PAGES),
            page_styles=pageassets.take_page_styles(config.extra_css))
        config.extra.update(
            dlqa_question_count=len(catalogue.questions), dlqa_version=__version__,
            dlqa_date=datetime.date.today().isoformat(),
        )
        shim = (repo.root / "node_modules" / SHIM_MODULE).read_text(encoding="utf-8")
        config.extra[pageassets.INLINE] = {
            pageassets.SHIM: pageassets.inline_code(pageassets.SHIM, shim)}
        if not config.nav:
            config.nav = pages.navigation(catalogue, config.extra.get("nav_after", []))
        with cls._lock:
            cls._running[id(config)] = build
        return build

    @classmethod
    def of(cls, config) -> Build:
        """The build that `config` belongs to."""
        return cls._running[id(config)]

    # -- before the pages --------------------------------------------------------------
    def run_snippets(self) -> None:
        """on_pre_build: run every snippet so pages can include its output and figures."""
        results, failures = run_page_snippets(self.catalogue, progress=log.info)
        if failures:
            raise BuildFailed(failures)
        for result in results:
            write_output(result, self.repo)
        self.drawn = {figures.site_path(r.path, name): svg.encode()
                      for r in results for name, svg in r.figures.items()}
        ran = sum(not r.cached for r in results)
        log.info("dlqa: %d questions, %d snippets (%d run, %d cached)",
                 len(self.catalogue.questions), len(results), ran, len(results) - ran)
        self.katex = self._open_katex()
        self.glyph_fonts = firstglyphs.GlyphFonts(
            self.katex.katex_dir / "dist" / "fonts", self.katex.version,
            self.repo.cache_dir / "glyphs")

    def _open_katex(self) -> KatexRenderer:
        return KatexRenderer(self.repo.root / "node_modules" / "katex",
                             self.repo.cache_dir / "katex.json")

    def resume(self, config) -> None:
        """Open this serving build again for `config` after a failed page ended it (a hook
        that fails ends every build), so dlqa.devserver can re-render pages through it."""
        if self.katex is None:
            self.katex = self._open_katex()
        with self._lock:
            self._running[id(config)] = self

    def cache_templates(self, env):
        """on_env: keep the theme's compiled templates between builds (Jinja checks each
        against its source), as compiling them is a fixed cost of every build."""
        from jinja2 import FileSystemBytecodeCache

        folder = self.repo.cache_dir / "templates"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def add_files(self, files, config):
        """on_files: the generated pages, the study catalogue and the snippets' figures."""
        from mkdocs.structure.files import File

        for path, content in pages.generated_pages(self.catalogue).items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            generated = File.generated(config, path, content=content)
            if path in pages.EDIT_SOURCES:  # relative to the docs folder, as MkDocs wants
                generated.edit_uri = os.path.relpath(
                    self.repo.root / pages.EDIT_SOURCES[path], self.repo.docs_dir)
            files.append(generated)
        files.append(File.generated(config, study.CATALOGUE_JS, content=study.catalogue_js(
            self.catalogue, self.repo.directory_urls)))
        for path, svg in self.drawn.items():
            files.append(File.generated(config, path, content=svg))
        return files

    # -- each page ---------------------------------------------------------------------
    def page_markdown(self, markdown: str, page) -> str:
        """on_page_markdown: the home page's topic list; a question's header (its footer is
        added to its HTML, in page_content).
        Material's search plugin skips every page (its parsing was a quarter of the build):
        dlqa indexes the pages itself (dlqa.search)."""
        page.meta["search"] = {"exclude": True}
        if page.file.src_uri in API_PAGES:
            page.meta[pageassets.STYLES] = self.page_styles
        if pages.HOME_TOPICS_MARKER in markdown:
            return markdown.replace(pages.HOME_TOPICS_MARKER, pages.home_topics(self.catalogue))
        question = self.catalogue.by_id.get(Path(page.file.src_uri).stem)
        if question is None or question.path != page.file.src_uri:
            return pages.level_controls(markdown)
        page.meta["dlqa_id"] = question.id
        return pages.question_header(question) + pages.label_sections(markdown)

    def page_content(self, html: str, page, files) -> str:
        """on_page_content: the page's own HTML must pass the allowlist (dlqa.htmlcheck); a
        question's card text is kept for the study modes and the Anki deck, with its math
        still TeX; then the math is rendered (dlqa.mathrender), and a question gets the
        glyphs of its short answer (dlqa.firstglyphs, which the template puts in its head), its
        level and tags line and its footer (dlqa.pages.question_meta, question_footer);
        another page's title is kept for search; figures get their sizes
        (dlqa.figures.add_sizes). The math is rendered here, on the page's own HTML, rather
        than on the whole themed page: a twentieth of the text to search for formulas."""
        src_uri = page.file.src_uri
        where = self.repo.page_file(src_uri)
        problems = self.allowlist.page_errors(html, src_uri, lambda: page.file.content_string,
                                              where)
        if problems:
            raise BuildFailed(problems)
        question = self.catalogue.by_id.get(page.meta.get("dlqa_id"))
        if question is None:
            self.titles[page.url] = page.title or ""
        else:
            try:
                self.rendered[question.id] = shortanswer.capture(html, page.url)
            except ValueError as exc:
                raise BuildFailed([ContentError(where, str(exc))]) from None
        html = self._render_math(html, src_uri, lambda: page.file.content_string)
        if question is not None:
            page.meta[pageassets.GLYPHS] = self.glyph_fonts.script(shortanswer.section(html))

            def href(path: str) -> str:
                return get_relative_url(files.get_file_from_path(path).url, page.url)
            html = pages.with_meta(html, pages.question_meta(question, href("tags.md")))
            html += pages.question_footer(
                question, self.catalogue, href,
                gitdates.page_changed(self.dates, question.file, question.snippets),
                self.catalogue.reviewed.get(f"{question.topic}/{question.id}"))
        return figures.add_sizes(html, page.url, self.drawn)

    def _render_math(self, html: str, src_uri: str, source: Callable[[], str]) -> str:
        """`html` with its formulas rendered; a formula KaTeX rejects fails the build at
        its line of `source()` (read only then: it is the page's file)."""
        try:
            return self.katex.render_html(html, self.repo.page_file(src_uri))
        except MathError as exc:
            exc.line = formula_line(source(), exc.tex)
            raise BuildFailed([exc]) from None

    # -- after the pages ---------------------------------------------------------------
    def finish(self, config) -> None:
        """on_post_build: the catalogue, the study answers, the Anki deck, dlqa's search
        index and the pinned JavaScript assets; then release what the build holds (unless
        dlqa.devserver keeps it open)."""
        try:
            self._write_site(config)
        finally:
            if not self.serving:
                self.end()

    def _write_site(self, config) -> None:
        site = Path(config.site_dir)
        urls = self.repo.directory_urls
        search_site.write(site, self.catalogue, urls,
                          config.plugins["material/search"].config.separator, self.titles)
        # The study modes show the short answers with their math rendered (each formula
        # was rendered with its page already: these come from KaTeX's cache).
        by_id = self.catalogue.by_id
        study.write_answer_scripts(site, {
            qid: self._render_math(r.short_answer, by_id[qid].path,
                                    lambda q=by_id[qid]: q.body)
            for qid, r in self.rendered.items()}, self.catalogue)
        (site / "questions.json").write_text(self.catalogue.to_json(urls), encoding="utf-8")
        started = time.perf_counter()
        try:
            notes = anki.export(self.catalogue, self.rendered, self.repo.site_url,
                                site / "dlqa.apkg", self.repo.cache_dir)
        except ValueError as exc:
            raise BuildFailed([exc]) from None
        log.info("dlqa: wrote dlqa.apkg (%d notes) in %.2f s", notes,
                 time.perf_counter() - started)
        modules = self.repo.root / "node_modules"
        target = site / "assets" / "katex"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(modules / "katex" / "dist" / "katex.min.css", target / "katex.min.css")
        shutil.copytree(modules / "katex" / "dist" / "fonts", target / "fonts",
                        dirs_exist_ok=True)

    def end(self) -> None:
        """Save the formula cache, the pages that passed the allowlist and the glyph
        scripts, and stop the KaTeX process; forget this build."""
        if self.katex is not None:
            self.katex.save()
            self.katex = None
        for cache in (self.allowlist, self.glyph_fonts):
            if cache is not None:
                cache.save()
        with self._lock:
            for key, build in list(self._running.items()):
                if build is self:
                    del self._running[key]

    @classmethod
    def end_all(cls) -> None:
        """on_build_error and on_shutdown: end every unfinished build."""
        with cls._lock:
            builds = list(cls._running.values())
        for build in builds:
            build.end()
