"""HTML: one self-contained page to share (a mentor, a class, a projector).

The numbers come from the JSON renderer's records (`report_data`, `learner_data`,
`cohort_data`), so the page and `--format json` can never disagree; this module
only lays them out. Everything is inline: one stylesheet, charts as SVG (made by
`rolefit.render.svg`), no script, no font, no image, and a Content-Security-Policy
that allows that one stylesheet (by its hash) and nothing else. User text is
escaped by `rolefit.render.safe_html.escape` and nowhere else.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from rolefit import __version__
from rolefit.formats.proficiency import STALE_YEARS
from rolefit.model import ONE_LEVEL, level_name
from rolefit.render import FATE_TITLES, Style, entry_level, fate_detail, plan_aim, svg
from rolefit.render.json import cohort_data, error_data, learner_data, report_data
from rolefit.render.safe_html import escape
from rolefit.scoring.figures import count, decided
from rolefit.scoring.fit import LEVEL_GROWTH, READY_FIT
from rolefit.scoring.plan import ORDER_RULE

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, LearnerScore, Outcome
    from rolefit.scoring.assess import Assessment
    from rolefit.scoring.fit import RoleIndex

# A heat map has a row per learner: past this many it is too long to read (and
# the learner table and the mean coverage already sum the cohort up).
HEATMAP_MAX_LEARNERS = 300
PRIORITIES_SHOWN = 10  # gaps per role; --format json has them all
LEARN_SHOWN = 2  # learning items per gap

_STYLE = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1a1a1a; --muted: #4d4d4d; --line: #c8c8c8;
  --panel: #f4f6f8; --bar: #1f5fa8; --ready: #1d6b35; --track: #e3e7ec; --mark: #8a4b00;
  --link: #0b57a8; --h0: #f7f9fc; --h1: #dce8f6; --h2: #b3cdec; --h3: #6fa3dc; --h4: #1f5fa8; --h4fg: #ffffff; --hfg: #111111; }
@media screen and (prefers-color-scheme: dark) {
  :root { --bg: #15181c; --fg: #e9ecef; --muted: #b4bcc4; --line: #3d444c; --panel: #1e2329; --bar: #6fa8e8;
    --ready: #6fcf8e; --track: #2b3139; --mark: #f0b060;
    --link: #8ec1ff; --h0: #1b2027; --h1: #1f3550; --h2: #2a5285; --h3: #3a6ea8; --h4: #9cc5f2; --h4fg: #0b1420; --hfg: #f2f5f8; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.2rem 0 0.4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem;
  overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; overflow-wrap: anywhere; }
p, li, dd { overflow-wrap: anywhere; }
a { color: var(--link); }
.meta { color: var(--muted); margin: 0; }
.note { color: var(--muted); font-size: 0.92rem; }
.howto { background: var(--panel); border-left: 4px solid var(--bar); padding: 0.6rem 1rem; margin: 1rem 0; }
.howto h2 { margin-top: 0.2rem; }
.howto p { margin: 0.35rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.95rem; }
.table { min-width: 0; }
.caption { font-weight: 600; margin: 0.6rem 0 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { font-weight: 600; }
td { overflow-wrap: break-word; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.nowrap { white-space: nowrap; }
tr.focus td { font-weight: 600; }
.tag { white-space: nowrap; display: inline-block; border: 1px solid var(--line); border-radius: 0.6rem; padding: 0 0.45rem;
  font-size: 0.8rem; font-weight: 600; }
.ok { color: var(--ready); }
.warn { color: var(--mark); }
.figure { display: grid; gap: 0.5rem 2rem; grid-template-columns: minmax(0, 1fr); margin: 0.5rem 0 1rem; }
@media (min-width: 52rem) { .figure { grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); align-items: start; } }
svg.chart { width: 100%; max-width: 34rem; height: auto; display: block; }
svg.chart text { font: 14px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
svg.chart text.note { fill: var(--muted); font-size: 11px; }
svg.chart text.value { font-weight: 600; }
svg.chart .bar { fill: var(--bar); }
svg.chart .ready { fill: var(--ready); }
svg.chart .track { fill: var(--track); }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart .threshold { stroke: var(--mark); stroke-width: 1.5; }
ol.plan > li { margin: 0 0 0.9rem; }
ol.plan ul { margin: 0.25rem 0 0; padding-left: 1.2rem; }
.heat td.num { color: var(--hfg); }
.heat .h0 { background: var(--h0); } .heat .h1 { background: var(--h1); } .heat .h2 { background: var(--h2); }
.heat .h3 { background: var(--h3); } .heat td.h4 { background: var(--h4); color: var(--h4fg); }
.heat td, .heat th { border: 1px solid var(--bg); }
.heat th.cat { font-size: 0.8rem; font-weight: 600; min-width: 6.5rem; vertical-align: bottom; }
.heat td { min-width: 3.5rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line);
  padding-top: 0.5rem; }
@media print {
  :root { --fg: #000000; --muted: #333333; --line: #999999; --panel: #ffffff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .figure, ol.plan > li, svg.chart { break-inside: avoid; }
  .scroll { overflow: visible; }
  .howto { border: 1px solid #999999; }
  .heat td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
# Nothing may load: no script, font, image, frame or connection; the one stylesheet
# is allowed by its hash, so not even an injected <style> would apply.
CSP = f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; base-uri 'none'; form-action 'none'"

_HOW_TO_READ = f"""
<aside class="howto" aria-labelledby="howto-h">
<h2 id="howto-h">How to read this</h2>
<p><strong>Fit</strong>, 0 to 100, at one seniority level: how close to what a fair hiring manager would sign for.
Every required skill at its target gives at least 75; required and preferred skills together give 100; a bonus
skill never lowers it; nobody is less fit for a lower level than for a higher one. <strong>Ready for</strong> a
level: a fit of at least {READY_FIT:g} there, with at most a quarter of its required weight wholly missing.</p>
<p>A skill earns <strong>credit</strong> 1 at the level asked or above; below it, the share of the way there,
each level counting {LEVEL_GROWTH:g} times the one before (a 4 against a 5 earns 0.62, a 3 earns 0.36; docs/fit.md
has the rule). A category's
<strong>coverage</strong> is its credit weighted by importance, in per cent. Levels: 0 none, 1 awareness,
2 beginner, 3 intermediate, 4 advanced, 5 expert. Figures are cut to one decimal, never rounded up, as in the
JSON report.</p>
</aside>
"""


def _page(title: str, header: str, body: Iterable[str]) -> str:
    """The document around the sections; `title` and `header` are already escaped."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="color-scheme" content="light dark">',
            '<meta name="referrer" content="no-referrer">',
            f'<meta name="generator" content="rolefit {escape(__version__)}">',
            f"<title>{title}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<header>{header}</header>",
            "<main>",
            *body,
            "</main>",
            f"<footer>Made by rolefit {escape(__version__)} on {datetime.date.today().isoformat()}. "
            "This page is one file: it loads nothing from anywhere and runs no script.</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _figure(value: float) -> str:
    """A fit or coverage as the page writes it: one decimal, cut, as in the JSON."""
    return f"{value:.1f}"


