"""The HTML report in a real browser: Debian's headless Chromium, driven by
Playwright (tests/browser.py), at a 375 px phone width and a 1280 px screen.

Each page must load nothing (no request but the file itself), log no console
error (a CSP violation is one), fit a phone's width, show user markup as text,
and show the same figures as `--format json` of the same run.

Without Chromium or Playwright these tests are skipped on a workstation and
fail in CI (CI=true; .ci/run sets it and installs the browser), so CI can
never pass with them silently skipped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .browser import CHROMIUM, launch
from .conftest import ROOT
from .test_html import HOSTILE, HOSTILE_EVIDENCE, HOSTILE_FILE, HOSTILE_NAME, HOSTILE_SKILL

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

WIDTHS = [375, 1280]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI must run the browser tests: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@dataclass(frozen=True)
class Report:
    html: Path
    json: dict[str, Any]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """Each page once, with the JSON report of the same run beside it."""
    from typer.testing import CliRunner

    from rolefit.cli import command_app

    folder = tmp_path_factory.mktemp("pages")
    hostile = folder / HOSTILE_FILE
    hostile.write_text(HOSTILE, encoding="utf-8")
    cohort = folder / "cohort"
    cohort.mkdir()
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        (cohort / example.name).write_bytes(example.read_bytes())
    (cohort / HOSTILE_FILE).write_text(HOSTILE, encoding="utf-8")
    runs = {
        "assess": ["assess", str(ROOT / "examples" / "physics-phd.yaml")],
        "hostile": ["assess", str(hostile)],
        "batch": ["batch", str(cohort), "--quiet"],
        "diff": ["diff", str(ROOT / "examples" / "physics-phd.yaml"), str(hostile)],
    }

    def run(args: list[str]) -> str:
        result = CliRunner().invoke(command_app(args), args)
        assert result.exit_code == 0, result.output
        return result.stdout

    made = {}
    for name, args in runs.items():
        page = folder / f"{name}.html"
        page.write_text(run([*args, "--format", "html"]), encoding="utf-8")
        made[name] = Report(page, json.loads(run([*args, "--format", "json"])))
    return made


@dataclass
class Opened:
    page: Page
    requests: list[str]
    errors: list[str]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


@contextmanager
def _open(browser: Browser, report: Report, width: int) -> Iterator[Opened]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    opened = Opened(page, [], [])
    page.on("request", lambda r: opened.requests.append(r.url))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    # Should the page ask for anything, it is refused here (and recorded above).
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(report.html.as_uri(), wait_until="load")
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture(params=["assess", "hostile", "batch", "diff"])
def opened(
    request: pytest.FixtureRequest, browser: Browser, reports: dict[str, Report], width: int
) -> Iterator[Opened]:
    with _open(browser, reports[request.param], width) as page:
        yield page


def test_loads_nothing_logs_nothing_and_fits_the_screen(opened: Opened, width: int) -> None:
    page = opened.page
    assert opened.requests == [page.url]  # the file itself, nothing else
    assert opened.errors == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the {width} px screen"
    assert page.evaluate("document.scripts.length + document.images.length + frames.length") == 0


def test_hostile_markup_stays_text(browser: Browser, reports: dict[str, Report]) -> None:
    with _open(browser, reports["hostile"], 1280) as opened:
        page = opened.page
        assert page.evaluate("window.pwned") is None
        assert page.locator("h1").inner_text() == f"rolefit: {HOSTILE_NAME}"
        text = page.locator("main").inner_text()
        assert HOSTILE_SKILL in text and HOSTILE_EVIDENCE in text and HOSTILE_FILE in page.inner_text("header")
        assert page.evaluate("document.querySelectorAll('script, img, iframe, style').length") == 1  # our <style>
        assert page.locator("body").is_visible()  # the skill `<style>body {display: none}</style>` did nothing
    with _open(browser, reports["diff"], 1280) as opened:  # the same file, second of a diff
        page = opened.page
        assert page.evaluate("window.pwned") is None
        assert HOSTILE_FILE in page.inner_text("header") and HOSTILE_SKILL in page.locator("main").inner_text()
        assert page.evaluate("document.querySelectorAll('script, img, iframe, style').length") == 1


def _cells(page: Page, selector: str, attribute: str) -> dict[str, str]:
    """{row's attribute value: the row's figure}, for rows `selector` (each with one `.figure`-like cell)."""
    pairs: list[tuple[str, str]] = page.eval_on_selector_all(
        selector,
        f"rows => rows.map(r => [r.getAttribute('{attribute}'), r.querySelector('.fit, .coverage, .count').textContent])",
    )
    return dict(pairs)


def _shown(value: float) -> str:
    return f"{value:.1f}"


def test_assess_figures_are_the_json_figures(browser: Browser, reports: dict[str, Report], width: int) -> None:
    report = reports["assess"]
    data = report.json
    with _open(browser, report, width) as opened:
        page = opened.page
        assert _cells(page, "table.ranking tr[data-role]", "data-role") == {
            r["id"]: _shown(r["fit"]) for r in data["roles"]
        }
        focus = next(r for r in data["roles"] if r["id"] == data["detailed_role"])
        assert _cells(page, "table.levels tr[data-level]", "data-level") == {
            level: _shown(fit) for level, fit in focus["fit_by_level"].items()
        }
        highest = page.eval_on_selector_all(
            "table.levels tr[data-level]",
            "rows => rows.filter(r => r.textContent.includes('highest')).map(r => r.dataset.level)",
        )
        assert highest == ([focus["ready_for"]] if focus["ready_for"] else [])
        assert _cells(page, "table.coverage tr[data-category]", "data-category") == {
            c["name"]: _shown(c["coverage"]) for c in focus["categories"]
        }
        # The chart says what the table says.
        bars = page.eval_on_selector_all("#coverage-d", "d => d.map(e => e.textContent)")
        assert bars and all(f"{c['name']} {_shown(c['coverage'])}%" in bars[0] for c in focus["categories"])
        steps = page.eval_on_selector_all("ol.plan > li", "items => items.map(i => i.querySelectorAll('li').length)")
        assert len(steps) == len(data["plan"]["steps"])
        for shown, step in zip(steps, data["plan"]["steps"], strict=True):  # every learning item is there
            assert shown == len(step["learn"]) + bool(step["needed_for"]) + step["stale"]
        fates = page.eval_on_selector_all("table.entries tr[data-fate]", "rows => rows.map(r => r.dataset.fate)")
        assert fates == [e["fate"] for e in data["entries"]]


def test_batch_figures_are_the_json_figures(browser: Browser, reports: dict[str, Report], width: int) -> None:
    report = reports["batch"]
    data = report.json
    with _open(browser, report, width) as opened:
        page = opened.page
        assert page.inner_text("header .learners") == str(data["cohort"]["learners"])
        for number, role in enumerate(data["cohort"]["roles"]):
            section = f"section#role-{number}"
            assert page.get_attribute(section, "data-role") == role["id"]
            assert page.inner_text(f"{section} .detailed") == str(role["detailed_for"])
            fit = role["fit"]
            stats = _cells(page, f"{section} table.fitstats tr[data-stat]", "data-stat")
            assert stats == {key: _shown(fit[key]) for key in ("mean", "median", "q1", "q3", "min", "max")}
            bands = page.eval_on_selector_all(
                f"{section} table.bands td.count", "cells => cells.map(c => +c.textContent)"
            )
            assert bands == fit["histogram"]
            coverage = _cells(page, f"{section} table.coverage tr[data-category]", "data-category")
            assert coverage == {c["name"]: _shown(c["mean_coverage"]) for c in role["categories"]}
            if role["detailed_for"]:
                ready = _cells(page, f"{section} table.ready tr[data-ready]", "data-ready")
                assert ready == {**{k: str(v) for k, v in role["ready_for"].items()}, "none": str(role["not_ready"])}
            gaps = page.eval_on_selector_all(
                f"{section} table.lessons tr[data-skill]",
                "rows => rows.map(r => [r.dataset.skill, +r.querySelector('.count').textContent])",
            )
            teaching = {t["id"]: t["gaps"] for t in data["cohort"]["teaching"]}.get(role["id"], [])
            assert gaps == [[g["skill"], g["learners"]] for g in teaching[:10]]
        learners = _cells(page, "table.learners tr[data-file]", "data-file")
        assert learners == {learner["file"]: _shown(learner["fit"]) for learner in data["learners"]}
        heat_rows = page.eval_on_selector_all("table.heat tr[data-file]", "rows => rows.length")
        assert heat_rows == len(data["learners"])
