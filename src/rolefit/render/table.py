"""The Rich terminal rendering. User and file text always goes in as Text, so a
skill called `[bold]` prints as written, and through visible(), so a control
code in it is shown, never sent to the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from rolefit.model import Role, level_name
from rolefit.render import Style, uncounted
from rolefit.render.console import make_console
from rolefit.render.safe_terminal import visible

if TYPE_CHECKING:
    from rolefit.assess import Assessment
    from rolefit.batch import Cohort, LearnerScore, Outcome
    from rolefit.scoring import RequirementResult, RoleIndex


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
            str(sum(r.importance == "required" for r in role.requirements)),
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
            console.print(Text(f"  {visible(figure.label)}: {_money(figure.amount, figure.low, figure.high)}"))
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
        for req in category.requirements:
            name = Text(visible(req.name))
            if req.aliases:
                name.append(f"\n{visible(', '.join(req.aliases))}", style="dim")
            table.add_row(
                name,
                req.importance,
                f"{req.level} {level_name(req.level)}",
                Text(visible(req.learn[0] if req.learn else "")),
            )
        console.print(table)


def _money(amount: int | None, low: int | None, high: int | None) -> str:
    parts = []
    if amount is not None:
        parts.append(f"${amount:,}")
    if low is not None and high is not None:
        parts.append(f"${low:,} - ${high:,}")
    elif low is not None:
        parts.append(f"from ${low:,}")
    elif high is not None:
        parts.append(f"up to ${high:,}")
    return " (range ".join(parts) + (")" if len(parts) == 2 else "")


# The assess report ----------------------------------------------------------

BAR_WIDTH = 20
LEARN_STEPS_SHOWN = 2
NEEDED_FOR_SHOWN = 3


def _bar(percent: float, width: int = BAR_WIDTH) -> Text:
    filled = round(percent / 100 * width)
    color = "green" if percent >= 75 else "yellow" if percent >= 50 else "red"
    return Text.assemble(("█" * filled, color), ("░" * (width - filled), "dim"))


def _level(level: int | None, assumed: bool) -> str:
    if level is None:
        return "-"
    return f"{level}*" if assumed else str(level)


def _match_text(r: RequirementResult) -> Text:
    """`torch -> PyTorch (alias)`: what the person wrote, what it counted for, and how."""
    text = Text()
    written = r.matched_skill or ""
    text.append(visible(written))
    if r.matched_part and r.matched_part != written:
        text.append(f" ({visible(r.matched_part)})", style="dim")
    if r.match_method != "exact" or written != r.requirement.name:
        text.append(" → ")
        text.append(visible(r.requirement.name))
    how: str = r.match_method or ""
    if r.match_method == "fuzzy":
        how += f" {r.match_score:.0f}"
    if r.match_method == "implied" and r.matched_via not in ("", written, r.matched_part):
        how += f" by {visible(r.matched_via)}"
    text.append(f"  {how}", style="dim")
    return text


def render_report(assessment: Assessment, style: Style) -> str:
    from io import StringIO

    buffer = StringIO()
    console = make_console(buffer, style)
    report(assessment, console)
    return buffer.getvalue()


def report(assessment: Assessment, console: Console) -> None:
    profile = assessment.profile
    detailed = assessment.detailed
    who = Text.assemble(
        ("rolefit", "bold"),
        " · ",
        (visible(profile.name or "your skills"), "bold"),
        (f"  {visible(profile.source)}", "dim"),
    )
    console.print(who)
    console.print()

    ranking = Table(
        box=None, show_header=False, pad_edge=False, title="Role fit", title_justify="left", title_style="bold"
    )
    ranking.add_column("role", no_wrap=True)
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
            f"{result.fit:.0f}%",
            Text.assemble(f"required {result.required_met}/{result.required_total}", (marker, "bold")),
        )
    console.print(ranking)
    console.print()

    coverage = Table(
        box=None,
        show_header=False,
        pad_edge=False,
        title=Text(f"{visible(detailed.role.title)}: coverage by category"),
        title_justify="left",
        title_style="bold",
    )
    coverage.add_column("category", no_wrap=True)
    coverage.add_column("bar", no_wrap=True)
    coverage.add_column("coverage", justify="right", no_wrap=True)
    coverage.add_column("met", no_wrap=True, style="dim")
    for category in detailed.categories:
        met = sum(r.status == "met" for r in category.requirements)
        coverage.add_row(
            Text(visible(category.name)),
            _bar(category.coverage),
            f"{category.coverage:.0f}%",
            f"{met}/{len(category.requirements)} met",
        )
    console.print(coverage)
    console.print()

    results = detailed.requirements
    matched = [r for r in results if r.status != "missing"]
    if matched:
        table = Table(
            box=None, pad_edge=False, title=f"What counted ({len(matched)})", title_justify="left", title_style="bold"
        )
        table.add_column("your skill → requirement", ratio=1)
        table.add_column("you/target", justify="right", no_wrap=True)
        for r in matched:
            level = Text(f"{_level(r.user_level, r.level_assumed)}/{r.requirement.level}")
            if r.status == "below":
                level.stylize("yellow")
                level.append(" below", style="yellow")
            table.add_row(_match_text(r), level)
        console.print(table)
        if any(r.level_assumed for r in matched):
            console.print(Text("  * level assumed as 3 (intermediate): no level was given", style="dim"))
        console.print()

    unused = uncounted(assessment)
    if unused:
        console.print(
            Text.assemble(
                (f"Not counted for this role ({len(unused)}): ", "bold"),
                visible(", ".join(unused)),
                ("  (not one of its skills, or not recognised)", "dim"),
            )
        )
        console.print()
    missing = [r for r in results if r.status == "missing"]
    required = [r.requirement.name for r in missing if r.requirement.importance == "required"]
    if required:
        console.print(Text.assemble((f"Missing, required ({len(required)}): ", "bold"), visible(", ".join(required))))
    others = {i: sum(r.requirement.importance == i for r in missing) for i in ("preferred", "bonus")}
    if any(others.values()):
        console.print(
            Text(
                f"Also missing: {others['preferred']} preferred and {others['bonus']} bonus skills "
                "(listed with --format markdown or json)",
                style="dim",
            )
        )
    console.print()

    plan = assessment.plan
    console.print(
        Text.assemble(
            (f"Learning plan for {visible(detailed.role.title)}", "bold"),
            (f"  ({len(plan.steps)} of {plan.total_gaps} gaps, biggest gain first)", "dim"),
        )
    )
    if not plan.steps:
        console.print(Text("  Nothing to learn for this role: every skill is at its target level."))
        return
    for number, step in enumerate(plan.steps, start=1):
        requirement = step.requirement
        if step.status == "missing":
            where = f"new → {requirement.level} {level_name(requirement.level)}"
        else:
            where = f"{_level(step.current_level, step.level_assumed)} → {requirement.level} {level_name(requirement.level)}"
        lines = _hanging(
            console,
            Text(f"{number}.", style="bold"),
            Text.assemble(
                (visible(requirement.name), "bold"),
                f"  {requirement.importance}, {where}",
                (f"  +{step.fit_gain:.1f} fit", "green"),
            ),
        )
        if step.needed_for:
            shown = ", ".join(step.needed_for[:NEEDED_FOR_SHOWN])
            more = len(step.needed_for) - NEEDED_FOR_SHOWN
            note = f"first, for: {shown}" + (f" and {more} more" if more > 0 else "")
            lines += _hanging(console, Text(), Text(visible(note), style="dim"))
        for item in requirement.learn[:LEARN_STEPS_SHOWN]:
            lines += _hanging(console, Text("•"), Text(visible(item)))
        if len(requirement.learn) > LEARN_STEPS_SHOWN:
            hidden = len(requirement.learn) - LEARN_STEPS_SHOWN
            lines += _hanging(
                console, Text(), Text(f"+{hidden} more step{'s' * (hidden > 1)} with --format markdown", style="dim")
            )
        console.print(Text("\n").join(lines), no_wrap=True, crop=False)


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
        from rolefit.batch import LearnerScore

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
    console.print(Text.assemble(("rolefit batch", "bold"), f" · {cohort.learners} learners scored{failed}"))
    console.print()
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
            f"{fit.median:.0f}%",
            f"{fit.q1:.0f}-{fit.q3:.0f}%",
            f"{fit.low:.0f}-{fit.high:.0f}%",
            Text(_spark(fit.histogram), style="cyan"),
            str(role.detailed_for),
        )
    console.print(fits)
    console.print(Text("  best for: learners whose target, or else best fit, is this role", style="dim"))
    console.print()

    shown = 10 if len(cohort.roles) == 1 else 5
    console.print(Text("Most common gaps: required skills missing or below target", style="bold"))
    for role in cohort.roles:
        console.print(Text(visible(role.index.role.title), style="bold"))
        gaps = Table(box=None, show_header=False, pad_edge=False)
        gaps.add_column("skill", no_wrap=True, max_width=40)
        gaps.add_column("bar", no_wrap=True)
        gaps.add_column("share", justify="right", no_wrap=True)
        gaps.add_column("count", justify="right", no_wrap=True, style="dim")
        for gap in role.common_gaps[:shown]:
            gaps.add_row(
                Text("  " + visible(gap.skill)),
                _bar(100 * gap.share, 16),
                f"{100 * gap.share:.0f}%",
                f"{gap.count}/{cohort.learners}",
            )
        console.print(gaps)
    console.print()

    coverage = Table(
        box=None, pad_edge=False, title="Mean coverage by category", title_justify="left", title_style="bold"
    )
    coverage.add_column("category", no_wrap=True)
    by_name: dict[str, list[str]] = {}
    for number, role in enumerate(cohort.roles):
        coverage.add_column(Text(visible(role.index.role.title)), justify="right", max_width=11)
        for category, mean in zip(role.index.role.categories, role.category_means, strict=True):
            by_name.setdefault(category.name, [""] * len(cohort.roles))[number] = f"{mean:.0f}%"
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
    table.add_column("req.", justify="right", no_wrap=True)
    table.add_column("top gaps", ratio=3)
    for score in listed:
        detailed = cohort.roles[score.detailed].index
        table.add_row(
            Text(visible(score.name or Path(score.source).name)),
            Text(visible(detailed.role.title)),
            f"{score.fits[score.detailed]:.0f}%",
            f"{score.required_met[score.detailed]}/{len(detailed.required)}",
            Text(visible(", ".join(score.top_gaps))),
        )
    console.print(table)


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _TableBatch:
    return _TableBatch(out, indexes, style)
