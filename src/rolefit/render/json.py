"""JSON output, written with the standard library (never through a Rich console,
which wraps long lines and eats `[...]`)."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, TextIO

from rolefit import __version__
from rolefit.model import Role
from rolefit.render import Style, required_count, stale_entries
from rolefit.scoring.assess import Assessment
from rolefit.scoring.figures import decided
from rolefit.scoring.fit import RequirementResult, RoleIndex, RoleResult
from rolefit.scoring.plan import Plan

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, FileError, LearnerScore, Outcome
    from rolefit.cohort.progress import CohortProgress, LearnerChange
    from rolefit.cohort.teaching import RoleLessons
    from rolefit.matching.explain import Explanation
    from rolefit.scoring.fates import EntryFate

SCHEMA_VERSION = 2  # 2: seniority levels, readiness and one-of (see CHANGELOG.md to migrate)


# allow_nan=False everywhere: NaN and Infinity are not JSON, and a reader would
# choke on them; the loaders refuse every non-finite number, so this is the last guard.


def dumps(document: Any) -> str:
    """Indented, for documents people read (schemas, roles)."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def dumps_compact(document: Any) -> str:
    """One line, for reports that programs read: json's C encoder only runs without
    indentation, and a full report is several times faster to write this way
    (pipe it through `jq .` to read it)."""
    return json.dumps(document, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def role_summary(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "title": role.title,
        "source": role.source,
        "levels": list(role.levels),
        "skills": len(role.requirements),
        "required": required_count(role),
        "categories": [{"name": c.name, "weight": c.weight, "skills": len(c.requirements)} for c in role.categories],
    }


def roles_document(roles: Sequence[Role]) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "roles": [role_summary(r) for r in roles]})


def role_document(role: Role) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "role": asdict(role)})


# The assess report ----------------------------------------------------------


def _requirement(r: RequirementResult) -> dict[str, Any]:
    return {
        "requirement": r.requirement.name,
        "category": r.requirement.category,
        "importance": r.importance,
        "target_level": r.target,
        "status": r.status,
        "matched_skill": r.matched_skill,
        "match_method": r.match_method,
        "match_score": r.match_score,
        "matched_via": r.matched_via or None,
        "matched_part": r.matched_part or None,
        "option": r.option,
        "user_level": r.user_level,
        "level_assumed": r.level_assumed,
        "level_from_years": r.level_from_years,
        "credit": round(r.credit, 4),
    }


def _entry(entry: EntryFate) -> dict[str, Any]:
    skill = entry.skill
    return {
        "entry": entry.number,
        "written": skill.as_written,
        "skill": skill.name,
        "heading": skill.heading,
        "level": skill.level,
        "level_assumed": skill.level_assumed,
        "level_from_years": skill.level_from_years,
        "years": skill.years,
        "evidence": skill.evidence,
        "last_used": skill.last_used,
        "stale": entry.stale,
        "fate": entry.fate,
        "counted_for": [
            {
                "requirement": r.requirement.name,
                "match_method": r.match_method,
                "matched_via": r.matched_via or None,
                "credit": round(r.credit, 4),
            }
            for r in entry.counted_for
        ],
        "other_entry": entry.other,
        "recognised_as": list(entry.recognised_as),
        "asked_by": list(entry.asked_by),
        "suggestion": entry.suggestion,
        "choices": list(entry.choices),
    }


def _role_result(result: RoleResult, position: int) -> dict[str, Any]:
    return {
        "rank": position,
        "id": result.role.id,
        "title": result.role.title,
        "digest": result.index.digest,
        "level": result.level,
        "fit": decided(result.fit),
        "fit_by_level": {level: decided(fit) for level, fit in result.fit_by_level.items()},
        "ready_for": result.ready_for,
        "required_met": result.required_met,
        "required_total": result.required_total,
        "categories": [
            {
                "name": c.name,
                "weight": c.weight,
                "coverage": decided(c.coverage),
                "requirements": [_requirement(r) for r in c.requirements],
            }
            for c in result.categories
        ],
    }