def _table(caption: str, head: Sequence[str | tuple[str, str]], rows: Iterable[str], css: str = "") -> str:
    """A table in a horizontal scroller (so a phone scrolls the table, not the page);
    `head` cells are plain words, or (words, class); `rows` are ready-made <tr>s."""
    cells = "".join(
        f'<th scope="col" class="{h[1]}">{h[0]}</th>' if isinstance(h, tuple) else f'<th scope="col">{h}</th>'
        for h in head
    )
    klass = f' class="{css}"' if css else ""
    # The caption goes above the scroller, where a phone shows all of it, and names the table for screen readers.
    return "\n".join(
        [
            f'<div class="table"><p class="caption">{caption}</p><div class="scroll">',
            f'<table{klass} aria-label="{caption}">',
            f"<thead><tr>{cells}</tr></thead><tbody>",
            *rows,
            "</tbody></table></div></div>",
        ]
    )


def _level_text(level: int | None, assumed: bool, from_years: bool = False) -> str:
    if level is None:
        return "-"
    if from_years:
        return f"{level} (from years)"
    return f"{level} (assumed)" if assumed else str(level)


# The assess page ------------------------------------------------------------------


def render_report(assessment: Assessment, style: Style) -> str:
    data = report_data(assessment)
    person = data["person"]
    focus = next(r for r in data["roles"] if r["id"] == data["detailed_role"])
    who = person["name"] or "skills report"
    header = "\n".join(
        [
            f"<h1>rolefit: {escape(who)}</h1>",
            f'<p class="meta">Skills file <code>{escape(person["source"])}</code> · assessed at '
            f"{escape(data['level'])} level · {datetime.date.today().isoformat()}</p>",
            f'<p class="verdict">{escape(focus["title"])} ({_reason(data)}): fit <strong>{_figure(focus["fit"])}</strong>'
            f" at {escape(data['level'])} level · <strong>{_verdict(focus)}</strong></p>",
        ]
    )
    body = [
        _HOW_TO_READ,
        _ranking(data, focus),
        _readiness(assessment, focus),
        _coverage(focus),
        _counted(focus),
        _entries(assessment, data),
        _plan(data, focus),
    ]
    return _page(f"rolefit: {escape(who)}", header, body)


