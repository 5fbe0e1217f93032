"""The HTML report's size and how long Chromium takes to show it.

Prints the assess page's size (examples/physics-phd.yaml), the batch page's
size for a synthetic cohort (1,000 learners by default, made as
benchmarks/batch.py makes them), and Chromium's time to load and lay out that
page: the median of several loads of `file://`, from navigation start to the
load event (the browser's own clock) and to a forced layout (the wall clock).

Targets: assess page < 300 KB; batch page for 1,000 learners < 3 MB, rendered
in < 2 s. (Named html_report.py, not html.py: a script's folder comes first on
sys.path, and a benchmarks/html.py would stand in for the standard library's
`html` module.)

    python benchmarks/html_report.py [--learners 1000] [--runs 5]

Needs Debian's chromium and Playwright (the `test` extra), as the browser tests do.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.browser import launch  # noqa: E402

from batch import generate  # noqa: E402

TARGETS = {"assess_kb": 300, "batch_mb": 3.0, "render_s": 2.0}


def rolefit(*args: str) -> None:
    command = [sys.executable, "-m", "rolefit", *args, "--format", "html"]
    subprocess.run(command, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        assess_page = work / "assess.html"
        rolefit("assess", "examples/physics-phd.yaml", "-o", str(assess_page))
        cohort = work / "cohort"
        generate(cohort, args.learners)
        batch_page = work / "batch.html"
        start = time.perf_counter()
        rolefit("batch", str(cohort), "--quiet", "-o", str(batch_page))
        made = time.perf_counter() - start

        loads: list[float] = []
        walls: list[float] = []
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(batch_page.as_uri())  # a first load warms the file cache
            for _ in range(args.runs):
                page.goto("about:blank")
                start = time.perf_counter()
                page.goto(batch_page.as_uri(), wait_until="load")
                page.evaluate("document.documentElement.scrollHeight")  # layout done
                walls.append(time.perf_counter() - start)
                loads.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000)
            browser.close()
        assess_kb = assess_page.stat().st_size / 1024
        batch_mb = batch_page.stat().st_size / 1024 / 1024

    load, wall = statistics.median(loads), statistics.median(walls)
    print(f"assess page (physics-phd):   {assess_kb:8.1f} KB   (target < {TARGETS['assess_kb']} KB)")
    print(f"batch page, {args.learners:,} learners: {batch_mb:8.2f} MB   (target < {TARGETS['batch_mb']:g} MB)")
    print(f"  rolefit batch --format html: {made:.2f} s (scoring and writing)")
    print(
        f"  Chromium, median of {args.runs}: load event {load:.2f} s, to layout {wall:.2f} s "
        f"(target < {TARGETS['render_s']:g} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
