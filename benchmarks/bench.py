"""The dlqa performance benchmark (issues #9 and #23): `make bench`, or `python -m benchmarks.bench`.

For each N in --sizes it generates a synthetic encyclopedia in a temporary folder and builds
it with plain MkDocs + Material (the baseline), with Material and only the search plugin (a
reference), and with dlqa's full build, cold and warm. Then, unless --skip-real, it times the
real encyclopedia (`make test` cold and warm, every snippet uncached, the PDF export) and
measures what a browser transfers for one question page; unless --skip-lighthouse, it runs
Lighthouse on that page. The results go to --out as Markdown.
"""

from __future__ import annotations

import argparse
import datetime
import os
import pickle
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks import measure, real, report, serve, synth
from dlqa.browser import chromium_path
from dlqa.catalogue import load_catalogue, question_files
from dlqa.repo import Repo
from dlqa.search import evaluate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTES = Path(__file__).with_name("notes.md")


def build_env() -> dict:
    """The environment for builds: this checkout's dlqa first on the path."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path, "NO_MKDOCS_2_WARNING": "1"}


def _command(config: str, site: str, strict: bool) -> list[str]:
    return [str(BIN / "mkdocs"), "build", "-f", config, "--site-dir", site,
            *(["--strict"] if strict else [])]


def _run(root: Path, label: str, cmd: list[str], log) -> measure.Run:
    log(f"  {label}: {shlex.join(cmd[1:])}")
    result = measure.run(cmd, cwd=root, env=build_env())
    if result.returncode != 0:
        raise RuntimeError(f"{label} failed (exit {result.returncode}):\n"
                           f"{result.output[-3000:]}")
    log(f"    {result.seconds:.1f} s ({result.cpu_seconds:.1f} s CPU), "
        f"{result.tree_rss_mb:.0f} MB")
    return result


def _summary(root: Path, label: str, site: str, n: int, runs: list[measure.Run]) -> report.Build:
    """The fastest run's time, the highest memory of any run."""
    best = min(runs, key=lambda r: r.seconds)
    warnings = len(re.findall(r"^WARNING", best.output, re.MULTILINE))
    return report.Build(
        label, best.seconds, min(r.cpu_seconds for r in runs), n,
        max(r.tree_rss_mb for r in runs), max(r.max_rss_mb for r in runs),
        measure.dir_bytes(root / site), warnings)


# The builds compared at each N: key -> (label, config, site folder, strict).
COMPARED = {
    "warm": ("(b) dlqa, warm", "mkdocs.yml", "site-warm", True),
    "plain": ("(a) plain Material, same plugins", "plain.yml", "site-plain", False),
    "minimal": ("reference: Material + search only", "minimal.yml", "site-minimal", False),
}


def _pairs(root: Path, pairs: int, log) -> list[float]:
    """Warm dlqa / plain Material wall time of `pairs` builds run side by side, one core
    each (none on a single core)."""
    cores = sorted(os.sched_getaffinity(0))[:2]
    if len(cores) < 2:
        return []
    if not (root / "mkdocs.yml").is_file():
        raise RuntimeError(f"{root} is gone: resume with the --work folder of the first run")
    warm, plain = COMPARED["warm"], COMPARED["plain"]
    ratios = []
    for i in range(pairs):
        log(f"  side by side, pair {i + 1}/{pairs}")
        runs = measure.side_by_side(_command(*warm[1:]), _command(*plain[1:]), root,
                                    build_env(), (cores[i % 2], cores[1 - i % 2]))
        for label, result in zip((warm[0], plain[0]), runs):
            if result.returncode != 0:
                raise RuntimeError(f"{label} failed (exit {result.returncode}):\n"
                                   f"{result.output[-3000:]}")
        ratios.append(runs[0].seconds / runs[1].seconds)
        log(f"    {runs[0].seconds:.1f} s / {runs[1].seconds:.1f} s = {ratios[-1]:.2f}")
    return ratios