def _plan(plan: Plan, stale: Collection[str]) -> dict[str, Any]:
    return {
        "role": plan.role_id,
        "level": plan.level,
        "total_gaps": plan.total_gaps,
        "steps": [
            {
                "step": number,
                "skill": s.requirement.name,
                "category": s.requirement.category,
                "importance": s.importance,
                "status": s.status,
                "target_level": s.target,
                "current_level": s.current_level,
                "level_assumed": s.level_assumed,
                "matched_skill": s.matched_skill,
                "stale": s.matched_skill in stale,
                "fit_gain": round(s.fit_gain, 2),
                "prerequisites": list(s.requirement.prerequisites),
                "needed_for": list(s.needed_for),
                "learn": list(s.requirement.learn),
            }
            for number, s in enumerate(plan.steps, start=1)
        ],
    }


def report_data(assessment: Assessment) -> dict[str, Any]:
    profile = assessment.profile
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "rolefit", "version": __version__},
        "person": {
            "name": profile.name,
            "source": profile.source,
            "target": profile.target,
            "seniority": profile.seniority,
            "skills": [
                {"name": s.as_written, "level": s.level, "level_assumed": s.level_assumed} for s in profile.skills
            ],
            "ignored_fields": list(profile.ignored),
        },
        "level": assessment.level,
        "entries": [_entry(e) for e in assessment.entries],
        "not_counted": [
            {"entry": e.number, "written": e.skill.as_written, "fate": e.fate} for e in assessment.not_counted
        ],
        "detailed_role": assessment.detailed.role.id,
        "detail_reason": assessment.detail_reason,
        "ready_for": assessment.detailed.ready_for,
        "roles": [_role_result(r, i) for i, r in enumerate(assessment.ranking, start=1)],
        "plan": _plan(assessment.plan, stale_entries(assessment)),
    }


def render_report(assessment: Assessment, style: Style) -> str:
    return dumps_compact(report_data(assessment))


# Batch -------------------------------------------------------------------------


def learner_data(score: LearnerScore, indexes: Sequence[RoleIndex]) -> dict[str, Any]:
    detailed = indexes[score.detailed].role
    return {
        "file": score.source,
        "name": score.name,
        "target": score.target,
        "detailed_role": detailed.id,
        "detail_reason": score.detail_reason,
        "level": score.level,
        "fit": decided(score.fits[score.detailed]),
        "fit_by_level": {
            level: decided(fit) for level, fit in zip(indexes[score.detailed].levels, score.fit_by_level, strict=True)
        },
        "ready_for": score.ready_for,
        "required_met": score.required_met[score.detailed],
        "required_total": len(indexes[score.detailed].required_at(score.level)),
        "fits": {index.role.id: decided(fit) for index, fit in zip(indexes, score.fits, strict=True)},
        "top_gaps": list(score.top_gaps),
        "skills": score.skills,
        "assumed_levels": score.assumed_levels,
        "path": score.path or score.source,
        "met": [indexes[score.detailed].requirements[p].name for p in score.met],
        **({} if score.change is None else {"change": change_data(score.change)}),
    }


def change_data(change: LearnerChange) -> dict[str, Any]:
    before = change.before
    return {
        "matched_by": change.matched_by,
        "earlier_file": None if before is None else before.key,
        "fit_before": None if change.fit_before is None else decided(change.fit_before),
        "fit_change": change.fit_change,
        "ready_before": change.ready_before,
        "gaps_closed": list(change.gaps_closed),
        "gaps_reopened": list(change.gaps_reopened),
    }