def _reason(data: dict[str, Any]) -> str:
    return "your target" if data["detail_reason"] == "target" else "best fit"


def _verdict(role: dict[str, Any]) -> str:
    ready = role["ready_for"]
    if list(role["fit_by_level"]) == [ONE_LEVEL]:
        return "ready" if ready else "not ready"
    return f"ready for {escape(ready)}" if ready else "not ready for any level yet"


def _ranking(data: dict[str, Any], focus: dict[str, Any]) -> str:
    reason = _reason(data)
    rows = []
    for r in data["roles"]:
        is_focus = r is focus
        tag = f' <span class="tag">in focus: {reason}</span>' if is_focus else ""
        klass = ' class="focus"' if is_focus else ""
        rows.append(
            f'<tr data-role="{escape(r["id"])}"{klass}>'
            f'<td class="num">{r["rank"]}</td><td>{escape(r["title"])}{tag}</td>'
            f'<td class="num fit">{_figure(r["fit"])}</td>'
            f'<td class="num"><span class="met">{r["required_met"]}</span>/{r["required_total"]}</td></tr>'
        )
    table = _table(
        f"Roles ranked by fit at {escape(data['level'])} level",
        [("rank", "num"), "role", ("fit", "num"), ("required met", "num")],
        rows,
        "ranking",
    )
    return f'<section aria-labelledby="roles-h"><h2 id="roles-h">Roles</h2>\n{table}</section>'


def _readiness(assessment: Assessment, focus: dict[str, Any]) -> str:
    title = escape(focus["title"])
    ready = focus["ready_for"]
    levels = list(focus["fit_by_level"].items())
    detailed = assessment.detailed
    passes = [detailed.ready_at(slot) for slot in range(len(levels))]
    missing = detailed.missing_required
    bars = [
        svg.Bar(
            label=name,
            value=fit,
            shown=_figure(fit),
            mark="ready" if passed else "",
            css="ready" if passed else "bar",
        )
        for (name, fit), passed in zip(levels, passes, strict=True)
    ]
    chart = svg.bars(
        "levels",
        f"{focus['title']}: fit per level",
        f"Fit at each level of the role; a dashed line marks {READY_FIT:g}, the fit a level needs to count as ready. "
        + "; ".join(
            f"{name} {_figure(fit)}{', ready' if passed else ''}"
            for (name, fit), passed in zip(levels, passes, strict=True)
        ),
        bars,
        threshold=READY_FIT,
        threshold_label=f"ready at {READY_FIT:g}",
    )
    rows = [
        f'<tr data-level="{escape(name)}"><th scope="row">{escape(name)}</th><td class="num fit">{_figure(fit)}</td>'
        f'<td class="num">{missing[slot]}</td>'
        f"<td>{_level_verdict(passed, name == ready)}</td></tr>"
        for slot, ((name, fit), passed) in enumerate(zip(levels, passes, strict=True))
    ]
    table = _table("Fit per level", ["level", ("fit", "num"), ("required missing", "num"), "readiness"], rows, "levels")
    verdict = _verdict(focus)
    return (
        f'<section aria-labelledby="ready-h"><h2 id="ready-h">{title}: readiness</h2>\n'
        f'<p><strong class="verdict">{verdict[0].upper() + verdict[1:]}</strong>. '
        f"Ready for a level means a fit of at least {READY_FIT:g} there, with at most a quarter of its required "
        "weight wholly missing.</p>\n"
        f'<div class="figure">{chart}\n{table}</div></section>'
    )


def _level_verdict(passed: bool, highest: bool) -> str:
    if not passed:
        return "✗ not ready"
    return '<span class="ok">✓ ready (the highest level)</span>' if highest else '<span class="ok">✓ ready</span>'


