"""Lighthouse (benchmarks/node_modules, pinned in benchmarks/package.json) on a page of the
built site served over HTTP on 127.0.0.1 with gzip (as hosts serve it), with Debian's
Chromium; mobile form factor."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from dlqa.browser import CHROMIUM_ARGS, chromium_path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"


@dataclass
class Scores:
    performance: list[float]
    accessibility: list[float]
    failing: dict[str, str] = field(default_factory=dict)  # audit id -> title
    metrics: dict[str, list[float]] = field(default_factory=dict)  # audit id -> values

    def metric_median(self, audit: str) -> float:
        return statistics.median(self.metrics[audit])

    @property
    def performance_median(self) -> float:
        return statistics.median(self.performance)

    @property
    def accessibility_median(self) -> float:
        return statistics.median(self.accessibility)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(site: Path):
    """`site` served with gzip (benchmarks.gzip_server) on a free loopback port; yields the
    base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.gzip_server", str(port), str(site)],
        cwd=HERE.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # wait until it accepts connections
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


# The metrics behind the performance score (milliseconds; layout shift is unitless).
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def failing_audits(report: dict, category: str) -> dict[str, str]:
    """Weighted audits of a category that did not pass: id -> title."""
    audits = report["audits"]
    return {ref["id"]: audits[ref["id"]]["title"]
            for ref in report["categories"][category]["auditRefs"]
            if ref.get("weight") and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1}


def run_once(url: str, timeout: float = 300) -> dict:
    """One Lighthouse run; the parsed JSON report."""
    chrome = chromium_path()
    if chrome is None:
        raise RuntimeError("no Chromium found (install chromium or set DLQA_CHROMIUM)")
    if not LIGHTHOUSE.is_file():
        raise RuntimeError(f"{LIGHTHOUSE} missing: run `npm ci --prefix benchmarks`")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=performance,accessibility", f"--chrome-flags={flags}"],
        env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True,
        timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def measure(site: Path, page: str, runs: int = 5) -> Scores:
    """Performance and accessibility scores (0-100) of `page` over `runs` runs."""
    scores = Scores([], [])
    with serve(site) as base:
        for _ in range(runs):
            report = run_once(base + page)
            scores.performance.append(100 * report["categories"]["performance"]["score"])
            scores.accessibility.append(100 * report["categories"]["accessibility"]["score"])
            scores.failing.update(failing_audits(report, "accessibility"))
            for audit in METRICS:
                value = report["audits"].get(audit, {}).get("numericValue")
                if value is not None:
                    scores.metrics.setdefault(audit, []).append(value)
    return scores
