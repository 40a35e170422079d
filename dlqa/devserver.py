"""`dlqa serve` (what `make serve` runs): a development server that rebuilds only what a save
changes.

`mkdocs serve` rebuilds the whole site on every save (about 20 s at 301 questions). This server
starts with one full build through MkDocs' own `build()`, with the same hooks, plugins and
`dlqa.build.Build` as `mkdocs build`, and keeps what that build made: the config, the files,
the navigation, the Jinja environment and the open `Build` (catalogue, KaTeX renderer and its
formula cache, the short answers of the study modes). MkDocs' `LiveReloadServer` serves the
site and watches docs/, snippets/, data/, reviews/, overrides/ and mkdocs.yml. On a change the
server compares the files' hashes with the last good build and does the least that keeps every
page right:

- a question page whose front matter and includes did not change (a body edit): parse it again,
  swap it into the catalogue and re-render that page only;
- a question's front matter (title, aliases, level, tags, sources, related, distinct): check the
  catalogue again (near-duplicates, ids, seed refs), then re-render the page, every generated
  page whose Markdown changed (topic, level, tag and seed lists; the study catalogue) and,
  for a new title, the other pages of its topic (their navigation shows it), its previous and
  next pages and the pages that list it as related;
- a snippet: run it again (dlqa.snippets, cached by content), write its output and figures
  and re-render the pages that include it;
- another Markdown page: re-render it; a static file (CSS, script): copy it;
- anything else (a new, deleted or renamed file, a change of includes, data/, reviews/,
  overrides/, mkdocs.yml, a snippet that draws other figures, the API page): a full build in
  process, as `mkdocs serve` does.

Re-rendering runs MkDocs' own page functions and the same events as a full build
(`on_page_markdown` to `on_post_page`), then checks every page's anchors and runs
`on_post_build`, so the search index, `questions.json`, the study answers and the Anki deck
follow the change. A failed build (a page that does not parse, a duplicate alias, a failing
snippet, bad LaTeX) is logged with its file and line, and every page of the site is replaced by
an error page that names them, until a build passes; the browser reloads on both. The files of a
failed change stay "changed", so the next save does them again. `mkdocs build` never uses this
module: a deployed site is always a full build from scratch.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel

from dlqa import figures, pages, study
from dlqa.build import API_PAGES, Build
from dlqa.catalogue import Catalogue, cross_check
from dlqa.errors import ContentError, ContentErrors
from dlqa.model import FrontMatter, Question
from dlqa.repo import Repo
from dlqa.snippets import run_snippet, write_output

log = logging.getLogger("mkdocs.dlqa.serve")
# What a save can change, besides the pages' folder (mkdocs.yml's docs_dir: see _watched).
WATCHED = ("snippets", "data", "reviews", "overrides", "mkdocs.yml")
# A change to these needs a full build: the page moved, or it includes other snippets.
_FULL_BUILD_FIELDS = ("id", "topic", "path", "snippets", "outputs")
# Front matter other pages show or check: re-check the catalogue, re-render its neighbours.
# Taken from the model, so a new front-matter field is compared too.
_SHARED_FIELDS = tuple(name for name in FrontMatter.model_fields if name != "id")


class FullBuildNeeded(Exception):
    """The change may affect more than the pages it names: rebuild everything."""


def _ignored(name: str) -> bool:
    """Editors' swap, backup and temporary files (MkDocs ignores dot files too)."""
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def snapshot(root: Path, watched: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Every file under `watched` (repository-relative): its path -> (mtime in ns, size)."""
    found = {}
    for name in watched:
        top = root / name
        paths = [top] if top.is_file() else top.rglob("*") if top.is_dir() else []
        for path in paths:
            if path.is_file() and not any(_ignored(part) for part in path.relative_to(root).parts):
                stat = path.stat()
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return ""


class _Recorder(BasePlugin):
    """Keeps what MkDocs' `build()` makes and then drops: files, navigation, Jinja environment,
    the open dlqa Build, and the exception a failed build ended with."""

    def __init__(self):
        self.files = self.nav = self.env = self.error = None

    @event_priority(-100)
    def on_files(self, files, config):
        self.files = files
        Build.of(config).serving = True  # stays open after on_post_build
        return files

    @event_priority(-100)
    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    @event_priority(-100)
    def on_env(self, env, config, files):
        self.env = env
        return env

    def on_build_error(self, error):
        self.error = error


class _Server(LiveReloadServer):
    """MkDocs' server with inotify instead of polling (a save is seen at once), and an error
    page in place of every page while the last build failed."""

    failure: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.observer = watchdog.observers.Observer()

    def watch(self, path: str, func=None, *, recursive: bool = True) -> None:
        """As MkDocs' watch, but only writes count: inotify also reports a file opened or
        closed unwritten, and every rebuild reads files."""
        path = os.path.abspath(path)

        def changed(event) -> None:
            if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                return
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed
        self._watched_paths[path] = 1
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        page = path.endswith(("/", ".html")) and path.startswith(self.mount_path)
        if page and not path.startswith("/livereload/"):
            with self._epoch_cond:  # wait for a rebuild under way, as the files do
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch, failure = self._visible_epoch, self.failure
            if failure is not None:
                body = self._inject_js_into_html(error_page(failure).encode(), epoch)
                start_response("500 Internal Server Error",
                               [("Content-Type", "text/html; charset=utf-8"),
                                ("Content-Length", str(len(body)))])
                return [body]
        return super()._serve_request(environ, start_response)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop_when_orphaned(parent: int) -> None:
    """Stop (as on SIGTERM) when the process that started the server is gone, e.g. a test
    or benchmark run that was killed: no server outlives it."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)


def error_page(failure: str) -> str:
    """A self-contained page naming what broke the build."""
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Build failed - dlqa serve</title></head>"
            "<body style=\"font-family:sans-serif;margin:2rem;max-width:60rem\">"
            "<h1>The build failed</h1><p>Fix the file named below and save it; this page "
            "reloads when the build passes.</p>"
            f"<pre style=\"white-space:pre-wrap;background:#fee;padding:1rem\" "
            f"id=\"dlqa-build-error\">{html.escape(failure)}</pre></body></html>")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ContentErrors):
        return "\n".join(str(e) for e in exc.errors)
    text = str(exc).strip()
    return text or type(exc).__name__