def _coverage(focus: dict[str, Any]) -> str:
    categories = focus["categories"]
    chart = svg.bars(
        "coverage",
        f"{focus['title']}: coverage per category",
        "Coverage of each skill category of the role, 0 to 100 per cent: "
        + "; ".join(f"{c['name']} {_figure(c['coverage'])}%" for c in categories),
        [svg.Bar(c["name"], c["coverage"], f"{_figure(c['coverage'])}%") for c in categories],
    )
    rows = []
    for c in categories:
        met = sum(r["status"] == "met" for r in c["requirements"])
        rows.append(
            f'<tr data-category="{escape(c["name"])}"><th scope="row">{escape(c["name"])}</th>'
            f'<td class="num">{c["weight"]:g}</td><td class="num coverage">{_figure(c["coverage"])}</td>'
            f'<td class="num">{met}/{len(c["requirements"])}</td></tr>'
        )
    table = _table(
        "Coverage per category (the chart's figures)",
        ["category", ("weight", "num"), ("coverage %", "num"), ("met", "num")],
        rows,
        "coverage",
    )
    return (
        f'<section aria-labelledby="cov-h"><h2 id="cov-h">{escape(focus["title"])}: coverage per category</h2>\n'
        f'<div class="figure">{chart}\n{table}</div></section>'
    )


def _how(r: dict[str, Any]) -> str:
    how = escape(r["match_method"] or "")
    if r["match_method"] == "fuzzy":
        how += f" ({r['match_score']:.0f})"
    if r["matched_via"] and r["match_method"] in ("alias", "implied", "fuzzy"):
        how += f" via {escape(r['matched_via'])}"
    if r["option"]:
        how += f"; option {escape(r['option'])}"
    return how


