"""Measure a command (wall time, peak memory) and a built site (bytes, search index, transfer).

Memory is measured two ways. `max_rss_mb` is the kernel's figure from wait4(): the peak
resident set of the largest single process among the command and the children it waited
for (for a build: the MkDocs Python process, or a snippet or the KaTeX Node process if one
were larger). `tree_rss_mb` is the peak of the summed resident sets of the whole process tree
(MkDocs plus the concurrently running snippet and KaTeX processes), sampled every 50 ms from
/proc, so it can miss short spikes; it is the figure compared with the memory target.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from dlqa.search import site as search_site

_SAMPLE_SECONDS = 0.05


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system time of the command and the children it waited for
    max_rss_mb: float
    tree_rss_mb: float
    returncode: int
    output: str  # stdout and stderr, interleaved


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                kids += [int(k) for k in handle.read().split()]
    except OSError:
        pass
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    """Summed resident set of `pid` and all its descendants, in KiB (0 without /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_kb(current)
        todo += _children(current)
    return total


def run(cmd: list[str], cwd: Path, env: dict, timeout: float = 3600,
        cpu: int | None = None) -> Run:
    """Run `cmd`, returning its wall time, peak memory and output; with `cpu`, on that
    core only (its children too)."""
    peak = [0]
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
    if cpu is not None:  # set from here: a preexec_fn is unsafe in a threaded parent
        os.sched_setaffinity(proc.pid, {cpu})

    def sample() -> None:
        while not done.wait(_SAMPLE_SECONDS):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    chunks: list[str] = []
    reader = threading.Thread(target=lambda: chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    deadline = start + timeout
    while True:
        # wait4 (not Popen.wait) so the kernel's peak RSS of this process tree comes back.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, max(peak[0], usage.ru_maxrss) / 1024,
               proc.returncode, "".join(chunks))


@contextlib.contextmanager
def busy(cpu: int):
    """A process spinning on core `cpu` while the block runs; yields it."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"],
                               stdin=subprocess.DEVNULL)
    try:
        os.sched_setaffinity(spinner.pid, {cpu})
        yield spinner
    finally:
        spinner.kill()
        spinner.wait()


def side_by_side(first: list[str], second: list[str], cwd: Path, env: dict,
                 cpus: tuple[int, int] = (0, 1)) -> tuple[Run, Run]:
    """Run two commands at the same time, each on its own core: whatever else slows a
    shared machine then slows both alike, so the ratio of their times holds when the
    times themselves do not. The core of the one that ends first is kept busy until the
    other ends, or the other would run its last part faster, alone."""
    runs: list[Run | None] = [None, None]
    ended = [threading.Event(), threading.Event()]
    any_ended = threading.Event()

    def one(i: int, cmd: list[str]) -> None:
        try:
            runs[i] = run(cmd, cwd, env, cpu=cpus[i])
        finally:
            ended[i].set()
            any_ended.set()

    threads = [threading.Thread(target=one, args=(i, cmd))
               for i, cmd in enumerate((first, second))]
    for thread in threads:
        thread.start()
    any_ended.wait()
    free = 0 if ended[0].is_set() else 1
    if not ended[1 - free].is_set():
        with busy(cpus[free]):
            ended[1 - free].wait()
    for thread in threads:
        thread.join()
    if runs[0] is None or runs[1] is None:
        raise RuntimeError("a side-by-side run did not finish")
    return runs[0], runs[1]


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# The search index (dlqa.search.site): dlqa's index, the settings Material's page script
# fetches over HTTP, and the offline plugin's inline copy for file://.
INDEX_FILES = (search_site.INDEX.name, search_site.MATERIAL_INDEX.name,
               search_site.MATERIAL_INDEX.with_suffix(".js").name)
# What a browser fetches over HTTP for search: the settings when a page loads, dlqa's index
# at the first search.
FETCHED_INDEX = (search_site.MATERIAL_INDEX.name, search_site.INDEX.name)


def search_index_bytes(site: Path) -> dict[str, int]:
    """Bytes of each search-index file the build wrote."""
    return {name: (site / "search" / name).stat().st_size
            for name in INDEX_FILES if (site / "search" / name).is_file()}


def gzip_bytes(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


class _Assets(HTMLParser):
    """The stylesheets, scripts and images a page's HTML makes a browser fetch."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.images: list[str] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.classes.update((a.get("class") or "").split())
        rel = (a.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.css.append(a["href"])
        elif tag == "link" and "icon" in rel and a.get("href"):
            self.images.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])


_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)
_FONT_FACE = re.compile(r"@font-face\{([^}]*)\}")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_URL = re.compile(r"url\(([^)]+)\)")


