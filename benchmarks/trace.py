"""A page load's main-thread work in Chromium, from its performance trace: for comparing builds.

Lighthouse's total blocking time is an estimate from one unthrottled load and moved between
228 and 514 ms for the same page on this shared machine. This loads the page with Chromium's
own 4x CPU throttling on a phone-sized viewport, records a trace, and sums what the main thread
did: the blocking part of long tasks (over 50 ms), style recalculation, layout and the
DOMContentLoaded handlers. Sites given together take turns, so a slow spell of the machine
falls on all of them; the median of the runs is printed.

    python -m benchmarks.trace site-a,site-b --runs 5 --page activations/softmax.html
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from benchmarks.lighthouse import serve

THROTTLING = 4
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75,
         "is_mobile": True}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"]
LONG_TASK_US = 50_000
COLUMNS = ("blocking", "style", "layout", "DOMContentLoaded")


def summarise(events: list[dict]) -> dict[str, float]:
    """Milliseconds of main-thread work in a trace's complete events."""
    def total(name: str, keep=lambda e: True) -> float:
        return sum(e.get("dur", 0) for e in events
                   if e.get("ph") == "X" and e.get("name") == name and keep(e)) / 1000
    blocking = sum(e["dur"] - LONG_TASK_US for e in events if e.get("ph") == "X"
                   and e.get("name") == "RunTask" and e.get("dur", 0) > LONG_TASK_US) / 1000
    loaded = total("EventDispatch",
                   lambda e: e.get("args", {}).get("data", {}).get("type") == "DOMContentLoaded")
    return {"blocking": blocking, "style": total("UpdateLayoutTree"), "layout": total("Layout"),
            "DOMContentLoaded": loaded}


def load_once(browser, url: str, settle_ms: int = 2000) -> dict[str, float]:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate",
                                           {"rate": THROTTLING})
        with tempfile.TemporaryDirectory(prefix="dlqa-trace-") as folder:
            path = Path(folder) / "trace.json"
            browser.start_tracing(page=page, path=str(path), categories=CATEGORIES)
            page.goto(url, wait_until="load")
            page.wait_for_timeout(settle_ms)  # Material's start-up runs after the load event
            browser.stop_tracing()
            data = json.loads(path.read_text(encoding="utf-8"))
    finally:
        context.close()
    return summarise(data["traceEvents"] if isinstance(data, dict) else data)


def compare(sites: list[Path], page: str, runs: int) -> dict[Path, dict[str, float]]:
    """The median of each column per site, the sites loaded in turn `runs` times."""
    from playwright.sync_api import sync_playwright

    from dlqa.browser import launch

    seen: dict[Path, list[dict[str, float]]] = {site: [] for site in sites}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(runs):
                for site in sites:
                    with serve(site) as base:
                        seen[site].append(load_once(browser, base + page))
        finally:
            browser.close()
    return {site: {c: statistics.median(r[c] for r in rows) for c in COLUMNS}
            for site, rows in seen.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", help="built sites to compare, separated by commas")
    parser.add_argument("--page", default="activations/softmax.html")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sites = [Path(s) for s in args.sites.split(",")]
    print(f"median of {args.runs} loads of {args.page}, {THROTTLING}x CPU throttling, ms:")
    print("site | " + " | ".join(COLUMNS))
    for site, row in compare(sites, args.page, args.runs).items():
        print(f"{site} | " + " | ".join(f"{row[c]:.0f}" for c in COLUMNS))


if __name__ == "__main__":
    main()