def _counted(focus: dict[str, Any]) -> str:
    requirements = [r for c in focus["categories"] for r in c["requirements"]]
    matched = [r for r in requirements if r["status"] != "missing"]
    rows = [
        f"<tr><td>{escape(r['matched_skill'] or '')}</td><td>{escape(r['requirement'])}</td>"
        f"<td>{_how(r)}</td><td>{escape(r['status'])}</td>"
        f'<td class="num">{_level_text(r["user_level"], r["level_assumed"], r["level_from_years"])} / '
        f'{r["target_level"]}</td><td class="num credit">{r["credit"]:.2f}</td></tr>'
        for r in matched
    ]
    parts = [
        f'<section aria-labelledby="counted-h"><h2 id="counted-h">What counted ({len(matched)})</h2>',
        '<p class="note">Each requirement of the role in focus that one of your skills met, and how: '
        "<em>exact</em> the skill itself, <em>alias</em> another name for it, <em>fuzzy</em> a near spelling "
        "(with its match score), <em>implied</em> credited one level below a skill that implies it.</p>",
    ]
    if matched:
        parts.append(
            _table(
                "Requirements met or partly met",
                ["your skill", "requirement", "how", "status", ("level / target", "num"), ("credit", "num")],
                rows,
                "counted",
            )
        )
    for importance in ("required", "preferred", "bonus"):
        missing = [r["requirement"] for r in requirements if r["status"] == "missing" and r["importance"] == importance]
        if missing:
            names = ", ".join(escape(n) for n in missing)
            parts.append(f"<p><strong>Missing, {importance} ({len(missing)}):</strong> {names}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _entries(assessment: Assessment, data: dict[str, Any]) -> str:
    titles = {r["id"]: r["title"] for r in data["roles"]}
    entries = assessment.entries
    counted = sum(e["fate"] == "counted" for e in data["entries"])
    rows = []
    for entry, record in zip(entries, data["entries"], strict=True):
        detail = escape(fate_detail(entry, titles, entries))
        if record["stale"]:
            detail += f"; last used {escape(record['last_used'] or '')}, over {STALE_YEARS} years ago"
        rows.append(
            f'<tr data-fate="{escape(record["fate"])}"><td class="num">{record["entry"]}</td>'
            f"<td>{escape(record['written'])}</td><td>{escape(entry_level(entry.skill))}</td>"
            f"<td><strong>{escape(FATE_TITLES[record['fate']])}</strong>: {detail}</td>"
            f"<td>{escape(record['evidence'] or '')}</td></tr>"
        )
    table = _table(
        f"Every entry of {escape(data['person']['source'])}",
        [("#", "num"), "your entry", "level", "what became of it", "evidence"],
        rows,
        "entries",
    )
    return (
        f'<section aria-labelledby="entries-h"><h2 id="entries-h">What became of each entry '
        f"({counted} of {len(entries)} counted)</h2>\n{table}</section>"
    )


def _plan(data: dict[str, Any], focus: dict[str, Any]) -> str:
    plan = data["plan"]
    steps = plan["steps"]
    last_used = {e["written"]: e["last_used"] for e in data["entries"] if e["stale"]}
    heading = (
        f"Learning plan for {escape(focus['title'])}{escape(plan_aim(plan['level']))} "
        f"({len(steps)} of {escape(count(plan['total_gaps'], 'gap'))})"
    )
    parts = [
        f'<section aria-labelledby="plan-h"><h2 id="plan-h">{heading}</h2>',
        f'<p class="note">Order: {escape(ORDER_RULE)}. The fit gain is what reaching the target adds to the fit '
        "at that level, all else equal.</p>",
    ]
    if not steps:
        parts.append("<p>Nothing to learn for this role: every skill is at its target level.</p>")
    else:
        parts.append('<ol class="plan">')
        for s in steps:
            now = "new" if s["status"] == "missing" else _level_text(s["current_level"], s["level_assumed"])
            lines = [
                f'<li data-step="{s["step"]}"><strong>{escape(s["skill"])}</strong> '
                f"({escape(s['importance'])}, {escape(s['category'])}): {escape(now)} → "
                f"{s['target_level']} {level_name(s['target_level'])}, "
                f'<span class="gain">+{s["fit_gain"]:.2f}</span> fit'
            ]
            notes = []
            if s["stale"]:
                used = last_used.get(s["matched_skill"] or "", "")
                notes.append(f'<li class="warn">last used {escape(used or "long ago")}: refresh it first</li>')
            if s["needed_for"]:
                notes.append(f"<li><em>needed for: {', '.join(escape(n) for n in s['needed_for'])}</em></li>")
            notes.extend(f"<li>{escape(item)}</li>" for item in s["learn"])
            if notes:
                lines.append("<ul>" + "".join(notes) + "</ul>")
            lines.append("</li>")
            parts.append("".join(lines))
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


# The batch page -------------------------------------------------------------------


class _HtmlBatch:
    """Keeps each learner's JSON record (and, for the heat map, the detailed role's
    coverage per category), then writes the page when the cohort is summed up."""

    shows_cohort = True

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.out = out
        self.indexes = indexes
        self.learners: list[tuple[dict[str, Any], tuple[float, ...]]] = []
        self.errors: list[dict[str, Any]] = []

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            self.errors.append(error_data(outcome))
        else:
            self.learners.append((learner_data(outcome, self.indexes), _coverages(outcome)))

    def finish(self, cohort: Cohort | None) -> None:
        assert cohort is not None
        self.out.write(batch_page(cohort_data(cohort), self.learners, self.errors))


def _coverages(score: LearnerScore) -> tuple[float, ...]:
    return tuple(decided(c) for c in score.coverages[score.detailed])


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _HtmlBatch:
    return _HtmlBatch(out, indexes)


def batch_page(
    cohort: dict[str, Any], learners: Sequence[tuple[dict[str, Any], tuple[float, ...]]], errors: Sequence[Any]
) -> str:
    """The cohort page from the JSON records: `cohort` as cohort_data makes it,
    each learner as learner_data with its detailed role's coverages."""
    failed = f" · {escape(count(cohort['failed'], 'file'))} could not be read" if cohort["failed"] else ""
    header = "\n".join(
        [
            "<h1>rolefit: cohort report</h1>",
            f'<p class="meta"><span class="learners">{cohort["learners"]}</span> '
            f"{'learner' if cohort['learners'] == 1 else 'learners'} scored{failed} · "
            f"{datetime.date.today().isoformat()}</p>",
        ]
    )
    if learners:
        body = [_overview(cohort), _HOW_TO_READ]
        if "progress" in cohort:
            body.append(_progress(cohort["progress"]))
        teaching = {t["id"]: t for t in cohort["teaching"]}
        body.extend(
            _cohort_role(i, role, cohort["learners"], teaching.get(role["id"]))
            for i, role in enumerate(cohort["roles"])
        )
        body.append(_learner_table([record for record, _ in learners]))
        body.append(_heatmaps(cohort, learners))
    else:
        body = ['<p class="empty">No learner could be scored: there is nothing to sum up.</p>']
    if errors:
        items = "".join(f"<li>{escape(p['text'])}</li>" for e in errors for p in e["problems"])
        body.append(
            f'<section aria-labelledby="errors-h"><h2 id="errors-h">Files that could not be read ({len(errors)})</h2>'
            f"<ul>{items}</ul></section>"
        )
    return _page("rolefit: cohort report", header, body)


def _overview(cohort: dict[str, Any]) -> str:
    """One row per role, linking to its section: the page's summary."""
    rows = []
    for number, role in enumerate(cohort["roles"]):
        fit = role["fit"]
        middle = f"{_figure(fit['q1'])} to {_figure(fit['q3'])}" if fit else "-"
        ready = ", ".join(f"{escape(level)} {n}" for level, n in role["ready_for"].items())
        rows.append(
            f'<tr data-role="{escape(role["id"])}"><th scope="row"><a href="#role-{number}">{escape(role["title"])}</a></th>'
            f'<td class="num">{role["detailed_for"]}</td>'
            f'<td class="num fit">{_figure(fit["median"]) if fit else "-"}</td><td class="num">{middle}</td>'
            f'<td class="nowrap">{ready}, none {role["not_ready"]}</td></tr>'
        )
    table = _table(
        "Roles: fit of every learner; readiness of the learners each role is in focus for",
        ["role", ("in focus for", "num"), ("median fit", "num"), ("middle half", "num"), "ready for (learners)"],
        rows,
        "overview",
    )
    return (
        f'<section aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>\n{table}\n'
        '<p><a href="#learners">Learners</a> · <a href="#heatmap">coverage by learner</a></p></section>'
    )


def _cohort_role(number: int, role: dict[str, Any], learners: int, teaching: dict[str, Any] | None) -> str:
    title = escape(role["title"])
    parts = [f'<section id="role-{number}" data-role="{escape(role["id"])}" aria-labelledby="role-{number}-h">']
    parts.append(f'<h2 id="role-{number}-h">{title}</h2>')
    detailed = role["detailed_for"]
    parts.append(
        f'<p>In focus (their target, or else their best fit) for <span class="detailed">{detailed}</span> of '
        f"{count(learners, 'learner')}.</p>"
    )
    if detailed:
        parts.append(_cohort_readiness(number, role))
    fit = role["fit"]
    if fit is not None:
        parts.append(_cohort_fit(number, role, fit, learners))
    parts.append(_cohort_coverage(number, role))
    parts.append(_priorities(teaching))
    parts.append("</section>")
    return "\n".join(parts)


def _cohort_readiness(number: int, role: dict[str, Any]) -> str:
    counts = [*role["ready_for"].items(), ("none", role["not_ready"])]
    total = sum(n for _, n in counts) or 1
    shown = counts
    chart = svg.bars(
        f"ready-{number}",
        f"{role['title']}: readiness of the learners it is in focus for",
        "The highest level each learner is ready for: " + "; ".join(f"{level} {n}" for level, n in shown),
        [svg.Bar(f"ready for {level}", 100 * n / total, str(n)) for level, n in shown],
    )
    rows = [
        f'<tr data-ready="{escape(level)}"><th scope="row">{escape(level)}</th><td class="num count">{n}</td></tr>'
        for level, n in shown
    ]
    table = _table(
        "Learners by the highest level they are ready for", ["ready for", ("learners", "num")], rows, "ready"
    )
    return f'<h3>Readiness</h3>\n<div class="figure">{chart}\n{table}</div>'


def _cohort_fit(number: int, role: dict[str, Any], fit: dict[str, Any], learners: int) -> str:
    histogram = fit["histogram"]
    chart = svg.histogram(
        f"fit-{number}",
        f"{role['title']}: fit of every learner",
        f"How many learners have a fit in each band of {100 // len(histogram)} points, 0 to 100: "
        + "; ".join(
            f"{i * 100 // len(histogram)} to {(i + 1) * 100 // len(histogram)}: {n}" for i, n in enumerate(histogram)
        ),
        histogram,
        "learners",
    )
    stats = [("mean", fit["mean"]), ("median", fit["median"]), ("first quartile", fit["q1"])]
    stats += [("third quartile", fit["q3"]), ("lowest", fit["min"]), ("highest", fit["max"])]
    keys = {"mean": "mean", "median": "median", "first quartile": "q1", "third quartile": "q3"}
    keys |= {"lowest": "min", "highest": "max"}
    rows = [
        f'<tr data-stat="{keys[name]}"><th scope="row">{name}</th><td class="num fit">{_figure(value)}</td></tr>'
        for name, value in stats
    ]
    n_bands = len(histogram)
    bands = _table(
        "Learners per fit band (the chart's figures)",
        ["fit", *((f"{i * 100 // n_bands}-{(i + 1) * 100 // n_bands}", "num") for i in range(n_bands))],
        [
            '<tr class="bands"><th scope="row">learners</th>'
            + "".join(f'<td class="num count">{n}</td>' for n in histogram)
            + "</tr>"
        ],
        "bands",
    )
    table = _table("Fit, summed up", ["", ("fit", "num")], rows, "fitstats")
    return f'<h3>Fit of all {count(learners, "learner")}</h3>\n<div class="figure">{chart}\n{table}</div>\n{bands}'


def _cohort_coverage(number: int, role: dict[str, Any]) -> str:
    categories = role["categories"]
    chart = svg.bars(
        f"cov-{number}",
        f"{role['title']}: mean coverage per category",
        "Mean coverage of each category over every learner: "
        + "; ".join(f"{c['name']} {_figure(c['mean_coverage'])}%" for c in categories),
        [svg.Bar(c["name"], c["mean_coverage"], f"{_figure(c['mean_coverage'])}%") for c in categories],
    )
    rows = [
        f'<tr data-category="{escape(c["name"])}"><th scope="row">{escape(c["name"])}</th>'
        f'<td class="num coverage">{_figure(c["mean_coverage"])}</td></tr>'
        for c in categories
    ]
    table = _table(
        "Mean coverage per category (the chart's figures)", ["category", ("coverage %", "num")], rows, "coverage"
    )
    return f'<h3>Mean coverage per category</h3>\n<div class="figure">{chart}\n{table}</div>'


def _priorities(teaching: dict[str, Any] | None) -> str:
    """What to teach next: the cohort's teaching view for the role (as `teaching` in
    the JSON), in its order; the cohort code decides it."""
    head = "<h3>What to teach next</h3>"
    if teaching is None:
        return f"{head}<p>No learner aims at this role (by target or best fit): nothing to teach for it.</p>"
    gaps = teaching["gaps"]
    if not gaps:
        return f"{head}<p>Nothing left to teach: every learner meets every target.</p>"
    learners = teaching["learners"]
    levels = ", ".join(f"{escape(level)} {n}" for level, n in teaching["levels"].items())
    shown = gaps[:PRIORITIES_SHOWN]
    rows = []
    for number, g in enumerate(shown, start=1):
        first = (
            f' <span class="tag warn">first, for {escape(", ".join(g["needed_for"]))}</span>' if g["needed_for"] else ""
        )
        learn = "".join(f"<li>{escape(item)}</li>" for item in g["learn"][:LEARN_SHOWN])
        more = len(g["learn"]) - LEARN_SHOWN
        if more > 0:
            learn += f'<li class="note">and {escape(count(more, "more item"))} in the JSON output</li>'
        who = escape(", ".join(g["who"]))
        if g["learners"] > len(g["who"]):
            who += f" and {g['learners'] - len(g['who'])} more"
        rows.append(
            f'<tr data-skill="{escape(g["skill"])}"><td class="num">{number}</td>'
            f"<td><strong>{escape(g['skill'])}</strong>{first}</td>"
            f'<td class="num gain">+{_figure(g["fit_gain"] / learners)}</td>'
            f'<td class="num"><span class="count">{g["learners"]}</span>/{learners}</td>'
            f"<td>{who}</td><td>{f'<ul>{learn}</ul>' if learn else ''}</td></tr>"
        )
    which = f"the first {len(shown)} of {len(gaps)}" if len(gaps) > len(shown) else "all"
    table = _table(
        f"Gaps in teaching order ({which})",
        [("#", "num"), "teach", ("mean fit gain", "num"), ("learners", "num"), "who", "how to learn it"],
        rows,
        "lessons",
    )
    return (
        f"{head}\n<p>For the {count(learners, 'learner')} aiming at this role ({levels}): gaps ranked by the fit "
        "they add to the learners who lack them, toward each one's own level; prerequisites just before what needs "
        "them. <em>Mean fit gain</em>: how much the mean fit of these learners rises once it is taught.</p>\n"
        f"{table}"
    )


def _progress(progress: dict[str, Any]) -> str:
    """What changed since the earlier run given to --compare (the JSON's `progress`)."""
    parts = [
        '<section id="progress" aria-labelledby="progress-h">'
        f'<h2 id="progress-h">Since {escape(progress["earlier"])}</h2>'
    ]
    if progress["roles_changed"]:
        parts.append(
            f'<p class="warn"><strong>Roles changed since then</strong>: {escape(", ".join(progress["roles_changed"]))}'
            " (a fit that moved with a role is not progress).</p>"
        )
    if progress["roles_unknown"]:
        parts.append(
            "<p>The earlier run does not say whether these roles changed: "
            f"{escape(', '.join(progress['roles_unknown']))}.</p>"
        )
    items = [
        f"{escape(count(progress['matched'], 'learner'))} of {progress['earlier_learners']} found again, "
        f"{len(progress['new'])} new, {len(progress['gone'])} gone"
    ]
    if progress["mean_fit_change"] is not None:
        items.append(
            f'mean fit change <strong class="change">{progress["mean_fit_change"]:+.1f}</strong> over '
            f"{escape(count(progress['compared'], 'learner'))}"
        )
    for move in progress["readiness"]:
        moved = [
            f"{move['reached']} reached {escape(move['level'])}" if move["reached"] else "",
            f"{move['fell']} fell below {escape(move['level'])}" if move["fell"] else "",
        ]
        items.append(f"{escape(move['role'])}: " + ", ".join(m for m in moved if m))
    if progress["gaps_closed"]:
        items.append(
            "gaps most closed: "
            + ", ".join(f"{escape(g['skill'])} ({g['learners']})" for g in progress["gaps_closed"][:PRIORITIES_SHOWN])
        )
    if progress["backwards"]:
        items.append(
            "went backwards: "
            + ", ".join(f"{escape(b['learner'])} ({b['fit_change']:+.1f})" for b in progress["backwards"])
        )
    items.extend(
        f"matched by name: {escape(m['file'])} (then {escape(m['earlier_file'])})" for m in progress["matched_by_name"]
    )
    if progress["new"]:
        items.append("new: " + escape(", ".join(progress["new"])))
    if progress["gone"]:
        items.append("gone: " + escape(", ".join(progress["gone"])))
    parts.append('<ul class="progress">' + "".join(f"<li>{item}</li>" for item in items) + "</ul></section>")
    return "\n".join(parts)


def _learner_table(records: Sequence[dict[str, Any]]) -> str:
    ordered = sorted(records, key=lambda r: (-r["fit"], r["file"]))
    rows = [
        f'<tr data-file="{escape(r["file"])}"><td><code>{escape(r["file"])}</code></td>'
        f"<td>{escape(r['name'] or '')}</td><td>{escape(r['detailed_role'])}</td>"
        f'<td class="num fit">{_figure(r["fit"])}</td><td>{escape(r["ready_for"] or "none")}</td>'
        f'<td class="num">{r["required_met"]}/{r["required_total"]}</td>'
        f"<td>{escape(', '.join(r['top_gaps']))}</td></tr>"
        for r in ordered
    ]
    table = _table(
        "Each learner's role in focus (target, or else best fit), highest fit first",
        ["file", "name", "role", ("fit", "num"), "ready for", ("required met", "num"), "top gaps"],
        rows,
        "learners",
    )
    return f'<section id="learners" aria-labelledby="learners-h"><h2 id="learners-h">Learners ({len(records)})</h2>\n{table}</section>'


def _band(coverage: float) -> int:
    return min(int(coverage // 20), 4)


def _heatmaps(cohort: dict[str, Any], learners: Sequence[tuple[dict[str, Any], tuple[float, ...]]]) -> str:
    head = '<section id="heatmap" aria-labelledby="heat-h"><h2 id="heat-h">Coverage by learner and category</h2>'
    if len(learners) > HEATMAP_MAX_LEARNERS:
        return (
            f'{head}\n<p class="left-out">Left out: with {len(learners)} learners the heat map would have '
            f"{len(learners)} rows, too long to read and a heavy page (it is drawn for up to "
            f"{HEATMAP_MAX_LEARNERS}). The mean coverage per category of each role and the learner table above "
            "sum the cohort up; <code>--format csv</code> has every learner's figures.</p></section>"
        )
    parts = [
        head,
        '<p class="note">Each learner\'s coverage of each category of their role in focus, in per cent; '
        "the figure is in every cell, the shade (stronger is higher, in bands of 20) only helps the eye.</p>",
    ]
    for number, role in enumerate(cohort["roles"]):
        members = sorted(
            ((r, c) for r, c in learners if r["detailed_role"] == role["id"]),
            key=lambda rc: (-rc[0]["fit"], rc[0]["file"]),
        )
        if not members:
            continue
        names = [c["name"] for c in role["categories"]]
        head_cells: list[str | tuple[str, str]] = ["learner", *((escape(n), "cat") for n in names)]
        rows = [
            f'<tr data-file="{escape(r["file"])}"><th scope="row">{escape(r["name"] or r["file"])}</th>'
            + "".join(f'<td class="num h{_band(v)}">{_figure(v)}</td>' for v in coverages)
            + "</tr>"
            for r, coverages in members
        ]
        parts.append(f"<h3>{escape(role['title'])} ({count(len(members), 'learner')})</h3>")
        parts.append(_table(f"Coverage %, {escape(role['title'])}", head_cells, rows, f"heat heat-{number}"))
    parts.append("</section>")
    return "\n".join(parts)