def bench_size(n: int, work: Path, log, repeat: int = 1, with_pdf: bool = True,
               with_serve: bool = False) -> report.SizeResult:
    """Generate N questions under `work` and build them the four ways."""
    root = work / f"n{n}"
    log(f"N = {n}: generating {root}")
    pages = synth.make_repo(ROOT, root, n)
    words = sum(synth.word_count((root / "docs" / p.path).read_text(encoding="utf-8"))
                for p in pages) / n
    synth.plain_config(root, "plain.yml")
    synth.plain_config(root, "minimal.yml", minimal=True)
    # dlqa first: the cold build writes the snippet outputs the baselines include.
    cold = _run(root, "(b) dlqa, cold", _command("mkdocs.yml", "site-cold", True), log)
    builds = {"cold": _summary(root, "(b) dlqa, cold", "site-cold", n, [cold])}
    shutil.rmtree(root / "site-cold")
    # The compared builds take turns, so that a slow spell of a shared machine falls on all
    # of them rather than on one; the fastest run of each counts.
    runs: dict[str, list[measure.Run]] = {key: [] for key in COMPARED}
    for _ in range(repeat):
        for key, (label, config, site, strict) in COMPARED.items():
            runs[key].append(_run(root, label, _command(config, site, strict), log))
    for key, (label, _, site, _) in COMPARED.items():
        builds[key] = _summary(root, label, site, n, runs[key])
    index = measure.search_index_bytes(root / "site-warm")
    pdf = _pdf(root, root / "site-warm", log) if with_pdf else None
    for _, _, site, _ in COMPARED.values():
        shutil.rmtree(root / site)
    timing = None
    if with_serve:
        log(f"  dlqa serve: edit to reload at N = {n}")
        timing = serve.measure(root, pages[n // 2].path, n, ROOT, log=log,
                               browser=chromium_path() is not None)
    return report.SizeResult(n, words, builds, index, pdf, timing)


def _pdf(root: Path, site: Path, log) -> dict:
    """Print the synthetic site to a PDF, part by part (issue #20: no part grows with N)."""
    from dlqa.catalogue import load_catalogue
    from dlqa.pdf import export_pdf
    from dlqa.repo import Repo

    repo = Repo(root)
    log("  dlqa pdf")
    result = export_pdf(load_catalogue(repo), site, root / "dlqa.pdf", repo.config,
                        progress=lambda message: None)
    log(f"    {result['pages']} pages, {result['seconds']:.1f} s, slowest part "
        f"{result['slowest_part_seconds']:.1f} s")
    return result


def bench_real(page: str, lighthouse_runs: int, log) -> dict:
    """The real encyclopedia: make test (cold, warm), snippets, PDF, transfer, search quality,
    Lighthouse."""
    env = build_env()
    results: dict = {"page": page}
    log("real: make clean")
    real.make(ROOT, "clean", env)
    for key in ("make_test_cold", "make_test_warm"):
        log(f"real: make test ({key})")
        results[key] = real.make(ROOT, "test", env)
        log(f"  {results[key].seconds:.0f} s, exit {results[key].returncode}")
        if results[key].returncode != 0:
            log(results[key].output[-3000:])
    log("real: snippets without cache")
    results["snippets"] = real.snippet_timing(ROOT)
    log("real: dlqa pdf")
    results["pdf"] = real.pdf_timing(ROOT, ROOT / "site", env)
    results["transfer"] = measure.page_transfer(ROOT / "site", page)
    log("real: search quality on the held-out queries")
    results["search"] = evaluate.report(load_catalogue(Repo(ROOT), check=False), ROOT / "site")
    if lighthouse_runs:
        from benchmarks import lighthouse

        log(f"real: lighthouse x {lighthouse_runs}")
        results["lighthouse"] = lighthouse.measure(ROOT / "site", page, lighthouse_runs)
        results["chromium"] = chromium_path()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,3000",
                        help="comma-separated numbers of synthetic questions")
    parser.add_argument("--skip-real", action="store_true",
                        help="skip the real encyclopedia (make test, PDF, transfer)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-pdf", action="store_true",
                        help="do not print the synthetic encyclopedias to PDF")
    parser.add_argument("--lighthouse-runs", type=int, default=5)
    parser.add_argument("--skip-serve", action="store_true",
                        help="do not time edit to reload under `make serve`")
    parser.add_argument("--page", default="activations/softmax.html",
                        help="the question page (site-relative) to weigh and audit")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each warm and baseline build (the fastest counts)")
    parser.add_argument("--pairs", type=int, default=4,
                        help="warm dlqa and plain Material builds run side by side, one "
                             "core each (their ratio judges the warm-build target)")
    parser.add_argument("--work", help="keep the synthetic repositories in this folder")
    parser.add_argument("--state", help="a file keeping finished stages: rerun to resume")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    def log(message: str) -> None:
        print(message, flush=True)

    given = shlex.join(argv if argv is not None else sys.argv[1:])
    if os.environ.get("MAKELEVEL"):  # started by `make bench`
        command = "make bench" + (f" BENCH_ARGS={shlex.quote(given)}" if given else "")
    else:
        command = f"python -m benchmarks.bench {given}".rstrip()
    # --state keeps finished stages, so a run that was stopped resumes where it was.
    state_file = Path(args.state) if args.state else None
    state = pickle.loads(state_file.read_bytes()) if state_file and state_file.is_file() \
        else {"date": datetime.datetime.now().astimezone().isoformat(timespec="minutes"),
              "load_before": os.getloadavg()[0], "sizes": {}}

    def save() -> None:
        if state_file:
            state_file.write_bytes(pickle.dumps(state))

    with tempfile.TemporaryDirectory(prefix="dlqa-bench-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        for n in sizes:
            if n not in state["sizes"]:
                state["sizes"][n] = bench_size(n, work, log, args.repeat,
                                               with_pdf=not args.skip_pdf,
                                               with_serve=not args.skip_serve and n == max(sizes))
                save()
        # A stage of its own, after every size: the warm builds and baselines, side by side.
        pairs = state.setdefault("pairs", {})
        for n in sizes:
            if n not in pairs:
                log(f"N = {n}: warm dlqa and plain Material side by side")
                pairs[n] = _pairs(work / f"n{n}", args.pairs, log)
                save()
            state["sizes"][n].paired = pairs[n]
        if not (args.skip_serve or args.skip_real) and "serve_real" not in state:
            log("real: dlqa serve, edit to reload (a copy of the checkout)")
            copy = serve.real_copy(ROOT, work / "real")
            state["serve_real"] = serve.measure(copy, args.page.removesuffix(".html") + ".md",
                                                len(question_files(Repo(copy))), ROOT,
                                                log=log, browser=chromium_path() is not None)
            save()
    results = [state["sizes"][n] for n in sizes]
    if not args.skip_real and "real" not in state:
        state["real"] = bench_real(args.page, 0 if args.skip_lighthouse
                                   else args.lighthouse_runs, log)
        save()
    real_results = None if args.skip_real else state["real"]
    date, load_before = state["date"], state["load_before"]
    load = f"load average (1 min) {load_before:.1f} at the start, " \
           f"{os.getloadavg()[0]:.1f} at the end"
    notes = NOTES.read_text(encoding="utf-8") if NOTES.is_file() else ""
    text = report.render(date=f"{date} ({load})", command=command, sizes=results,
                         real=real_results, notes=notes, serve_real=state.get("serve_real"))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
