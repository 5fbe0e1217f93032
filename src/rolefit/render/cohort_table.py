"""The batch table's cohort sections that read time and teaching: what to
teach next, and what changed since an earlier run. User text goes in as Text,
through visible()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolefit.render.safe_terminal import visible
from rolefit.scoring.figures import count

if TYPE_CHECKING:
    from rich.console import Console

    from rolefit.cohort.progress import CohortProgress, LearnerChange
    from rolefit.cohort.teaching import RoleLessons

LESSONS_SHOWN = 8  # per role; --format json has every gap, with every learner's name


def lesson_gain(lessons: RoleLessons, gain: float) -> str:
    """A gap's total gain as the rise of the mean fit of the role's learners."""
    return f"+{gain / lessons.learners:.1f}"


def teaching_view(all_lessons: tuple[RoleLessons, ...], console: Console) -> None:
    console.print(Text("What to teach next", style="bold"))
    console.print(
        Padding(
            Text(
                "by the fit they add to the learners who lack them, toward each one's own role and level;"
                " prerequisites just before what needs them",
                style="dim",
            ),
            (0, 0, 0, 2),
        )
    )
    for lessons in all_lessons:
        levels = ", ".join(f"{level} {n}" for level, n in lessons.levels)
        console.print(
            Text.assemble(
                ("\n" + visible(lessons.index.role.title), "bold"),
                f" · {count(lessons.learners, 'learner')} ({levels})",
            )
        )
        if not lessons.lessons:
            console.print(Text("  nothing left to teach: every learner meets every target", style="dim"))
            continue
        table = Table(box=None, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("teach", ratio=1)
        table.add_column("mean fit", justify="right", no_wrap=True)
        table.add_column("learners", justify="right", no_wrap=True)
        for number, lesson in enumerate(lessons.lessons[:LESSONS_SHOWN], start=1):
            cell = Text(visible(lesson.requirement.name), style="bold")
            if lesson.needed_for:
                cell.append(" · first, for " + visible(", ".join(lesson.needed_for)), style="yellow")
            if lesson.requirement.learn:
                more = len(lesson.requirement.learn) - 1
                cell.append("\n" + visible(lesson.requirement.learn[0]) + (f" (+{more} more)" if more else ""), "dim")
            table.add_row(
                f"{number}.", cell, lesson_gain(lessons, lesson.gain), f"{lesson.learners}/{lessons.learners}"
            )
        console.print(table)
        left = len(lessons.lessons) - LESSONS_SHOWN
        if left > 0:
            console.print(Text(f"  and {count(left, 'more gap')} (all in --format json)", style="dim"))
    console.print(Text("  mean fit: how much the mean fit of the role's learners rises once it is taught", style="dim"))


def progress_view(progress: CohortProgress, console: Console) -> None:
    console.print(Text.assemble(("Since ", "bold"), (visible(progress.earlier), "bold")))
    if progress.roles_changed:
        changed = visible(", ".join(progress.roles_changed))
        text = Text(f"roles changed since then: {changed} (a fit that moved with a role is not progress)")
        console.print(Padding(text, (0, 0, 0, 2), style="yellow"))
    if progress.roles_unknown:
        unknown = visible(", ".join(progress.roles_unknown))
        console.print(Padding(Text(f"the earlier run does not say whether roles changed: {unknown}"), (0, 0, 0, 2)))
    lines = [
        f"{count(progress.matched, 'learner')} of {progress.earlier_learners} found again · "
        f"{len(progress.new)} new · {len(progress.gone)} gone"
    ]
    if progress.mean_change is not None:
        lines.append(f"mean fit change {progress.mean_change:+.1f} over {count(progress.compared, 'learner')}")
    for move in progress.readiness:
        parts = [
            f"{move.reached} reached {move.level}" if move.reached else "",
            f"{move.fell} fell below {move.level}" if move.fell else "",
        ]
        lines.append(f"{visible(move.role)}: " + ", ".join(p for p in parts if p))
    if progress.gaps_closed:
        lines.append("gaps most closed: " + visible(", ".join(f"{name} {n}" for name, n in progress.gaps_closed[:6])))
    if progress.backwards:
        lines.append(
            "went backwards: " + visible(", ".join(f"{who} {change:+.1f}" for who, change in progress.backwards))
        )
    for now, then in progress.matched_by_name:
        lines.append(f"matched by name: {visible(now)} (then {visible(then)})")
    if progress.new:
        lines.append("new: " + visible(", ".join(progress.new)))
    if progress.gone:
        lines.append("gone: " + visible(", ".join(progress.gone)))
    for line in lines:  # wrapped lines hang under the first
        console.print(Padding(Text(line), (0, 0, 0, 2)))
    console.print()


def change_text(change: LearnerChange | None) -> Text:
    """A learner's fit change for the learner table: `+3.1`, `new`, or `` (role not in the earlier run)."""
    if change is None:
        return Text("")
    if change.before is None:
        return Text("new", style="cyan")
    if change.fit_change is None:
        return Text("")
    style = "green" if change.fit_change > 0 else "red" if change.fit_change < 0 else "dim"
    return Text(f"{change.fit_change:+.1f}", style=style)
