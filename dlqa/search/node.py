"""Run the site's search (worker.js) in Node, as the browser would, over a search index."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

RUNNER = Path(__file__).with_name("worker_run.js")
WORKER = Path(__file__).with_name("worker.js")


def search(index: Path, queries: list[str]) -> list[list[tuple[str, float]]]:
    """(location, score) pairs, best first, that the site's search gives for each query."""
    result = subprocess.run(
        ["node", str(RUNNER), str(index)],
        input="".join(json.dumps(q) + "\n" for q in queries),
        capture_output=True, text=True, check=True, timeout=600,
    )
    return [[(loc, score) for loc, score in json.loads(line)]
            for line in result.stdout.splitlines()]
