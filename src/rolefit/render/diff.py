"""`rolefit diff` in each of its formats: a table for the terminal, Markdown,
JSON, and (in rolefit.render.html_diff) HTML. They read a ReportDiff and compute nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rolefit.options import DiffFormat

if TYPE_CHECKING:
    from rolefit.cohort.diff import LevelFit, ReportDiff, RequirementChange, RoleDiff, SkillChange
    from rolefit.render import Style

SHOWN = 12  # names listed per group in the table and Markdown; json has them all
DIFF_SCHEMA_VERSION = 1


def render_diff(fmt: DiffFormat, diff: ReportDiff, style: Style) -> str:
    if fmt is DiffFormat.json:
        from rolefit.render.json import dumps

        return dumps(diff_data(diff))
    if fmt is DiffFormat.html:
        from rolefit.render.html_diff import render_diff_page

        return render_diff_page(diff_data(diff), SHOWN)
    lines = diff_lines(diff, markdown=fmt is DiffFormat.markdown)
    if fmt is DiffFormat.markdown:
        return "\n".join(lines) + "\n"
    from io import StringIO

    from rich.padding import Padding
    from rich.text import Text

    from rolefit.render.console import make_console

    buffer = StringIO()
    console = make_console(buffer, style)
    for number, line in enumerate(lines):
        if line.startswith("  "):  # an item: wrapped lines hang under its first
            console.print(Padding(Text(line[2:]), (0, 0, 0, 2)))
        else:
            console.print(Text(line, style="bold" if number == 0 or line.endswith(":") else ""))
    return buffer.getvalue()


def _fit(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _level_fit(fit: LevelFit) -> str:
    change = "" if fit.before is None or fit.after is None else f" ({fit.after - fit.before:+.1f})"
    return f"{fit.level} {_fit(fit.before)} → {_fit(fit.after)}{change}"


def _requirement(r: RequirementChange) -> str:
    before = "-" if r.level_before is None else str(r.level_before)
    after = "-" if r.level_after is None else str(r.level_after)
    return f"{r.name} ({before} → {after} of {r.target})"


def _names(items: Sequence[str]) -> str:
    shown = ", ".join(items[:SHOWN])
    return shown + (f", and {len(items) - SHOWN} more" if len(items) > SHOWN else "")


def _skill(s: SkillChange) -> str:
    before = "" if s.before is None else str(s.before)
    after = "" if s.after is None else str(s.after)
    if s.before is None:
        return f"{s.name} ({after})"
    if s.after is None:
        return f"{s.name} (was {before})"
    return f"{s.name} {before} → {after}"


def diff_lines(diff: ReportDiff, markdown: bool = False) -> list[str]:
    """The diff as lines of text; user text escaped for the medium."""
    if markdown:
        from rolefit.render.safe_markdown import escape
    else:
        from rolefit.render.safe_terminal import visible as escape
    item = "- " if markdown else "  "
    who = f" · {escape(diff.name)}" if diff.name else ""
    lines = [f"{'## ' if markdown else ''}rolefit diff{who} · {escape(diff.old)} → {escape(diff.new)}", ""]
    warnings = []
    if diff.roles_changed:
        warnings.append(
            f"Roles changed between the two runs: {escape(', '.join(diff.roles_changed))}. "
            "A fit that moved with a role edit is not progress."
        )
    if diff.roles_unknown:
        warnings.append(
            f"One report does not record its roles' content ({escape(', '.join(diff.roles_unknown))}): "
            "a role may have changed."
        )
    if diff.level_before != diff.level_after:
        warnings.append(f"Assessed at {diff.level_before} then and {diff.level_after} now.")
    if diff.roles_only_before or diff.roles_only_after:
        warnings.append(
            "Roles in one run only: " + escape(", ".join([*diff.roles_only_before, *diff.roles_only_after])) + "."
        )
    lines += [f"{'**Note**: ' if markdown else ''}{w}" for w in warnings]
    if warnings:
        lines.append("")
    for number, role in enumerate(diff.roles):
        focus = " (in focus)" if role.id == diff.detailed else ""
        changed = " (role changed)" if role.role_changed else ""
        title = f"{escape(role.title)}{focus}{changed}"
        lines.append(f"### {title}" if markdown else f"{title}:")
        lines.append(item + " · ".join(_level_fit(f) for f in role.fits))
        if role.ready_before != role.ready_after:
            lines.append(f"{item}readiness: {role.ready_before or 'none'} → {role.ready_after or 'none'}")
        else:
            lines.append(f"{item}readiness: {role.ready_after or 'none'} (unchanged)")
        lines += _requirement_lines(role, item, escape, full=number == 0)
        lines.append("")
    plan = f"Plan steps done (the earlier plan for {escape(diff.plan_role)}):"
    lines.append(f"### {plan[:-1]}" if markdown else plan)
    total = len(diff.plan_done) + len(diff.plan_left)
    lines.append(
        f"{item}{len(diff.plan_done)} of {total}" + (f": {escape(_names(diff.plan_done))}" if diff.plan_done else "")
    )
    if diff.plan_left:
        lines.append(f"{item}still to do: {escape(_names(diff.plan_left))}")
    lines.append("")
    lines.append("### Skills" if markdown else "Skills:")
    groups = [
        ("added", diff.skills_added),
        ("removed", diff.skills_removed),
        ("levelled up", diff.levelled_up),
        ("levelled down", diff.levelled_down),
    ]
    shown = [(label, skills) for label, skills in groups if skills]
    lines += [f"{item}{label}: {escape(_names([_skill(s) for s in skills]))}" for label, skills in shown]
    if not shown:
        lines.append(f"{item}no change")
    return lines


def _requirement_lines(role: RoleDiff, item: str, escape: Any, full: bool) -> list[str]:
    groups = [
        ("newly met", role.newly_met),
        ("newly below target", role.newly_below),
        ("closer, not there yet", role.improved),
        ("still missing", role.still_missing),
    ]
    lines = []
    if role.level_before != role.level_after:
        lines.append(f"{item}requirements at {role.level_before} then, {role.level_after} now")
    for label, changes in groups[:3]:
        if changes:
            lines.append(f"{item}{label} ({len(changes)}): {escape(_names([_requirement(c) for c in changes]))}")
    missing = role.still_missing
    required = [c.name for c in missing if c.importance == "required"]
    if required and full:
        lines.append(f"{item}still missing, required ({len(required)}): {escape(_names(required))}")
    elif required:
        lines.append(f"{item}still missing, required: {len(required)}")
    if len(missing) > len(required):
        lines.append(f"{item}still missing, preferred or bonus: {len(missing) - len(required)}")
    return lines


def _change(r: RequirementChange) -> dict[str, Any]:
    return {
        "requirement": r.name,
        "category": r.category,
        "importance": r.importance,
        "target_level": r.target,
        "status_before": r.status_before,
        "status_after": r.status_after,
        "level_before": r.level_before,
        "level_after": r.level_after,
    }


def diff_data(diff: ReportDiff) -> dict[str, Any]:
    def skills(items: Sequence[SkillChange]) -> list[dict[str, Any]]:
        return [{"skill": s.name, "level_before": s.before, "level_after": s.after} for s in items]

    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "old": diff.old,
        "new": diff.new,
        "name": diff.name,
        "level_before": diff.level_before,
        "level_after": diff.level_after,
        "roles_changed": list(diff.roles_changed),
        "roles_unknown": list(diff.roles_unknown),
        "roles_only_before": list(diff.roles_only_before),
        "roles_only_after": list(diff.roles_only_after),
        "detailed_role": diff.detailed,
        "roles": [
            {
                "id": r.id,
                "title": r.title,
                "role_changed": r.role_changed,
                "level_before": r.level_before,
                "level_after": r.level_after,
                "fit_change": r.fit_change,
                "fit_by_level": [{"level": f.level, "before": f.before, "after": f.after} for f in r.fits],
                "ready_before": r.ready_before,
                "ready_after": r.ready_after,
                "newly_met": [_change(c) for c in r.newly_met],
                "newly_below": [_change(c) for c in r.newly_below],
                "improved": [_change(c) for c in r.improved],
                "still_missing": [_change(c) for c in r.still_missing],
            }
            for r in diff.roles
        ],
        "plan": {"role": diff.plan_role, "done": list(diff.plan_done), "left": list(diff.plan_left)},
        "skills": {
            "added": skills(diff.skills_added),
            "removed": skills(diff.skills_removed),
            "levelled_up": skills(diff.levelled_up),
            "levelled_down": skills(diff.levelled_down),
        },
    }
