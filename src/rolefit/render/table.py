"""The Rich terminal rendering. User and file text always goes in as Text, so a
skill called `[bold]` prints as written, and through visible(), so a control
code in it is shown, never sent to the terminal."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TextIO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rolefit.formats.proficiency import STALE_YEARS
from rolefit.model import IMPORTANCES, Importance, Role, level_name
from rolefit.render import (
    Style,
    cohort_readiness,
    fate_detail,
    per_level,
    plan_aim,
    readiness,
    required_count,
    stale_entries,
)
from rolefit.render.cohort_table import change_text, progress_view, teaching_view
from rolefit.render.console import make_console
from rolefit.render.safe_terminal import visible
from rolefit.scoring.figures import count, percent, whole
from rolefit.scoring.plan import ORDER_RULE, PlanStep, gaps_by_gain

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, LearnerScore, Outcome
    from rolefit.matching.explain import Explanation
    from rolefit.scoring.assess import Assessment
    from rolefit.scoring.fates import EntryFate
    from rolefit.scoring.fit import RequirementResult, RoleIndex, RoleResult


def roles_table(roles: Sequence[Role], console: Console) -> None:
    table = Table(title="Roles", title_justify="left", title_style="bold")
    table.add_column("id", no_wrap=True, style="bold")
    table.add_column("title")
    table.add_column("skills", justify="right")
    table.add_column("required", justify="right")
    table.add_column("categories", justify="right")
    for role in roles:
        table.add_row(
            Text(role.id),
            Text(visible(role.title)),
            str(len(role.requirements)),
            str(required_count(role)),
            str(len(role.categories)),
        )
    console.print(table)
    console.print(Text("Details: rolefit roles show ROLE", style="dim"))


def role_detail(role: Role, console: Console) -> None:
    head = [Text.assemble((visible(role.title), "bold"), "  ", (f"({role.id})", "dim"))]
    if role.summary:
        head.append(Text(visible(role.summary)))
    console.print(Panel(Group(*head), expand=False))
    if role.responsibilities:
        console.print(Text("Key responsibilities", style="bold"))
        lines = [
            line
            for item in role.responsibilities
            for line in _hanging(console, Text("•"), Text(visible(item)), width=3)
        ]
        console.print(Text("\n").join(lines), no_wrap=True, crop=False)
    path = role.career_path
    if path.entry or path.mid or path.senior:
        console.print(Text("Career path", style="bold"))
        for label, titles in (("entry", path.entry), ("mid", path.mid), ("senior", path.senior)):
            if titles:
                lines = _hanging(console, Text(f"  {label}"), Text(visible(", ".join(titles))), width=9, justify="left")
                console.print(Text("\n").join(lines), no_wrap=True, crop=False)
    for block in role.salary:
        where = " ".join(str(x) for x in (block.region, block.year) if x)
        console.print(
            Text.assemble(("Salary", "bold"), f" {visible(where)}", (f"  source: {visible(block.source)}", "dim"))
        )
        for figure in block.figures:
            amounts = _money(block.currency, figure.amount, figure.low, figure.high)
            console.print(Text(f"  {visible(figure.label)}: {amounts}"))
    for category in role.categories:
        table = Table(
            title=Text(f"{visible(category.name)}  (weight {category.weight:g})"),
            title_justify="left",
            show_lines=False,
        )
        table.add_column("skill", style="bold", ratio=2)
        table.add_column("importance", no_wrap=True)
        table.add_column("target", no_wrap=True)
        table.add_column("first step", ratio=3)
        if role.levels:
            table.caption = f"importance and target per level: {'/'.join(role.levels)}"
            table.caption_justify = "left"
        for req in category.requirements:
            name = Text(visible(req.name))
            if req.one_of:
                name.append(f"\none of: {', '.join(visible(o) for o in req.one_of)}", style="dim")
            if req.aliases:
                name.append(f"\n{visible(', '.join(req.aliases))}", style="dim")
            table.add_row(
                name,
                per_level(req.importances),
                per_level(req.targets),
                Text(visible(req.learn[0] if req.learn else "")),
            )
        console.print(table)
    if role.sources:
        console.print(Text("Written from", style="bold"))
        lines = [line for title in role.sources for line in _hanging(console, Text("•"), Text(visible(title)), width=3)]
        console.print(Text("\n").join(lines), no_wrap=True, crop=False)


CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


def money(currency: str | None, amount: int) -> str:
    """An amount in the role file's currency: its symbol where it has a common one,
    else its code (`CHF 150,000`), else the bare number."""
    if currency is None:
        return f"{amount:,}"
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    return f"{symbol}{amount:,}" if symbol else f"{currency} {amount:,}"


def _money(currency: str | None, amount: int | None, low: int | None, high: int | None) -> str:
    parts = []
    if amount is not None:
        parts.append(money(currency, amount))
    if low is not None and high is not None:
        parts.append(f"{money(currency, low)} - {money(currency, high)}")
    elif low is not None:
        parts.append(f"from {money(currency, low)}")
    elif high is not None:
        parts.append(f"up to {money(currency, high)}")
    return " (range ".join(parts) + (")" if len(parts) == 2 else "")


# The assess report ----------------------------------------------------------
#
# A report is a list of sections, each a function from the report's data to the
# blocks it prints (nothing, when it has nothing to say), printed in order with a
# blank line between them. The one-screen summary and the --details report are two
# such lists (see _sections); a new section is a function and one entry there.

BAR_WIDTH = 20
MIN_GAPS_SHOWN = 3
NEEDED_FOR_SHOWN = 3


@dataclass(frozen=True)
class _Report:
    assessment: Assessment
    console: Console
    details: bool

    @property
    def detailed(self) -> RoleResult:
        return self.assessment.detailed


Block = RenderableType
Section = Callable[[_Report], list[Block]]


def _importance(r: RequirementResult | PlanStep) -> Importance:
    """The requirement's importance, as scored (one home: per-level importances land here)."""
    return r.importance