class DevServer:
    """The incremental development server of one checkout (see the module docstring)."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 8000):
        self.repo = Repo(root.resolve())
        self.host, self.port = host, port
        self.site_dir = tempfile.mkdtemp(prefix="dlqa-serve-")
        self.config = self.files = self.nav = self.env = None
        self.build: Build | None = None
        self.fresh = False  # whether the kept state matches the last good full build
        self.state: dict[str, tuple[int, int]] = {}  # the files of the last good build
        self.digests: dict[str, str] = {}
        self.retry: set[str] = set()  # the files of a failed rebuild: done again next time
        self.lock = threading.Lock()
        mount = urlsplit(self._load_config().site_url or "/").path
        self.serve_url = _serve_url(host, port, mount)
        self.server = _Server(builder=self.rebuild, host=host, port=port, root=self.site_dir,
                              mount_path=mount)
        self.server.error_handler = self._not_found

    def _watched(self) -> tuple[str, ...]:
        return (self.repo.rel(self.repo.docs_dir), *WATCHED)

    def _load_config(self):
        return load_config(str(self.repo.root / "mkdocs.yml"), site_dir=self.site_dir,
                           dev_addr=f"{self.host}:{self.port}")

    def _not_found(self, code: int) -> bytes | None:
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    # -- serving -------------------------------------------------------------------------
    def serve(self) -> None:
        """Build, then serve and rebuild on every change until interrupted (Ctrl-C or
        SIGTERM)."""
        signal.signal(signal.SIGTERM, _interrupt)
        threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), daemon=True).start()
        self.rebuild()
        for name in self._watched():
            if (self.repo.root / name).exists():
                self.server.watch(str(self.repo.root / name))
        try:
            self.server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.close()

    def close(self) -> None:
        self.server.shutdown()
        if self.config is not None:
            self.config.plugins.on_shutdown()
        Build.end_all()
        shutil.rmtree(self.site_dir, ignore_errors=True)

    # -- one rebuild ---------------------------------------------------------------------
    def rebuild(self) -> None:
        """The server's builder: find what changed since the last good build, rebuild it,
        and show an error page (and the error in the terminal) if that fails."""
        with self.lock:
            started = time.perf_counter()
            current = snapshot(self.repo.root, self._watched())
            changed, digests = self._changed(current)
            changed |= self.retry & set(current)
            if not changed and self.fresh:
                return
            try:
                if not self.fresh:
                    raise FullBuildNeeded("first build" if not self.state else
                                          "the last full build failed")
                what = self._incremental(changed)
            except FullBuildNeeded as reason:
                log.info("dlqa serve: full build (%s)", reason)
                digests = {rel: _digest(self.repo.root / rel) for rel in current}
                what = self._full_build()
            except Exception as exc:  # noqa: BLE001 - shown to the contributor, then served
                self._failed(exc)
                self.retry = changed
                return
            if what is None:  # the full build failed and said why
                return
            # Only now do these files count as built: after a failure they are done again.
            self.state, self.server.failure, self.retry = current, None, set()
            self.digests.update(digests)
            log.info("dlqa serve: rebuilt %s in %.2f s", what, time.perf_counter() - started)

    def _changed(self, current: dict[str, tuple[int, int]]) -> tuple[set[str], dict[str, str]]:
        """Files added, removed, or whose bytes changed since the last good build; and the
        new hashes of the files whose time or size changed."""
        changed = set(self.state) ^ set(current)
        digests = {}
        for rel in set(self.state) & set(current):
            if self.state[rel] != current[rel]:
                digests[rel] = _digest(self.repo.root / rel)
                if digests[rel] != self.digests.get(rel):
                    changed.add(rel)
        return changed, digests

    def _failed(self, exc: BaseException) -> None:
        failure = _describe(exc)
        for line in failure.splitlines():
            log.error("dlqa serve: %s", line)
        self.server.failure = failure

    def _full_build(self) -> str | None:
        """A whole build in process, with MkDocs' build() (what `mkdocs serve` does)."""
        Build.end_all()  # the previous serving build: its KaTeX process, its formula cache
        self.fresh = False
        first = self.config is None
        config = self._load_config()
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = self.serve_url
        recorder = _Recorder()
        config.plugins["dlqa-devserver"] = recorder
        self.config = config
        try:
            mkdocs_build(config, serve_url=self.serve_url)
        except BaseException as exc:  # noqa: BLE001 - SystemExit is MkDocs' Abort
            self._failed(recorder.error or exc)
            return None
        self.files, self.nav, self.env = recorder.files, recorder.nav, recorder.env
        self.build = Build.of(config)
        self.fresh = True
        return f"the whole site ({len(self.build.catalogue.questions)} questions)"

    # -- the incremental part ------------------------------------------------------------
    def _incremental(self, changed: set[str]) -> str:
        """Re-render the pages `changed` affects; FullBuildNeeded when that is not enough."""
        build, root = self.build, self.repo.root
        questions = {q.file: q for q in build.catalogue.questions}
        docs = self.repo.page_file("")  # the pages' folder, checkout-relative, with its "/"
        swap: dict[str, Question] = {}
        shared: list[tuple[Question, Question]] = []  # (old, new): front matter changed
        outputs = []
        drawn: dict[str, bytes] = {}  # site path -> SVG, of the snippets run again
        render: set[str] = set()  # docs-relative paths of the pages to re-render
        static = []
        for rel in sorted(changed):
            if rel not in self.state or not (root / rel).is_file():
                raise FullBuildNeeded(f"{rel} was added or removed")
            if rel in questions:
                new = Question.from_file(root / rel, self.repo)  # ContentErrors: the page's
                old = questions[rel]
                if any(getattr(new, f) != getattr(old, f) for f in _FULL_BUILD_FIELDS):
                    raise FullBuildNeeded(f"the includes or place of {rel} changed")
                if any(getattr(new, f) != getattr(old, f) for f in _SHARED_FIELDS):
                    shared.append((old, new))
                swap[old.id] = new
                render.add(new.path)
            elif rel.startswith("snippets/") and rel.endswith(".py"):
                owners = [q for q in build.catalogue.questions if rel in q.snippets]
                result = run_snippet(root / rel, self.repo)
                if owners and not result.ok:
                    q = owners[0]
                    raise ContentError(q.file, f"snippet {rel} failed: {result.error}",
                                       q.include_line(rel))
                drawn.update(self._figures(rel, result, owners))
                if result.ok:
                    outputs.append(result)
                render.update(q.path for q in owners)
            elif rel.startswith(docs) and self._plain_file(rel[len(docs):]):
                file = self.files.get_file_from_path(rel[len(docs):])
                if file.is_documentation_page():
                    render.add(file.src_uri)
                else:
                    static.append(file)
            else:
                raise FullBuildNeeded(f"{rel} changed")
        if shared:  # the checks across pages, on the catalogue as it would be
            candidate = Catalogue(self.repo, [swap.get(q.id, q) for q in build.catalogue.questions],
                                  build.catalogue.reviewed, build.catalogue.search_terms)
            errors = cross_check(candidate)
            if errors:
                raise ContentErrors(errors)
        # Every check passed: change the kept state, then render.
        try:
            for q in build.catalogue.questions:
                if q.id in swap:
                    build.catalogue.by_id[q.id] = swap[q.id]
            build.catalogue.questions[:] = [swap.get(q.id, q) for q in build.catalogue.questions]
            if shared:
                render |= self._neighbours(shared)
            for result in outputs:
                write_output(result, self.repo)
            for path, svg in drawn.items():
                build.drawn[path] = svg
                figure = self.files.get_file_from_path(path)
                figure.content_bytes = svg
                figure.copy_file()
            for file in static:
                file.copy_file()
            self._render(sorted(render))
        except Exception:
            if shared:  # its neighbours may be half re-rendered: the next change builds all
                self.fresh = False
            raise

        parts = [f"{len(render)} page{'s' * (len(render) != 1)}"]
        if outputs:
            parts.append(f"{len(outputs)} snippet{'s' * (len(outputs) != 1)}")
        if static:
            parts.append(f"{len(static)} static file{'s' * (len(static) != 1)}")
        return f"{', '.join(sorted(changed))} ({' and '.join(parts)})"

    def _figures(self, rel: str, result, owners: list[Question]) -> dict[str, bytes]:
        """The figures a snippet run again drew, checked as a full build checks them; a
        full build when it draws other files than before (the site's file list changes)."""
        prefix = figures.site_path(rel, "")
        drawn = {figures.site_path(rel, name): svg.encode()
                 for name, svg in result.figures.items()}
        if set(drawn) != {path for path in self.build.drawn if path.startswith(prefix)}:
            raise FullBuildNeeded(f"{rel} draws other figures than before")
        if drawn:
            included = sorted({s for q in owners for s in q.snippets})
            results = [result if s == rel else run_snippet(self.repo.root / s, self.repo)
                       for s in included]
            errors = figures.figure_errors(SimpleNamespace(questions=owners), results)
            if errors:
                raise ContentErrors(errors)
        return drawn

    def _neighbours(self, shared: list[tuple[Question, Question]]) -> set[str]:
        """The pages that show what changed in these questions' front matter, with the
        generated pages brought up to date (those whose Markdown changed)."""
        catalogue, files = self.build.catalogue, self.files
        found = set()
        for old, new in shared:
            if new.title == old.title:
                continue
            # The title is in the navigation of its topic, the previous and next pages' footer
            # and the Related line of the pages that list it.
            found.update(q.path for q in catalogue.questions if q.topic == new.topic)
            page = files.get_file_from_path(new.path).page
            found.update(p.file.src_uri for p in (page.previous_page, page.next_page) if p)
            found.update(q.path for q in catalogue.questions if new.id in q.related)
        for path, markdown in pages.generated_pages(catalogue).items():
            file = files.get_file_from_path(path)
            if file is not None and file.content_string != markdown:
                file.content_string = markdown
                found.add(path)
        file = files.get_file_from_path(study.CATALOGUE_JS)
        script = study.catalogue_js(catalogue, self.config.use_directory_urls)
        if file is not None and file.content_string != script:
            file.content_string = script
            file.copy_file()
        return {uri for uri in found if files.get_file_from_path(uri) is not None}

    def _plain_file(self, uri: str) -> bool:
        """A file of docs/ that is copied or rendered as it is: not generated from the
        catalogue, and not the API page (mkdocstrings renders it from the code)."""
        file = self.files.get_file_from_path(uri)
        return file is not None and file.generated_by is None and uri not in API_PAGES

    def _render(self, uris: list[str]) -> None:
        """Re-render pages with MkDocs' own functions and events, as a full build does."""
        config, files = self.config, self.files
        self.build.resume(config)  # a failed page before this one ended the build
        chosen = [files.get_file_from_path(uri) for uri in uris]
        for file in chosen:  # Material's search skips every page: dlqa's index is rewritten
            _populate_page(file.page, config, files)
        self.env = config.plugins.on_env(self.env, config=config, files=Files(chosen))
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in chosen:
            _build_page(file.page, config, doc_files, self.nav, self.env)
        for file in doc_files:  # another page may link to an anchor that is gone
            file.page.validate_anchor_links(files=files,
                                            log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)


def serve(root: Path, dev_addr: str = "127.0.0.1:8000") -> None:
    """`dlqa serve`: log as `mkdocs serve` does, then serve `root` until interrupted."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    host, _, port = dev_addr.rpartition(":")
    DevServer(root, host or "127.0.0.1", int(port)).serve()
