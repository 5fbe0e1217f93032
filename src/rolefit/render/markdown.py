"""Markdown: for a pull-request comment or a GitHub step summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rolefit.model import level_name
from rolefit.render import Style, uncounted
from rolefit.render.safe_markdown import escape

if TYPE_CHECKING:
    from rolefit.assess import Assessment
    from rolefit.batch import Cohort, FileError, LearnerScore, Outcome
    from rolefit.scoring import RequirementResult, RoleIndex


def _level(level: int | None, assumed: bool) -> str:
    if level is None:
        return "-"
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
    lines += ["| rank | role | fit | required met |", "| ---: | --- | ---: | ---: |"]
    for i, r in enumerate(assessment.ranking, start=1):
        title = escape(r.role.title)
        if r is detailed:
            title = f"**{title}** ({'target' if assessment.detail_reason == 'target' else 'best fit'})"
        lines.append(f"| {i} | {title} | {r.fit:.0f}% | {r.required_met}/{r.required_total} |")
    lines += ["", f"### {escape(detailed.role.title)}: coverage by category", ""]
    lines += ["| category | weight | coverage | met |", "| --- | ---: | ---: | ---: |"]
    for c in detailed.categories:
        met = sum(r.status == "met" for r in c.requirements)
        lines.append(f"| {escape(c.name)} | {c.weight:g} | {c.coverage:.0f}% | {met}/{len(c.requirements)} |")

    matched = [r for r in detailed.requirements if r.status != "missing"]
    if matched:
        lines += ["", f"### What counted ({len(matched)})", ""]
        lines += ["| your skill | requirement | how | level | credit |", "| --- | --- | --- | ---: | ---: |"]
        for m in matched:
            level = f"{_level(m.user_level, m.level_assumed)} / {m.requirement.level}"
            lines.append(
                f"| {escape(m.matched_skill or '')} | {escape(m.requirement.name)} | {_how(m)} | {level} | {m.credit:.2f} |"
            )
    unused = uncounted(assessment)
    if unused:
        names = ", ".join(escape(n) for n in unused)
        lines += [
            "",
            f"**Not counted for this role ({len(unused)}):** {names} (not one of its skills, or not recognised)",
        ]
    for importance in ("required", "preferred", "bonus"):
        missing = [r for r in detailed.requirements if r.status == "missing" and r.requirement.importance == importance]
        if missing:
            names = ", ".join(escape(r.requirement.name) for r in missing)
            lines += ["", f"**Missing, {importance} ({len(missing)}):** {names}"]

    plan = assessment.plan
    lines += ["", f"### Learning plan ({len(plan.steps)} of {plan.total_gaps} gaps, biggest gain first)", ""]
    if not plan.steps:
        lines.append("Nothing to learn for this role: every skill is at its target level.")
    for number, step in enumerate(plan.steps, start=1):
        req = step.requirement
        now = "new" if step.status == "missing" else _level(step.current_level, step.level_assumed)
        lines.append(
            f"{number}. **{escape(req.name)}** ({req.importance}, {now} → {req.level} {level_name(req.level)}, "
            f"+{step.fit_gain:.1f} fit)"
        )
        if step.needed_for:
            lines.append(f"   - first, for: {', '.join(escape(n) for n in step.needed_for)}")
        lines.extend(f"   - {escape(item)}" for item in req.learn)
    return "\n".join(lines) + "\n"


# Batch -------------------------------------------------------------------------


class _MarkdownBatch:
    shows_cohort = True

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.out = out
        self.indexes = indexes
        self.learners: list[LearnerScore] = []
        self.errors: list[FileError] = []

    def add(self, outcome: Outcome) -> None:
        from rolefit.batch import FileError

        if isinstance(outcome, FileError):
            self.errors.append(outcome)
        else:
            self.learners.append(outcome)

    def finish(self, cohort: Cohort | None) -> None:
        assert cohort is not None
        lines = [
            "## rolefit batch",
            "",
            f"{cohort.learners} learners scored, {cohort.failed} files could not be read.",
            "",
        ]
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
                    f"| {escape(role.index.role.title)} | {f.median:.0f}% | {f.q1:.0f}-{f.q3:.0f}% | "
                    f"{f.low:.0f}-{f.high:.0f}% | {role.detailed_for} |"
                )
        lines += ["", "### Most common gaps", "", "Required skills missing or below target, by share of learners.", ""]
        for role in cohort.roles:
            lines += [
                f"**{escape(role.index.role.title)}**",
                "",
                "| skill | category | learners | share |",
                "| --- | --- | ---: | ---: |",
            ]
            for gap in role.common_gaps[:10]:
                lines.append(
                    f"| {escape(gap.skill)} | {escape(gap.category)} | {gap.count}/{cohort.learners} | {100 * gap.share:.0f}% |"
                )
            lines.append("")
        lines += [
            "### Learners",
            "",
            "| file | name | role | fit | required met | top gaps |",
            "| --- | --- | --- | ---: | ---: | --- |",
        ]
        for s in self.learners:
            index = self.indexes[s.detailed]
            lines.append(
                f"| {escape(s.source)} | {escape(s.name or '')} | {escape(index.role.title)} | {s.fits[s.detailed]:.0f}% | "
                f"{s.required_met[s.detailed]}/{len(index.required)} | {escape(', '.join(s.top_gaps))} |"
            )
        if self.errors:
            lines += ["", "### Files that could not be read", ""]
            lines.extend(f"- {escape(str(p))}" for e in self.errors for p in e.problems)
        self.out.write("\n".join(lines) + "\n")


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _MarkdownBatch:
    return _MarkdownBatch(out, indexes)