def _target(r: RequirementResult | PlanStep) -> int:
    """The requirement's target level, as scored (one home: per-level targets land here)."""
    return r.target


def _bar(value: float, width: int = BAR_WIDTH) -> Text:
    shown = whole(value)  # the bar agrees with the figure beside it
    filled = round(shown / 100 * width)
    color = "green" if shown >= 75 else "yellow" if shown >= 50 else "red"
    return Text.assemble(("█" * filled, color), ("░" * (width - filled), "dim"))


def _level(level: int | None, assumed: bool, from_years: bool = False) -> str:
    if level is None:
        return "-"
    if from_years:
        return f"{level}y"
    return f"{level}*" if assumed else str(level)


def _lines(lines: list[Text]) -> Text:
    """Lines already wrapped by _hanging, as one block that Rich will not wrap again."""
    block = Text("\n").join(lines)
    block.no_wrap = True
    block.overflow = "ignore"
    return block


def _title(title: str, note: str = "") -> Text:
    return Text.assemble((title, "bold"), (f"  {note}" if note else "", "dim"))


def _match_text(r: RequirementResult) -> Text:
    """`torch -> PyTorch (alias)`: what the person wrote, what it counted for, and how."""
    text = Text()
    written = r.matched_skill or ""
    text.append(visible(written))
    if r.matched_part and r.matched_part not in (written, r.requirement.name):
        text.append(f" ({visible(r.matched_part)})", style="dim")
    if r.match_method != "exact" or written != r.requirement.name:
        text.append(" → ")
        text.append(visible(r.requirement.name))
    how: str = r.match_method or ""
    if r.match_method == "fuzzy":
        how += f" {r.match_score:.0f}"
    if r.match_method == "implied" and r.matched_via not in ("", written, r.matched_part):
        how += f" by {visible(r.matched_via)}"
    if r.match_method == "alias" and " beside " in r.matched_via:
        how += f" ({visible(r.matched_via)})"  # a short form read in context: say which
    text.append(f"  {how}", style="dim")
    return text


def render_report(assessment: Assessment, style: Style) -> str:
    from io import StringIO

    buffer = StringIO()
    console = make_console(buffer, style)
    report(assessment, console, details=style.details)
    return "".join(line.rstrip(" ") + "\n" for line in buffer.getvalue().splitlines())


def report(assessment: Assessment, console: Console, details: bool = False) -> None:
    data = _Report(assessment, console, details)
    blocks = [section(data) for section in _sections(details)]
    for number, block in enumerate(b for b in blocks if b):
        if number:
            console.print()
        for renderable in block:
            console.print(renderable)


