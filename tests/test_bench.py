"""The benchmark (benchmarks/, `make bench`) at a tiny size, so that it cannot rot.

The figures are not asserted (machines are noisy); the shape of the results is.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import measure, synth, trace
from dlqa import dedup
from dlqa.catalogue import load_catalogue
from dlqa.cli import check
from dlqa.repo import Repo
from tests.conftest import ENV, ROOT


def test_synthetic_pages_pass_dlqa_checks(tmp_path: Path):
    pages = synth.make_repo(ROOT, tmp_path / "repo", 12)
    repo = Repo(tmp_path / "repo")
    assert check(repo) == []  # front matter, sections, links, duplicates; snippets run
    catalogue = load_catalogue(repo)
    assert sorted(q.id for q in catalogue.questions) == sorted(p.id for p in pages)
    for q in catalogue.questions:
        assert 350 <= synth.word_count((repo.docs_dir / q.path).read_text()) <= 500
        assert len(re.findall(r"(?<!\$)\$[^$\n]+\$(?!\$)", q.body)) >= 1  # inline math
        assert q.body.count("$$") == 2  # one display formula
        assert len(q.snippets) == 1 and len(q.outputs) == 1
    titles = [q.title for q in catalogue.questions]
    assert len(set(titles)) == len(titles)


def test_synthetic_titles_are_deterministic_and_distinct(tmp_path: Path):
    first = synth.make_repo(ROOT, tmp_path / "a", 60, seed=3)
    again = synth.make_repo(ROOT, tmp_path / "b", 60, seed=3)
    assert first == again
    assert dedup.similar_pairs({p.id: [p.title] for p in first}) == {}


def test_plain_config_drops_only_the_hooks(tmp_path: Path):
    Repo(ROOT).copy_skeleton(tmp_path / "repo")
    plain = synth.plain_config(tmp_path / "repo", "plain.yml").read_text()
    minimal = synth.plain_config(tmp_path / "repo", "minimal.yml", minimal=True).read_text()
    original = (ROOT / "mkdocs.yml").read_text()
    assert "hooks" in original and "hooks" not in plain
    assert "  - offline" in plain and "arithmatex" in plain
    assert "  - offline" not in minimal
    assert "  - search" in minimal and "arithmatex" in minimal


def test_fonts_needed_follows_the_classes():
    css = ("@font-face{font-family:F_Main;font-style:normal;font-weight:400;"
           "src:url(f/Main.woff2) format(\"woff2\"),url(f/Main.woff)}"
           "@font-face{font-family:F_Math;font-style:italic;font-weight:400;"
           "src:url(f/Math.woff2) format(\"woff2\")}"
           "@font-face{font-family:F_Main;font-style:normal;font-weight:700;"
           "src:url(f/Bold.woff2) format(\"woff2\")}"
           ".k{font:normal 1.2em F_Main,serif}.k .mi{font-family:F_Math;font-style:italic}"
           ".k .bf{font-weight:700}")
    assert measure.fonts_needed(css, {"k"}) == {"f/Main.woff2"}
    assert measure.fonts_needed(css, {"k", "mi", "bf"}) == {
        "f/Main.woff2", "f/Math.woff2", "f/Bold.woff2"}
    assert measure.fonts_needed(css, {"other"}) == set()


def test_run_reports_time_memory_and_exit_code(tmp_path: Path):
    result = measure.run([sys.executable, "-c", "x = bytearray(60_000_000); print('ok')"],
                         cwd=tmp_path, env={})
    assert result.returncode == 0 and result.output.strip() == "ok"
    assert result.seconds > 0
    assert result.max_rss_mb >= 55  # the 60 MB buffer was resident
    assert result.tree_rss_mb >= result.max_rss_mb
    assert measure.run([sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path,
                       env={}).returncode == 3


def test_side_by_side_runs_both_at_once_each_on_its_core(tmp_path: Path):
    cores = sorted(os.sched_getaffinity(0))
    pair = (cores[0], cores[-1])
    code = ("import os, time; time.sleep(0.5); "
            "print(sorted(os.sched_getaffinity(0)), time.time())")
    started = time.perf_counter()
    first, second = measure.side_by_side([sys.executable, "-c", code],
                                         [sys.executable, "-c", code], tmp_path, {}, pair)
    elapsed = time.perf_counter() - started
    assert first.output.split("]")[0] == f"[{pair[0]}" and \
        second.output.split("]")[0] == f"[{pair[1]}"
    # together, not one after the other
    assert elapsed < first.seconds + second.seconds - 0.3


def test_busy_spins_on_the_core_until_the_block_ends():
    cpu = max(os.sched_getaffinity(0))
    with measure.busy(cpu) as spinner:
        time.sleep(0.6)
        assert os.sched_getaffinity(spinner.pid) == {cpu}
        # user time in clock ticks: field 14 of /proc/PID/stat, the 12th after the name
        ticks = int(Path(f"/proc/{spinner.pid}/stat").read_text().rsplit(")", 1)[1].split()[11])
    assert ticks >= 0.25 * os.sysconf("SC_CLK_TCK")
    assert spinner.poll() is not None


def _bench(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", *args],
        cwd=ROOT, env={k: v for k, v in ENV.items() if k != "MAKELEVEL"},  # not make bench
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def test_benchmark_runs_at_a_tiny_size(tmp_path: Path):
    out, state = tmp_path / "RESULTS.md", tmp_path / "state.pickle"
    args = ("--sizes", "3", "--skip-real", "--skip-lighthouse", "--repeat", "1",
            "--pairs", "1", "--state", str(state))
    first = _bench(*args, "--out", str(out))
    assert "generating" in first.stdout and state.is_file()
    again = _bench(*args, "--out", str(tmp_path / "again.md"))  # resumed: nothing to build
    assert "generating" not in again.stdout
    assert (tmp_path / "again.md").read_text().split("## Targets")[1] == \
        out.read_text().split("## Targets")[1]
    text = out.read_text()
    assert "- Machine: " in text and "- Command: `python -m benchmarks.bench" in text
    assert "### N = 3 questions" in text
    rows = {}
    for label in ("(a) plain Material, same plugins", "reference: Material + search only",
                  "(b) dlqa, cold", "(b) dlqa, warm"):
        row = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
        rows[label] = [float(cell.replace(",", "")) for cell in row.split("|")[2:-1]]
        (seconds, ms_per_page, ratio, cpu, cpu_ratio, tree_mb, largest_mb, site_mb,
         warnings) = rows[label]
        assert seconds > 0 and ms_per_page > 0 and ratio > 0 and cpu > 0 and cpu_ratio > 0
        assert tree_mb > 0 and largest_mb > 0 and site_mb > 0 and warnings >= 0
        assert abs(ms_per_page - 1000 * seconds / 3) < 0.2 * ms_per_page
    assert rows["(b) dlqa, cold"][-1] == 0 and rows["(b) dlqa, warm"][-1] == 0  # strict
    side = re.search(r"one core each, cores swapped between pairs, the first to end spinning "
                     r"its core until the other ends\): warm / \(a\) = "
                     r"([\d.]+); geometric mean ([\d.]+)\.", text)
    assert side and side.group(1) == side.group(2) and float(side.group(1)) > 0
    assert "side by side (geometric mean of 1)" in text
    index = re.search(r"([\d.]+) KB per question", text)
    assert index and float(index.group(1)) > 0
    for target in ("edit to reload under `make serve`, synthetic (3 pages",
                   "warm dlqa build vs plain Material with the same plugins (wall time)",
                   "peak memory of the dlqa build",
                   "search index per question"):
        assert re.search(rf"^\| {re.escape(target)}.*\| (met|\*\*not met\*\*) \|$", text,
                         re.MULTILINE), target


def test_page_transfer_counts_what_the_page_loads(site: Path):
    page = "activations/softmax.html"
    t = measure.page_transfer(site, page)
    assert t.files[page] == t.html > 0
    counted = set(t.files)
    assert any(f.endswith(".css") for f in counted) and any(f.endswith(".js") for f in counted)
    assert any(f.startswith("assets/javascripts/workers/dlqa-search") for f in counted)
    fonts = [f for f in counted if f.endswith(".woff2")]
    assert fonts and all(f.startswith("assets/katex/fonts/") for f in fonts)
    assert "assets/katex/fonts/KaTeX_Main-Regular.woff2" in fonts  # the base math font
    assert len(fonts) < len(list((site / "assets/katex/fonts").glob("*.woff2")))
    assert t.without_index == sum(t.files.values())
    assert t.search_index > 0 and t.with_index == t.without_index + t.search_index


def test_report_renders_real_and_lighthouse_results():
    from benchmarks import lighthouse, real, report, serve
    from dlqa.search.evaluate import Score

    run = measure.Run(200.0, 150.0, 300.0, 320.0, 0, "")
    build = report.Build("(a) plain Material, same plugins", 10.0, 9.0, 100, 90.0, 90.0,
                         5 * report.MB, 3)
    sizes = [report.SizeResult(n, 400.0, {
        "plain": build, "minimal": build,
        "cold": report.Build("(b) dlqa, cold", 30.0 * n * n / 10_000, 40.0, n, 600.0, 500.0,
                             6, 0),
        "warm": report.Build("(b) dlqa, warm", 11.0 * n * n / 10_000, 10.0, n, 400.0,
                             400.0, 6, 0),
    }, {"dlqa_index.json": 2048 * n}) for n in (100, 300)]
    sizes[-1].serve = serve.ServeTiming(300, "t/q.md", 9.0, [2.5, 2.4, 2.6], [2.9, 2.7, 2.8])
    on_real = serve.ServeTiming(301, "a/b.md", 20.0, [0.4, 0.5, 0.3], [0.7, 0.6, 0.8])
    scores = lighthouse.Scores([90.0, 96.0, 97.0], [100.0, 89.0, 100.0],
                               {"color-contrast": "Contrast"},
                               {"total-blocking-time": [10.0, 20.0, 30.0]})
    results = {"page": "a/b.html", "make_test_cold": run, "make_test_warm": run,
               "snippets": real.SnippetTiming(3, 1.5, 2.5, [("snippets/a.py", 1.0)]),
               "pdf": run, "lighthouse": scores, "chromium": "/usr/bin/chromium",
               "transfer": measure.Transfer(10, 20, 30, 40, 50, 1000, {"a/b.html": 10}),
               "search": {"site": {"dev": Score(160, 0.8, 0.9, 0.95, 0.85),
                                   "test": Score(160, 0.70, 0.85, 0.92, 0.80)},
                          "similar": {"dev": Score(160, 0.8, 0.9, 0.95, 0.85),
                                      "test": Score(160, 0.80, 0.95, 0.96, 0.88)}}}
    text = report.render(date="today", command="make bench", sizes=sizes, real=results,
                         notes="## Analysis\n\nWhy.\n", serve_real=on_real)
    met = {t.name.split(" (")[0]: t.met for t in report.targets(sizes, results, on_real)}
    assert not met["warm dlqa build vs plain Material with the same plugins"]  # 9.9 x at 300
    for size in sizes:  # judged on the side-by-side pairs once every size has them
        size.paired = [1.2, 1.1, 1.0]
    warm = report.targets(sizes, results, on_real)[2]
    assert warm.met and warm.measured.startswith(
        "N=100: 1.10 x side by side (geometric mean of 3), 1.10 x one after the other")
    sizes[0].paired = [1.2, 1.3, 1.1]
    assert not report.targets(sizes, results, on_real)[2].met
    sizes[0].paired = []
    assert met["search index per question at N=300"]  # 2 KB
    assert not met["per-page cost of the cold dlqa build at N=300 vs N=100"]  # 3x per page
    assert met["question page transferred, without the search index"]  # 150 B
    assert met["`make test`"]  # 200 s
    assert not met["Lighthouse performance"]  # 96
    assert met["Lighthouse accessibility, median of 3"]  # 100
    assert met["edit to reload under `make serve`, the real encyclopedia"]  # 0.4 s, 0.7 s
    assert met["site search hit@5, held-out test queries"]  # 0.92
    assert not met["site search hit@1, held-out test queries"]  # 0.70
    assert met["`dlqa similar` hit@3, held-out test queries"]  # 0.95
    assert "| site search (worker.js in Node) | test | 0.70 | 0.85 | 0.92 | 0.80 | 160 |" in text
    assert not met["edit to reload under `make serve`, synthetic"]  # 2.8 s in the browser
    assert "0.70 s to the reloaded page in Chromium" in text
    assert "| **total without the search index** | **150** |" in text
    assert "| **total with the search index** | **1,150** |" in text
    assert "- `color-contrast`: Contrast" in text and "| total-blocking-time | 20 ms |" in text
    assert text.count("\n### N = ") == 2
    assert text.endswith("Contrast\n\n## Analysis\n\nWhy.\n")  # the notes come last
    assert "\n\n\n" not in text


def test_trace_summary_counts_only_the_blocking_part_of_long_tasks():
    def task(name, ms, **data):
        return {"ph": "X", "name": name, "dur": ms * 1000, "args": {"data": data}}

    events = [task("RunTask", 120), task("RunTask", 50), task("RunTask", 30),
              task("UpdateLayoutTree", 40), task("UpdateLayoutTree", 5), task("Layout", 25),
              task("EventDispatch", 60, type="DOMContentLoaded"),
              task("EventDispatch", 90, type="click"), {"ph": "B", "name": "Layout"}]
    assert trace.summarise(events) == {"blocking": 70, "style": 45, "layout": 25,
                                       "DOMContentLoaded": 60}
