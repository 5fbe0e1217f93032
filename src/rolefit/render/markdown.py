"""Markdown: for a pull-request comment or a GitHub step summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rolefit.formats.proficiency import STALE_YEARS
from rolefit.model import level_name
from rolefit.render import Style, cohort_readiness, entry_level, fate_detail, plan_aim, readiness, stale_entries
from rolefit.render.cohort_markdown import change_cell, progress_lines, teaching_lines
from rolefit.render.safe_markdown import escape
from rolefit.scoring.figures import count, percent, whole
from rolefit.scoring.plan import ORDER_RULE

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, FileError, LearnerScore, Outcome
    from rolefit.scoring.assess import Assessment
    from rolefit.scoring.fit import RequirementResult, RoleIndex


def _level(level: int | None, assumed: bool, from_years: bool = False) -> str:
    if level is None:
        return "-"
    if from_years:
        return f"{level} (from years)"
    return f"{level} (assumed)" if assumed else str(level)


def _how(r: RequirementResult) -> str:
    how: str = r.match_method or ""
    if r.match_method == "fuzzy":
        how += f" ({r.match_score:.0f})"
    if r.matched_via and r.match_method in ("alias", "implied", "fuzzy"):
        how += f" via {escape(r.matched_via)}"
    return how


def render_report(assessment: Assessment, style: Style) -> str:
    profile = assessment.profile
    detailed = assessment.detailed
    lines = [f"## rolefit: {escape(profile.name or 'skills report')}", ""]
    lines += [f"Skills file: {escape(profile.source)}", ""]
    lines += [f"Assessed at {assessment.level} level.", ""]
    lines += ["| rank | role | fit | required met |", "| ---: | --- | ---: | ---: |"]
    for i, r in enumerate(assessment.ranking, start=1):
        title = escape(r.role.title)
        if r is detailed:
            title = f"**{title}** ({'target' if assessment.detail_reason == 'target' else 'best fit'})"
        lines.append(f"| {i} | {title} | {percent(r.fit)} | {r.required_met}/{r.required_total} |")
    line = readiness(detailed.index.levels, detailed.fits, detailed.ready_for)
    lines += ["", f"**{escape(detailed.role.title)}**: {line}"]
    lines += ["", f"### {escape(detailed.role.title)}: coverage by category", ""]
    lines += ["| category | weight | coverage | met |", "| --- | ---: | ---: | ---: |"]
    for c in detailed.categories:
        met = sum(r.status == "met" for r in c.requirements)
        lines.append(f"| {escape(c.name)} | {c.weight:g} | {percent(c.coverage)} | {met}/{len(c.requirements)} |")

    matched = [r for r in detailed.requirements if r.status != "missing"]
    if matched:
        lines += ["", f"### What counted ({len(matched)})", ""]
        lines += ["| your skill | requirement | how | level | credit |", "| --- | --- | --- | ---: | ---: |"]
        for m in matched:
            level = f"{_level(m.user_level, m.level_assumed, m.level_from_years)} / {m.target}"
            lines.append(
                f"| {escape(m.matched_skill or '')} | {escape(m.requirement.name)} | {_how(m)} | {level} | {m.credit:.2f} |"
            )
    lines += _entries(assessment)
    for importance in ("required", "preferred", "bonus"):
        missing = [r for r in detailed.requirements if r.status == "missing" and r.importance == importance]
        if missing:
            names = ", ".join(escape(r.requirement.name) for r in missing)
            lines += ["", f"**Missing, {importance} ({len(missing)}):** {names}"]

    plan = assessment.plan
    stale = stale_entries(assessment)
    lines += [
        "",
        f"### Learning plan{plan_aim(plan.level)} ({len(plan.steps)} of {count(plan.total_gaps, 'gap')})",
        "",
        f"Order: {ORDER_RULE}.",
        "",
    ]
    if not plan.steps:
        lines.append("Nothing to learn for this role: every skill is at its target level.")
    for number, step in enumerate(plan.steps, start=1):
        req = step.requirement
        now = "new" if step.status == "missing" else _level(step.current_level, step.level_assumed)
        lines.append(
            f"{number}. **{escape(req.name)}** ({step.importance}, {now} → {step.target} {level_name(step.target)}, "
            f"+{step.fit_gain:.1f} fit)"
        )
        if step.matched_skill in stale:
            lines.append(f"   - last used {escape(stale[step.matched_skill].skill.last_used or '')}: refresh it first")
        if step.needed_for:
            lines.append(f"   - *needed for: {', '.join(escape(n) for n in step.needed_for)}*")
        lines.extend(f"   - {escape(item)}" for item in req.learn)
    return "\n".join(lines) + "\n"


def _entries(assessment: Assessment) -> list[str]:
    """Every entry of the skills file and what became of it, with its evidence."""
    entries = assessment.entries
    titles = {r.role.id: r.role.title for r in assessment.ranking}
    counted = sum(e.fate == "counted" for e in entries)
    lines = ["", f"### What became of each entry ({counted} of {len(entries)} counted)", ""]
    lines += ["| # | your entry | level | what became of it | evidence |", "| ---: | --- | --- | --- | --- |"]
    for entry in entries:
        skill = entry.skill
        detail = escape(fate_detail(entry, titles, entries))
        if entry.stale:
            detail += f"; last used {escape(skill.last_used or '')}, over {STALE_YEARS} years ago"
        lines.append(
            f"| {entry.number} | {escape(skill.as_written)} | {entry_level(skill)} | {detail} | "
            f"{escape(skill.evidence or '')} |"
        )
    return lines


# Batch -------------------------------------------------------------------------


class _MarkdownBatch:
    shows_cohort = True

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.out = out
        self.indexes = indexes
        self.learners: list[LearnerScore] = []
        self.errors: list[FileError] = []

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            self.errors.append(outcome)
        else:
            self.learners.append(outcome)

    def finish(self, cohort: Cohort | None) -> None:
        assert cohort is not None
        lines = [
            "## rolefit batch",
            "",
            f"{count(cohort.learners, 'learner')} scored, {count(cohort.failed, 'file')} could not be read.",
            "",
        ]
        if cohort.progress is not None:
            lines += progress_lines(cohort.progress)
        lines += [
            "### Fit by role",
            "",
            "| role | median | middle half | range | best for |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for role in cohort.roles:
            if role.fit is not None:
                f = role.fit
                lines.append(
                    f"| {escape(role.index.role.title)} | {percent(f.median)} | {whole(f.q1)}-{percent(f.q3)} | "
                    f"{whole(f.low)}-{percent(f.high)} | {role.detailed_for} |"
                )
        lines += [
            "",
            "### Readiness",
            "",
            "The level each role's learners (target, or else best fit) are ready for.",
            "",
        ]
        lines.extend(
            f"- **{escape(role.index.role.title)}**: {cohort_readiness(role)}"
            for role in cohort.roles
            if role.detailed_for
        )
        lines += ["", *teaching_lines(cohort.lessons)]
        compared = cohort.progress is not None
        lines += [
            "### Learners",
            "",
            f"| file | name | role | fit |{' since |' * compared} required met | top gaps |",
            f"| --- | --- | --- | ---: |{' ---: |' * compared} ---: | --- |",
        ]
        for s in self.learners:
            index = self.indexes[s.detailed]
            since = f" {change_cell(s.change)} |" if compared else ""
            lines.append(
                f"| {escape(s.path or s.source)} | {escape(s.name or '')} | {escape(index.role.title)} | {percent(s.fits[s.detailed])} |{since} "
                f"{s.required_met[s.detailed]}/{len(index.required_at(s.level))} | {escape(', '.join(s.top_gaps))} |"
            )
        if self.errors:
            lines += ["", "### Files that could not be read", ""]
            lines.extend(f"- {escape(str(p))}" for e in self.errors for p in e.problems)
        self.out.write("\n".join(lines) + "\n")


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _MarkdownBatch:
    return _MarkdownBatch(out, indexes)