def _sections(details: bool) -> list[Section]:
    """What the report shows, in order (readiness per level sits under the ranking); the fate of every entry of the skills file (#7) takes
    the place of the old list of skills that counted for nothing."""
    if details:
        return [
            _heading,
            _ranking,
            _coverage,
            _what_counted,
            _entries,
            _every_gap,
            _full_plan,
            _closing,
        ]
    return [_heading, _ranking, _coverage, _top_gaps, _next_steps, _closing]


def _heading(data: _Report) -> list[Block]:
    profile = data.assessment.profile
    return [
        Text.assemble(
            ("rolefit", "bold"),
            " · ",
            (visible(profile.name or "your skills"), "bold"),
            (f"  {visible(profile.source)}", "dim"),
        )
    ]


def _ranking(data: _Report) -> list[Block]:
    assessment, detailed = data.assessment, data.detailed
    ranking = Table(
        box=None,
        show_header=False,
        pad_edge=False,
        title=f"Role fit at {assessment.level} level",
        title_justify="left",
        title_style="bold",
    )
    # A long title (a posting's) is cut, never the bar, the fit or the count beside
    # them: those take about 60 columns with the marker.
    ranking.add_column("role", no_wrap=True, overflow="ellipsis", max_width=max(12, data.console.width - 62))
    ranking.add_column("bar", no_wrap=True)
    ranking.add_column("fit", justify="right", no_wrap=True)
    ranking.add_column("required", no_wrap=True)
    for result in assessment.ranking:
        marker = ""
        if result is detailed:
            marker = "  ◀ your target" if assessment.detail_reason == "target" else "  ◀ best fit"
        ranking.add_row(
            Text(visible(result.role.title), style="bold" if result is detailed else ""),
            _bar(result.fit),
            percent(result.fit),
            Text.assemble(f"required {result.required_met}/{result.required_total}", (marker, "bold")),
        )
    return [ranking, _readiness(data)]


def _readiness(data: _Report) -> Text:
    detailed = data.detailed
    line = readiness(detailed.index.levels, detailed.fits, detailed.ready_for)
    return Text.assemble((visible(detailed.role.title), "bold"), "  ", line)


def _coverage(data: _Report) -> list[Block]:
    coverage = Table(
        box=None,
        show_header=False,
        pad_edge=False,
        title=Text(f"{visible(data.detailed.role.title)}: coverage by category"),
        title_justify="left",
        title_style="bold",
    )
    coverage.add_column("category", no_wrap=True)
    coverage.add_column("bar", no_wrap=True)
    coverage.add_column("coverage", justify="right", no_wrap=True)
    coverage.add_column("met", no_wrap=True, style="dim")
    for category in data.detailed.categories:
        met = sum(r.status == "met" for r in category.requirements)
        coverage.add_row(
            Text(visible(category.name)),
            _bar(category.coverage),
            percent(category.coverage),
            f"{met}/{len(category.requirements)} met",
        )
    return [coverage]


def _what_counted(data: _Report) -> list[Block]:
    matched = [r for r in data.detailed.requirements if r.status != "missing"]
    if not matched:
        return []
    table = Table(
        box=None, pad_edge=False, title=f"What counted ({len(matched)})", title_justify="left", title_style="bold"
    )
    table.add_column("your skill → requirement", ratio=1)
    table.add_column("you/target", justify="right", no_wrap=True)
    for r in matched:
        level = Text(f"{_level(r.user_level, r.level_assumed, r.level_from_years)}/{_target(r)}")
        if r.status == "below":
            level.stylize("yellow")
            level.append(" below", style="yellow")
        table.add_row(_match_text(r), level)
    blocks: list[Block] = [table]
    if any(r.level_assumed and not r.level_from_years for r in matched):
        blocks.append(Text("  * level assumed as 3 (intermediate): no level was given", style="dim"))
    if any(r.level_from_years for r in matched):
        blocks.append(Text("  y level from years of use: no level was given", style="dim"))
    return blocks