def lessons_data(lessons: RoleLessons) -> dict[str, Any]:
    return {
        "id": lessons.index.role.id,
        "title": lessons.index.role.title,
        "learners": lessons.learners,
        "levels": dict(lessons.levels),
        "gaps": [
            {
                "skill": lesson.requirement.name,
                "category": lesson.requirement.category,
                "fit_gain": round(lesson.gain, 2),
                "learners": lesson.learners,
                "who": list(lesson.who),
                "prerequisites": list(lesson.requirement.prerequisites),
                "needed_for": list(lesson.needed_for),
                "learn": list(lesson.requirement.learn),
            }
            for lesson in lessons.lessons
        ],
    }


def progress_data(progress: CohortProgress) -> dict[str, Any]:
    return {
        "earlier": progress.earlier,
        "earlier_learners": progress.earlier_learners,
        "matched": progress.matched,
        "matched_by_name": [{"file": now, "earlier_file": then} for now, then in progress.matched_by_name],
        "new": list(progress.new),
        "gone": list(progress.gone),
        "mean_fit_change": None if progress.mean_change is None else round(progress.mean_change, 1),
        "compared": progress.compared,
        "readiness": [
            {"role": m.role, "level": m.level, "reached": m.reached, "fell": m.fell} for m in progress.readiness
        ],
        "gaps_closed": [{"skill": name, "learners": n} for name, n in progress.gaps_closed],
        "backwards": [{"learner": who, "fit_change": change} for who, change in progress.backwards],
        "roles_changed": list(progress.roles_changed),
        "roles_unknown": list(progress.roles_unknown),
    }


def error_data(error: FileError) -> dict[str, Any]:
    return {
        "file": error.source,
        "problems": [
            {"line": p.line, "column": p.column, "message": p.message, "text": str(p)} for p in error.problems
        ],
    }


def cohort_data(cohort: Cohort) -> dict[str, Any]:
    roles = []
    for role in cohort.roles:
        fit = role.fit
        roles.append(
            {
                "id": role.index.role.id,
                "title": role.index.role.title,
                "detailed_for": role.detailed_for,
                "ready_for": dict(zip(role.index.levels, role.ready, strict=True)),
                "not_ready": role.not_ready,
                "fit": None
                if fit is None
                else {
                    "mean": decided(fit.mean),
                    "median": decided(fit.median),
                    "q1": decided(fit.q1),
                    "q3": decided(fit.q3),
                    "min": decided(fit.low),
                    "max": decided(fit.high),
                    "histogram": list(fit.histogram),
                },
                "categories": [
                    {"name": c.name, "mean_coverage": decided(mean)}
                    for c, mean in zip(role.index.role.categories, role.category_means, strict=True)
                ],
                "common_gaps": [
                    {"skill": g.skill, "category": g.category, "learners": g.count, "share": round(g.share, 4)}
                    for g in role.common_gaps
                ],
            }
        )
    data: dict[str, Any] = {"learners": cohort.learners, "failed": cohort.failed, "roles": roles}
    data["teaching"] = [lessons_data(lessons) for lessons in cohort.lessons]
    if cohort.progress is not None:
        data["progress"] = progress_data(cohort.progress)
    return data


class _JsonBatch:
    shows_cohort = True

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.out = out
        self.indexes = indexes
        self.learners: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            self.errors.append(error_data(outcome))
        else:
            self.learners.append(learner_data(outcome, self.indexes))

    def finish(self, cohort: Cohort | None) -> None:
        assert cohort is not None
        document = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "rolefit", "version": __version__},
            "roles": [{"id": i.role.id, "title": i.role.title, "digest": i.digest} for i in self.indexes],
            "cohort": cohort_data(cohort),
            "learners": self.learners,
            "errors": self.errors,
        }
        self.out.write(dumps_compact(document))


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _JsonBatch:
    return _JsonBatch(out, indexes)


# Explain ---------------------------------------------------------------------------


def _explanation(e: Explanation) -> dict[str, Any]:
    data = asdict(e)
    data["level"] = None if e.level is None else {"level": e.level.level, "years": e.level.years}
    return data


def explanations_document(explanations: Sequence[Explanation]) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "explanations": [_explanation(e) for e in explanations]})
