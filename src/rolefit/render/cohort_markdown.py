"""The batch Markdown's cohort sections that read time and teaching: what to
teach next, and what changed since an earlier run. User text through escape()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rolefit.render.safe_markdown import escape
from rolefit.scoring.figures import count

if TYPE_CHECKING:
    from rolefit.cohort.progress import CohortProgress, LearnerChange
    from rolefit.cohort.teaching import RoleLessons

LESSONS_SHOWN = 10


def teaching_lines(all_lessons: tuple[RoleLessons, ...]) -> list[str]:
    lines = [
        "### What to teach next",
        "",
        "Gaps by the fit they add to the learners who lack them, toward each one's own role (target, "
        "or else best fit) and level; prerequisites just before what needs them. *Mean fit*: how much "
        "the mean fit of the role's learners rises once it is taught.",
        "",
    ]
    for lessons in all_lessons:
        levels = ", ".join(f"{level} {n}" for level, n in lessons.levels)
        lines += [
            f"**{escape(lessons.index.role.title)}**: {count(lessons.learners, 'learner')} ({levels})",
            "",
            "| # | teach | mean fit | learners | how to learn it |",
            "| ---: | --- | ---: | ---: | --- |",
        ]
        for number, lesson in enumerate(lessons.lessons[:LESSONS_SHOWN], start=1):
            first = f" (first, for {escape(', '.join(lesson.needed_for))})" if lesson.needed_for else ""
            learn = escape(lesson.requirement.learn[0]) if lesson.requirement.learn else ""
            lines.append(
                f"| {number} | {escape(lesson.requirement.name)}{first} | +{lesson.gain / lessons.learners:.1f} | "
                f"{lesson.learners}/{lessons.learners} | {learn} |"
            )
        left = len(lessons.lessons) - LESSONS_SHOWN
        if left > 0:
            lines.append(f"\n{count(left, 'more gap')} in the JSON output (--format json).")
        lines.append("")
    return lines


def progress_lines(progress: CohortProgress) -> list[str]:
    lines = [f"### Since {escape(progress.earlier)}", ""]
    if progress.roles_changed:
        lines += [
            f"**Roles changed since then**: {escape(', '.join(progress.roles_changed))} "
            "(a fit that moved with a role is not progress).",
            "",
        ]
    if progress.roles_unknown:
        lines += [
            f"The earlier run does not say whether these roles changed: {escape(', '.join(progress.roles_unknown))}.",
            "",
        ]
    lines.append(
        f"- {count(progress.matched, 'learner')} of {progress.earlier_learners} found again, "
        f"{len(progress.new)} new, {len(progress.gone)} gone"
    )
    if progress.mean_change is not None:
        lines.append(f"- mean fit change {progress.mean_change:+.1f} over {count(progress.compared, 'learner')}")
    for move in progress.readiness:
        parts = [
            f"{move.reached} reached {move.level}" if move.reached else "",
            f"{move.fell} fell below {move.level}" if move.fell else "",
        ]
        lines.append(f"- {escape(move.role)}: " + ", ".join(p for p in parts if p))
    if progress.gaps_closed:
        lines.append("- gaps most closed: " + ", ".join(f"{escape(name)} {n}" for name, n in progress.gaps_closed[:10]))
    if progress.backwards:
        lines.append(
            "- went backwards: " + ", ".join(f"{escape(who)} {change:+.1f}" for who, change in progress.backwards)
        )
    lines.extend(f"- matched by name: {escape(now)} (then {escape(then)})" for now, then in progress.matched_by_name)
    if progress.new:
        lines.append("- new: " + ", ".join(escape(n) for n in progress.new))
    if progress.gone:
        lines.append("- gone: " + ", ".join(escape(n) for n in progress.gone))
    return [*lines, ""]


def change_cell(change: LearnerChange | None) -> str:
    if change is None or (change.before is not None and change.fit_change is None):
        return ""
    return "new" if change.before is None else f"{change.fit_change:+.1f}"