def _top_gaps(data: _Report) -> list[Block]:
    """The required gaps, biggest gain first: as many as one line holds (at least
    MIN_GAPS_SHOWN), then how many more."""
    results = data.detailed.requirements
    gaps = [
        results[i] for i in gaps_by_gain(data.detailed, data.detailed.slot) if _importance(results[i]) == "required"
    ]
    if not gaps:
        if not data.assessment.plan.total_gaps:
            return []  # the plan says it: nothing to learn
        return [_title("Gaps"), Text("  Every required skill is at its target level.")]
    room = data.console.width - 2
    shown: list[Text] = []
    for gap in gaps:
        left = len(gaps) - len(shown) - 1
        line = Text(", ").join([*shown, _gap_name(gap)]).cell_len + len(f" and {left} more" if left else "")
        if len(shown) >= MIN_GAPS_SHOWN and line > room:
            break
        shown.append(_gap_name(gap))
    names = Text(", ").join(shown)
    if len(shown) < len(gaps):
        names.append(f" and {len(gaps) - len(shown)} more")
    required = data.detailed.required_total
    title = _title(f"Biggest gaps: {len(gaps)} of {count(required, 'required skill')} not at target")
    return [title, _lines(_hanging(data.console, Text(), names, width=1))]


def _gap_name(r: RequirementResult) -> Text:
    if r.status == "missing":
        return Text(visible(r.requirement.name))
    return Text.assemble(visible(r.requirement.name), (f" {_level(r.user_level, r.level_assumed)}→{_target(r)}", "dim"))


def _every_gap(data: _Report) -> list[Block]:
    results = data.detailed.requirements
    blocks: list[Block] = []
    for importance in IMPORTANCES:
        missing = [r for r in results if r.status == "missing" and _importance(r) == importance]
        below = [r for r in results if r.status == "below" and _importance(r) == importance]
        for label, gaps in ((f"Missing, {importance}", missing), (f"Below target, {importance}", below)):
            if gaps:
                names = Text(", ").join(_gap_name(r) for r in gaps)
                blocks.append(Text.assemble((f"{label} ({len(gaps)}): ", "bold"), names))
    if not blocks:
        blocks.append(Text("No gaps: every skill of the role is at its target level."))
    return blocks


def _next_steps(data: _Report) -> list[Block]:
    return _plan(data, "Next steps", learn_shown=1)


def _full_plan(data: _Report) -> list[Block]:
    return _plan(data, "Learning plan", learn_shown=None)


def _plan(data: _Report, title: str, learn_shown: int | None) -> list[Block]:
    plan, console = data.assessment.plan, data.console
    stale = stale_entries(data.assessment)
    heading = Text.assemble(
        (f"{title} for {visible(data.detailed.role.title)}{plan_aim(plan.level)}", "bold"),
        (f"  ({len(plan.steps)} of {count(plan.total_gaps, 'gap')})", "dim"),
    )
    if not plan.steps:
        heading = _title(f"{title} for {visible(data.detailed.role.title)}")
        return [heading, Text("  Nothing to learn for this role: every skill is at its target level.")]
    lines = _hanging(console, Text(), Text(f"Order: {ORDER_RULE}", style="dim"), width=1)
    for number, step in enumerate(plan.steps, start=1):
        lines += _step(console, number, step, learn_shown, stale)
    return [heading, _lines(lines)]


def _step(
    console: Console, number: int, step: PlanStep, learn_shown: int | None, stale: Mapping[str, EntryFate]
) -> list[Text]:
    requirement = step.requirement
    now = "new" if step.status == "missing" else _level(step.current_level, step.level_assumed)
    if step.matched_skill is not None and step.matched_skill in stale:
        now += f" (last used {stale[step.matched_skill].skill.last_used}: refresh it)"
    lines = _hanging(
        console,
        Text(f"{number}.", style="bold"),
        Text.assemble(
            (visible(requirement.name), "bold"),
            f"  {_importance(step)}, {now} → {_target(step)} {level_name(_target(step))}",
            (f"  +{step.fit_gain:.1f} fit", "green"),
        ),
    )
    if step.needed_for:
        shown = step.needed_for if learn_shown is None else step.needed_for[:NEEDED_FOR_SHOWN]
        more = len(step.needed_for) - len(shown)
        note = "needed for: " + ", ".join(shown) + (f" and {more} more" if more else "")
        lines += _hanging(console, Text(), Text(note, style="dim"))
    for item in requirement.learn if learn_shown is None else requirement.learn[:learn_shown]:
        lines += _hanging(console, Text("•"), Text(visible(item)))
    return lines


def _closing(data: _Report) -> list[Block]:
    plan = data.assessment.plan
    if not data.details and not plan.total_gaps:
        more = "--details (what counted and how)"
    elif not data.details:
        more = "--details (what counted and how, every gap and learning item), --steps N"
    elif len(plan.steps) < plan.total_gaps:
        more = f"--steps 0: all {plan.total_gaps} gaps in the plan (--steps N for N of them)"
    else:
        return []
    return [Text(f"More: {more}", style="dim")]


