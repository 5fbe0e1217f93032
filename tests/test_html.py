"""`--format html` without a browser: one self-contained page, user text that
stays text, and the html modules imported only when html is asked for. What a
browser sees (requests, console, layout, the figures) is tests/test_html_browser.py."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rolefit.render.html import CSP

from .conftest import ROOT, RunCli

HOSTILE_NAME = '<script>window.pwned = 1</script>Eve & "Mallory"'
HOSTILE_SKILL = '<img src=x onerror="window.pwned = 2">'
HOSTILE_EVIDENCE = "</td></tr></table><script>window.pwned = 3</script>"
HOSTILE_FILE = "<b>bold<i>.yaml"
# A skills file written by someone who wants their markup run on a mentor's machine.
HOSTILE = f"""\
name: '{HOSTILE_NAME}'
skills:
  - name: '{HOSTILE_SKILL}'
    level: 4
    evidence: '{HOSTILE_EVIDENCE}'
  - name: Python
    level: 4
    evidence: '<iframe src="https://evil.example"></iframe>'
  - '<style>body {{ display: none }}</style>'
  - PyTorch
"""
# The only elements a page may hold: nothing that loads or runs anything.
ALLOWED_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "aside", "nav"),
    *("h1", "h2", "h3", "p", "a", "strong", "em", "code", "span", "div", "ol", "ul", "li"),
    *("table", "caption", "thead", "tbody", "tr", "th", "td"),
    *("svg", "desc", "g", "rect", "line", "text"),
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def assert_inert(page: str) -> None:
    """Nothing in the page loads or runs anything, and the one stylesheet is the CSP's."""
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS
    for tag, attrs in parsed.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "style", "action", "formaction"), (tag, name)
            if name == "href":
                assert value is not None and value.startswith("#"), value  # links stay in the page
    csp = [
        dict(attrs)["content"]
        for tag, attrs in parsed.tags
        if dict(attrs).get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp == [CSP]
    assert "default-src 'none'" in CSP and "unsafe" not in CSP
    (style,) = parsed.styles
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in CSP


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / HOSTILE_FILE
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_assess_page_is_self_contained(cli: RunCli) -> None:
    result = cli(["assess", str(ROOT / "examples" / "physics-phd.yaml"), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert_inert(result.stdout)
    for section in ("How to read this", "Roles", "readiness", "coverage per category", "What counted"):
        assert section in result.stdout
    assert "What became of each entry" in result.stdout and "Learning plan" in result.stdout


def test_hostile_skills_file_stays_text(cli: RunCli, hostile: Path) -> None:
    result = cli(["assess", str(hostile), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert_inert(page)
    assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert page.count("<style") == 1
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;Eve &amp; &quot;Mallory&quot;" in page
    assert "&lt;img src=x onerror=&quot;window.pwned = 2&quot;&gt;" in page
    assert "&lt;b&gt;bold&lt;i&gt;.yaml" in page


def test_hostile_role_title_and_file_names_in_batch(cli: RunCli, tmp_path: Path, hostile: Path) -> None:
    from .test_roles import MINIMAL

    role = tmp_path / "role.yaml"
    role.write_text(MINIMAL.replace("title: My role", "title: '<svg onload=alert(1)>Role'"))
    (tmp_path / 'quote".yaml').write_text("name: Q\nskills: [Python]\n")
    (tmp_path / "broken<script>.yaml").write_text("skills: [\n")
    result = cli(["batch", str(tmp_path), "--format", "html", "--quiet", "--role", str(role)])
    assert result.exit_code == 2  # the broken file, listed on the page too
    assert_inert(result.stdout)
    assert "&lt;svg onload=alert(1)&gt;Role" in result.stdout
    assert "broken&lt;script&gt;.yaml" in result.stdout and "quote&quot;.yaml" in result.stdout


def test_control_codes_are_shown_not_sent(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text('name: "Ann\\u202eevil\\u001b[31m"\nskills: [Python]\n')
    result = cli(["assess", str(path), "--format", "html"])
    assert "Ann\\u202eevil\\x1b[31m" in result.stdout
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout


def test_posting_flow_has_a_page(cli: RunCli) -> None:
    posting = ROOT / "tests" / "data" / "postings" / "mlops-engineer.md"
    result = cli(["assess", str(ROOT / "examples" / "backend-to-ml.yaml"), "--posting", str(posting), "-f", "html"])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)
    assert "in focus: your target" in result.stdout  # the posting's role is the one shown


def test_batch_page_and_its_heat_map(cli: RunCli) -> None:
    result = cli(["batch", *sorted(str(p) for p in (ROOT / "examples").glob("*.yaml")), "--format", "html", "--quiet"])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)
    for section in ("Overview", "Readiness", "Fit of all 3 learners", "Mean coverage per category"):
        assert section in result.stdout
    assert "What to teach next" in result.stdout
    assert 'class="heat heat-' in result.stdout and "Left out" not in result.stdout


def test_large_cohort_leaves_the_heat_map_out_and_says_why(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rolefit.render import html

    monkeypatch.setattr(html, "HEATMAP_MAX_LEARNERS", 2)
    result = cli(["batch", *sorted(str(p) for p in (ROOT / "examples").glob("*.yaml")), "--format", "html", "--quiet"])
    assert result.exit_code == 0, result.stderr
    assert 'class="heat heat-' not in result.stdout
    assert re.search(r"Left out: with 3 learners the heat map would have 3 rows", result.stdout)


def test_learners_are_sorted_by_fit(cli: RunCli) -> None:
    result = cli(["batch", *sorted(str(p) for p in (ROOT / "examples").glob("*.yaml")), "--format", "html", "--quiet"])
    table = result.stdout.split('<table class="learners"', 1)[1].split("</table>", 1)[0]
    fits = [float(f) for f in re.findall(r'<td class="num fit">([0-9.]+)</td>', table)]
    assert len(fits) == 3 and fits == sorted(fits, reverse=True)


@pytest.mark.parametrize("command", ["assess", "diff"])
@pytest.mark.parametrize("fmt", ["json", "table", "markdown"])
def test_other_formats_never_import_the_html_modules(command: str, fmt: str) -> None:
    example = str(ROOT / "examples" / "physics-phd.yaml")
    files = [example] if command == "assess" else [example, str(ROOT / "examples" / "backend-to-ml.yaml")]
    run = [sys.executable, "-X", "importtime", "-m", "rolefit", command, *files, "--format", fmt]
    imported = subprocess.run(run, capture_output=True, text=True, check=True).stderr
    assert "| rolefit.render" in imported  # the check does see rolefit's own imports
    assert "rolefit.render.html" not in imported
    assert "rolefit.render.svg" not in imported


def test_readiness_per_level_follows_the_worked_example(cli: RunCli, tmp_path: Path) -> None:
    """docs/fit.md's worked example: ready for entry and mid, not senior (Mentoring missing)."""
    person = tmp_path / "person.yaml"
    person.write_text("skills:\n  Python: 4\n  PyTorch: 3\n  Docker: 1\n")
    role = ROOT / "tests" / "data" / "roles" / "levelled.yaml"
    result = cli(["assess", str(person), "--role", str(role), "--format", "html"])
    assert result.exit_code == 0, result.stderr
    rows = dict(re.findall(r'<tr data-level="(\w+)">(.*?)</tr>', result.stdout))
    assert "✓ ready</span>" in rows["entry"] and '<td class="num">0</td>' in rows["entry"]
    assert "✓ ready (the highest level)" in rows["mid"]
    assert "✗ not ready" in rows["senior"] and '<td class="num">1</td>' in rows["senior"]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (text, background) pairs of the palette, as the stylesheet uses them.
TEXT_ON = [
    *(("fg", "bg"), ("muted", "bg"), ("link", "bg"), ("ready", "bg"), ("mark", "bg")),
    *(("fg", "panel"), ("muted", "panel"), ("fg", "track")),
    *(("hfg", "h0"), ("hfg", "h1"), ("hfg", "h2"), ("hfg", "h3"), ("h4fg", "h4")),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_palette_meets_wcag_aa(scheme: str) -> None:
    """Every text colour on every background it is drawn on: at least 4.5:1 (WCAG AA)."""
    from rolefit.render.html import _STYLE

    blocks = re.findall(r":root \{([^}]*)\}", _STYLE)
    light = dict(re.findall(r"--(\w+): (#[0-9a-f]{6})", blocks[0]))
    palette = light if scheme == "light" else {**light, **dict(re.findall(r"--(\w+): (#[0-9a-f]{6})", blocks[1]))}
    for text, background in TEXT_ON:
        ratio = _contrast(palette[text], palette[background])
        assert ratio >= 4.5, f"{scheme}: --{text} on --{background} is {ratio:.2f}:1"


def test_a_cohort_with_no_good_file_says_so(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("skills: [\n")
    result = cli(["batch", str(tmp_path), "--format", "html", "--quiet"])
    assert result.exit_code == 2
    assert_inert(result.stdout)
    assert "No learner could be scored" in result.stdout and "Files that could not be read (1)" in result.stdout
    assert "What to teach next" not in result.stdout


def _rows(page: str, table_class: str) -> list[str]:
    """The body rows of each table of that class, in page order."""
    tables = re.findall(rf'<table class="{table_class}".*?</table>', page, flags=re.S)
    return [row for table in tables for row in re.findall(r"<tr data-.*?</tr>", table, flags=re.S)]


def test_batch_page_shows_the_teaching_view_of_the_json(cli: RunCli) -> None:
    from rolefit.render.html import PRIORITIES_SHOWN

    args = ["batch", str(ROOT / "examples" / "cohort"), "--quiet"]
    page = cli([*args, "--format", "html"]).stdout
    document = json.loads(cli([*args, "--format", "json"]).stdout)["cohort"]
    assert_inert(page)
    rows = _rows(page, "lessons")
    expected = [(t, g) for t in document["teaching"] for g in t["gaps"][:PRIORITIES_SHOWN]]
    assert len(rows) == len(expected) > 0
    for row, (teaching, gap) in zip(rows, expected, strict=True):
        assert f'data-skill="{html.escape(gap["skill"])}"' in row
        assert f'<span class="count">{gap["learners"]}</span>/{teaching["learners"]}' in row
        assert f"+{gap['fit_gain'] / teaching['learners']:.1f}</td>" in row
        assert ("first, for " + html.escape(", ".join(gap["needed_for"]))) in row if gap["needed_for"] else True
        if gap["learn"]:
            assert f"<li>{html.escape(gap['learn'][0])}</li>" in row
    assert any("first, for" in row for row in rows)  # the shipped cohort has a prerequisite pulled ahead
    untaught = {r["id"] for r in document["roles"]} - {t["id"] for t in document["teaching"]}
    assert page.count("No learner aims at this role") == len(untaught)
    assert "common gaps" not in page.lower()


def test_batch_page_with_compare_shows_the_progress(cli: RunCli, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.json"
    cohort = ROOT / "examples" / "cohort"
    cli(["batch", str(cohort), "--quiet", "--format", "json", "--output", str(earlier)])
    (tmp_path / "<i>new.yaml").write_text("name: '<script>x()</script>Newcomer'\nskills: [Python, SQL]\n")
    args = ["batch", str(cohort), str(tmp_path / "<i>new.yaml"), "--quiet", "--compare", str(earlier)]
    result = cli([*args, "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert_inert(page)
    progress = json.loads(cli([*args, "--format", "json"]).stdout)["cohort"]["progress"]
    section = page.split('<section id="progress"', 1)[1].split("</section>", 1)[0]
    assert f'<strong class="change">{progress["mean_fit_change"]:+.1f}</strong>' in section
    assert f"of {progress['earlier_learners']} found again, {len(progress['new'])} new" in section
    assert "&lt;i&gt;new.yaml" in section and "<i>" not in section
    assert "progress" not in json.loads(cli(["batch", str(cohort), "--quiet", "-f", "json"]).stdout)["cohort"]
    assert 'id="progress"' not in cli(["batch", str(cohort), "--quiet", "-f", "html"]).stdout


def test_diff_page_is_the_json_diff(cli: RunCli, tmp_path: Path) -> None:
    from .test_diff import NEW, OLD, ROLE

    role, old, new = tmp_path / "smithy.yaml", tmp_path / "<b>old<i>.yaml", tmp_path / "new.yaml"
    role.write_text(ROLE.replace("title: Smithy", "title: '<script>alert(1)</script>Smithy'"))
    old.write_text(OLD.replace("Emberlore", "'<img src=x onerror=alert(2)>'"))
    new.write_text(NEW.replace("name: Ada", "name: '<svg onload=alert(3)>Ada'"))
    args = ["diff", str(old), str(new), "--role", str(role)]
    result = cli([*args, "--format", "html"])
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert_inert(page)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Smithy" in page and "&lt;b&gt;old&lt;i&gt;.yaml" in page
    assert "&lt;img src=x onerror=alert(2)&gt; (was 4)" in page and "&lt;svg onload=alert(3)&gt;Ada" in page
    document = json.loads(cli([*args, "--format", "json"]).stdout)
    for role_data in document["roles"]:
        for fit in role_data["fit_by_level"]:
            row = re.search(rf'<tr data-level="{fit["level"]}">.*?</tr>', page.split(role_data["id"], 1)[1])
            assert row is not None
            assert f'<td class="num before">{fit["before"]:.1f}</td>' in row.group()
            assert f'<td class="num after">{fit["after"]:.1f}</td>' in row.group()
        for key in ("newly_met", "newly_below", "improved"):
            if role_data[key]:
                assert f'<li class="{key}">' in page and f"({len(role_data[key])}):" in page
    assert f'<span class="count">{len(document["plan"]["done"])}</span>' in page
