"""Headless Chromium for the HTML report's tests and scripts: Debian's `chromium`
(installed by .ci/run), driven by Playwright, which must never download a browser
of its own. Kept here so the tests, benchmarks/html.py and
benchmarks/screenshots.py launch it the same way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = Path(os.environ.get("ROLEFIT_CHROMIUM", "/usr/bin/chromium"))
# No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
# The rest keeps the browser from phoning home, so a request seen is the page's own.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