def _entries(data: _Report) -> list[Block]:
    """The entries that did not count, each with what became of it; and the stale ones."""
    assessment, console = data.assessment, data.console
    entries = assessment.entries
    others = assessment.not_counted
    titles = {r.role.id: visible(r.role.title) for r in assessment.ranking}
    blocks: list[Block] = []
    if others:
        blocks.append(Text(f"Not counted for this role ({len(others)} of {len(entries)} entries)", style="bold"))
        lines: list[Text] = []
        for entry in others:
            detail = fate_detail(entry, titles, entries)
            text = Text.assemble((visible(entry.skill.as_written), "bold"), "  ", (visible(detail), "dim"))
            lines += _hanging(console, Text(f"{entry.number}."), text)
        blocks.append(_lines(lines))
    stale = [e for e in entries if e.stale]
    if stale:
        names = visible(", ".join(f"{e.skill.as_written} ({e.skill.last_used})" for e in stale))
        blocks.append(Text.assemble((f"Last used over {STALE_YEARS} years ago ({len(stale)}): ", "bold"), names))
        blocks.append(Text("  still counted as you rated them; worth a refresh", style="dim"))
    return blocks


def _hanging(
    console: Console, label: Text, text: Text, width: int = 4, justify: Literal["left", "right"] = "right"
) -> list[Text]:
    """The lines of `text` after a label in a column of `width`, wrapped under the
    text's own first character (by Rich's own wrapping, which counts terminal cells)."""
    label = label.copy()
    label.truncate(width)
    if justify == "right":
        label.pad_left(width - label.cell_len)
    else:
        label.pad_right(width - label.cell_len)
    lines = text.wrap(console, max(console.width - width - 1, 20))
    for line in lines:
        line.rstrip()
    return [Text.assemble(label if n == 0 else " " * width, " ", line) for n, line in enumerate(lines)]


# Batch -------------------------------------------------------------------------

SPARK = "▁▂▃▄▅▆▇█"
LEARNERS_SHOWN = 50  # a larger cohort shows its lowest fits; csv has everyone


