"""Regenerate the README's screenshots of the HTML report (PNGs under docs/):
the assess page of examples/physics-phd.yaml and the batch page of the
examples/cohort/ cohort, each at a 1280 px desktop width and a 375 px phone width.

    python benchmarks/screenshots.py

Needs Debian's chromium (`apt-get install chromium`) and Playwright (the `test`
extra); Playwright drives that browser and downloads none. The dates on the
pages are today's, so the images change a little from day to day.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.browser import launch  # noqa: E402

DOCS = ROOT / "docs"
PAGES = {
    "assess": ["assess", "examples/physics-phd.yaml"],
    "batch": ["batch", "examples/cohort", "--quiet"],
}
# (suffix, viewport width, height of the top of the page shown)
VIEWS = [("", 1280, 1400), ("-phone", 375, 1300)]


def main() -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch(playwright)
        for name, args in PAGES.items():
            page_file = Path(folder) / f"{name}.html"
            command = [sys.executable, "-m", "rolefit", *args, "--format", "html", "-o", str(page_file)]
            subprocess.run(command, check=True, cwd=ROOT)
            for suffix, width, height in VIEWS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri())
                target = DOCS / f"html-{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=False)
                page.close()
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