def _decl(block: str, name: str, default: str) -> str:
    found = re.search(rf"(?:^|;){name}:([^;]+)", block)
    return found.group(1).strip() if found else default


def _weight(value: str) -> str:
    return {"bold": "700", "normal": "400"}.get(value, value)


def fonts_needed(css: str, classes: set[str]) -> set[str]:
    """woff2 URLs (relative to the CSS) of the @font-faces a page's classes would use.

    A browser downloads a web font only when text is set in it. This takes the CSS rules
    whose class selectors all occur on the page and that set a font family, style or weight
    (a weight or style alone keeps the inherited family, taken as the stylesheet's base
    font), and returns the woff2 file of each matching @font-face; the base font of a class
    that occurs (e.g. `.katex`) is always included. An approximation: it checks that the
    classes occur on the page, not that they sit on the same element.
    """
    faces = {}
    for block in _FONT_FACE.findall(css):
        family = _decl(block, "font-family", "").strip("'\"")
        woff2 = next((u.strip("'\"") for u in _URL.findall(block) if ".woff2" in u), None)
        if woff2:
            faces[(family, _decl(block, "font-style", "normal"),
                   _weight(_decl(block, "font-weight", "400")))] = woff2
    families = {f for f, _, _ in faces}
    needed: set[str] = set()
    base = None
    for selector, block in _RULE.findall(_FONT_FACE.sub("", css)):
        if "@" in selector:
            continue
        family = re.search(r"font(?:-family)?:[^;]*?\b(" + "|".join(map(re.escape, families))
                           + r")\b", block) if families else None
        style = re.search(r"font-style:(\w+)", block)
        weight = re.search(r"font-weight:(\w+)", block)
        for one in selector.split(","):
            wanted = set(re.findall(r"\.([\w-]+)", one))
            if not wanted or not wanted <= classes or ":" in one:
                continue
            if family and wanted == {next(iter(wanted))} and base is None:
                base = family.group(1)
            if family or style or weight:
                name = family.group(1) if family else (base or "")
                key = (name, style.group(1) if style else "normal",
                       _weight(weight.group(1)) if weight else "400")
                if key in faces:
                    needed.add(faces[key])
    return needed


@dataclass
class Transfer:
    """Gzipped bytes a browser downloads for one page, by kind."""

    html: int
    css: int
    js: int
    fonts: int
    images: int
    search_index: int
    files: dict[str, int]

    @property
    def without_index(self) -> int:
        return self.html + self.css + self.js + self.fonts + self.images

    @property
    def with_index(self) -> int:
        return self.without_index + self.search_index


def page_transfer(site: Path, page: str) -> Transfer:
    """What loading `page` (site-relative) over HTTP transfers, each file gzipped (level 6).

    Counted: the HTML; its stylesheets, scripts, icon and images; the search worker named in
    Material's config (it starts at page load); and the KaTeX woff2 fonts the page's math
    uses (see fonts_needed). The search index (FETCHED_INDEX: the settings Material's script
    fetches at load and the index dlqa's worker fetches at the first search) is counted
    separately.
    """
    url = f"http://site/{page}"

    def local(ref: str) -> Path:
        return site / urlsplit(urljoin(url, ref)).path.lstrip("/")

    html = (site / page).read_text(encoding="utf-8")
    parser = _Assets()
    parser.feed(html)
    files: dict[str, int] = {page: gzip_bytes(html.encode())}
    sizes = {"css": 0, "js": 0, "fonts": 0, "images": 0}

    def add(kind: str, path: Path) -> None:
        key = path.relative_to(site).as_posix()
        if key not in files and path.is_file():
            files[key] = gzip_bytes(path.read_bytes())
            sizes[kind] += files[key]

    for ref in parser.css:
        path = local(ref)
        add("css", path)
        if path.is_file():
            for font in fonts_needed(path.read_text(encoding="utf-8"), parser.classes):
                add("fonts", Path(os.path.normpath(path.parent / font)))
    config = _CONFIG.search(html)
    worker = re.search(r'"search": "([^"]+)"', config.group(1)) if config else None
    for ref in parser.js + ([worker.group(1)] if worker else []):
        add("js", local(ref))
    for ref in parser.images:
        add("images", local(ref))
    index_bytes = sum(gzip_bytes((site / "search" / name).read_bytes())
                      for name in FETCHED_INDEX if (site / "search" / name).is_file())
    return Transfer(gzip_bytes(html.encode()), sizes["css"], sizes["js"], sizes["fonts"],
                    sizes["images"], index_bytes, files)