def _spark(histogram: Sequence[int]) -> str:
    top = max(histogram) or 1
    return "".join(" " if n == 0 else SPARK[min(len(SPARK) - 1, n * len(SPARK) // (top + 1))] for n in histogram)


class _TableBatch:
    shows_cohort = True

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> None:
        self.out = out
        self.indexes = indexes
        self.style = style
        self.learners: list[LearnerScore] = []

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import LearnerScore

        if isinstance(outcome, LearnerScore):
            self.learners.append(outcome)

    def finish(self, cohort: Cohort | None) -> None:
        assert cohort is not None
        from io import StringIO

        buffer = StringIO()
        console = make_console(buffer, self.style)
        cohort_view(cohort, self.learners, console)
        self.out.write(buffer.getvalue())


def cohort_view(cohort: Cohort, learners: Sequence[LearnerScore], console: Console) -> None:
    failed = f", {cohort.failed} could not be read (listed on stderr)" if cohort.failed else ""
    console.print(Text.assemble(("rolefit batch", "bold"), f" · {count(cohort.learners, 'learner')} scored{failed}"))
    console.print()
    if cohort.progress is not None:
        progress_view(cohort.progress, console)
    if not cohort.learners:
        return

    fits = Table(box=None, pad_edge=False, title="Fit by role", title_justify="left", title_style="bold")
    fits.add_column("role", no_wrap=True)
    fits.add_column("median", justify="right", no_wrap=True)
    fits.add_column("middle half", justify="right", no_wrap=True)
    fits.add_column("range", justify="right", no_wrap=True)
    fits.add_column("0 → 100", no_wrap=True)
    fits.add_column("best for", justify="right", no_wrap=True)
    for role in cohort.roles:
        fit = role.fit
        if fit is None:
            continue
        fits.add_row(
            Text(visible(role.index.role.title)),
            percent(fit.median),
            f"{whole(fit.q1)}-{percent(fit.q3)}",
            f"{whole(fit.low)}-{percent(fit.high)}",
            Text(_spark(fit.histogram), style="cyan"),
            str(role.detailed_for),
        )
    console.print(fits)
    console.print(Text("  best for: learners whose target, or else best fit, is this role", style="dim"))
    console.print()
    console.print(Text("Readiness of those learners", style="bold"))
    for role in cohort.roles:
        if role.detailed_for:
            console.print(Text.assemble("  ", (visible(role.index.role.title), "bold"), "  ", cohort_readiness(role)))
    console.print()

    teaching_view(cohort.lessons, console)
    console.print()

    coverage = Table(
        box=None, pad_edge=False, title="Mean coverage by category", title_justify="left", title_style="bold"
    )
    coverage.add_column("category", no_wrap=True)
    by_name: dict[str, list[str]] = {}
    for number, role in enumerate(cohort.roles):
        coverage.add_column(Text(visible(role.index.role.title)), justify="right", max_width=11)
        for category, mean in zip(role.index.role.categories, role.category_means, strict=True):
            by_name.setdefault(category.name, [""] * len(cohort.roles))[number] = percent(mean)
    for name, cells in by_name.items():
        coverage.add_row(Text(visible(name)), *cells)
    console.print(coverage)
    console.print()

    listed = sorted(learners, key=lambda s: (s.fits[s.detailed], s.source))
    title = "Learners, lowest fit first"
    if len(listed) > LEARNERS_SHOWN:
        listed = listed[:20]
        title += f" (20 of {len(learners)}; all with --format csv)"
    table = Table(box=None, pad_edge=False, title=title, title_justify="left", title_style="bold")
    table.add_column("learner", ratio=2)
    table.add_column("role", ratio=2)
    table.add_column("fit", justify="right", no_wrap=True)
    if cohort.progress is not None:
        table.add_column("since", justify="right", no_wrap=True)
    table.add_column("req.", justify="right", no_wrap=True)
    table.add_column("top gaps", ratio=3)
    for score in listed:
        detailed = cohort.roles[score.detailed].index
        path = visible(score.path or score.source)
        learner = Text.assemble(visible(score.name), "\n", (path, "dim")) if score.name else Text(path)
        table.add_row(
            learner,
            Text(visible(detailed.role.title)),
            percent(score.fits[score.detailed]),
            *([change_text(score.change)] if cohort.progress is not None else []),
            f"{score.required_met[score.detailed]}/{len(detailed.required_at(score.level))}",
            Text(visible(", ".join(score.top_gaps))),
        )
    console.print(table)


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _TableBatch:
    return _TableBatch(out, indexes, style)


# Explain ---------------------------------------------------------------------------


def explanations_table(explanations: Sequence[Explanation], console: Console) -> None:
    for number, explanation in enumerate(explanations):
        if number:
            console.print()
        console.print(Text("\n").join(_explanation_lines(explanation, console)), no_wrap=True, crop=False)


def _explanation_lines(e: Explanation, console: Console) -> list[Text]:
    lines = [Text.assemble(("“", "dim"), (e.text, "bold"), ("”", "dim"))]

    def row(label: str, text: Text) -> None:
        lines.extend(_hanging(console, Text(label, style="dim"), text, width=len("not read as"), justify="left"))

    if e.level is not None:
        level, years = e.level
        read = [f"{level} {level_name(level)}"] if level is not None else []
        read += [f"{years:g} years"] if years is not None else []
        row("level", Text(", ".join(read) + f", written in the text; the skill is '{e.name}'"))
    row("normalised", Text(e.normalised))
    if e.parts:
        row("pieces", Text(" · ".join(e.parts)))
    if not e.resolved:
        # with near misses, rolefit knows the names: it turned each one down below
        nothing = "no skill: each reading below was turned down" if e.near_misses else "nothing rolefit knows"
        row("reads as", Text(nothing, style="yellow"))
    for r in e.resolved:
        how: str = r.method
        if r.method == "fuzzy":
            how += f" {r.score:.0f}"
        if r.via and r.method in ("alias", "fuzzy"):
            how += f" ({r.via})"
        if r.method == "implied":
            how += f" by {r.via}"
        row("reads as", Text.assemble((r.skill, "bold"), f"  {how}"))
        asked = [f"{a.title}: {a.importance}, target {a.target}" for a in r.asked_by]
        row("", Text("asked by " + "; ".join(asked) if asked else "no role asks for it", style="dim"))
    for miss in e.near_misses:
        row("not read as", Text.assemble((miss.skill, "bold"), f" ({miss.written}): {miss.reason}"))
    return lines
