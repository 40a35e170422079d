"""Find and launch the headless Chromium used for the PDF and the browser tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Flags this sandboxed, network-less environment needs; without the background-networking
# ones Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ENV_VAR = "DLQA_CHROMIUM"


def chromium_path() -> str | None:
    """$DLQA_CHROMIUM, else a Chromium or Chrome on PATH, else None."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return configured if Path(configured).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def launch(playwright):
    """A headless Chromium browser through Playwright, or RuntimeError saying what to install."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(
            f"no Chromium found: install it (Debian: apt-get install chromium) or set "
            f"{ENV_VAR} to a Chromium or Chrome executable"
        )
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


def block_network(page, blocked: list[str]) -> None:
    """Abort every request that is not for a file:// URL, recording its URL in `blocked`."""

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", handle)
