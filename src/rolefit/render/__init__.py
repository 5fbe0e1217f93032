"""Renderers: they read results and never compute them. One module per format:
`render_report(assessment, style) -> str` for assess, and
`batch_writer(out, indexes, style) -> BatchWriter` for batch."""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from rolefit.model import DEFAULT_SENIORITY, ONE_LEVEL, Role, level_name
from rolefit.options import BatchFormat, ReportFormat
from rolefit.scoring.figures import whole

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, Outcome, RoleCohort
    from rolefit.model import Skill
    from rolefit.scoring.assess import Assessment
    from rolefit.scoring.fates import EntryFate
    from rolefit.scoring.fit import RoleIndex


@dataclass(frozen=True)
class Style:
    color: bool = False
    width: int = 80
    details: bool = False  # the table's full report (--details); the other formats are always complete
    compared: bool = False  # batch --compare: learners carry their change since an earlier run


# Modules are imported when used, so `--format json` never imports Rich.
REPORT_MODULES: dict[ReportFormat, str] = {
    ReportFormat.table: "rolefit.render.table",
    ReportFormat.json: "rolefit.render.json",
    ReportFormat.markdown: "rolefit.render.markdown",
    ReportFormat.html: "rolefit.render.html",
}


FATE_TITLES: dict[str, str] = {
    "counted": "counted",
    "through_other": "counted through another entry",
    "not_asked": "recognised, not asked by this role",
    "not_recognised": "not recognised",
    "level_zero": "level 0 (none)",
    "duplicate": "duplicate",
}


def entry_level(skill: Skill) -> str:
    """`4`, `3 assumed`, `4 from years`: a level and where it came from."""
    if skill.level_from_years:
        return f"{skill.level} from years"
    return f"{skill.level} assumed" if skill.level_assumed else str(skill.level)


def fate_detail(entry: EntryFate, titles: Mapping[str, str], numbered: Sequence[EntryFate]) -> str:
    """What became of one entry, in words; `titles` names the roles by id."""
    other = numbered[entry.other - 1].skill.as_written if entry.other is not None else None
    if entry.fate == "counted":
        parts = []
        for r in entry.counted_for:
            how: str = r.match_method or ""
            if r.matched_via and r.match_method in ("alias", "implied", "fuzzy"):
                how += f" via {r.matched_via}"
            parts.append(f"{r.requirement.name} ({how}, credit {r.credit:.2f})")
        return "counted for " + "; ".join(parts)
    if entry.fate == "through_other":
        return f"already counted through entry {entry.other} ({other})" if other else "already counted"
    if entry.fate == "duplicate":
        return f"the same skill as entry {entry.other} ({other}), which is the one that counts"
    if entry.fate == "level_zero":
        return "rated 0 (none): earns nothing"
    if entry.fate == "not_asked":
        read = f"recognised ({', '.join(entry.recognised_as)}), not asked by this role"
        if entry.asked_by:
            return f"{read}; asked by " + ", ".join(titles.get(i, i) for i in entry.asked_by)
        return f"{read}; no other role of this run asks for it"
    if len(entry.choices) > 1:
        return f"ambiguous here: write {' or '.join(entry.choices)}"
    if entry.choices:
        return f"too ambiguous alone: write {entry.choices[0]} if you mean it"
    if entry.suggestion:
        return f"not recognised; did you mean {entry.suggestion}?"
    return "not recognised"


def stale_entries(assessment: Assessment) -> dict[str, EntryFate]:
    """Entries last used too long ago, by the skill as written (plan steps name it so)."""
    return {e.skill.as_written: e for e in assessment.entries if e.stale}


def required_count(role: Role) -> int:
    """How many requirements the role holds required at the level roles are ranked at."""
    slot = role.slot(DEFAULT_SENIORITY)
    return sum(r.importance_at(slot) == "required" for r in role.requirements)


def per_level(values: Sequence[str | int]) -> str:
    """One value per level of a role, as shown in a role's description:
    the value alone when it is the same at every level, else `a/b/c`."""
    if len(set(values)) == 1:
        value = values[0]
        return f"{value} {level_name(value)}" if isinstance(value, int) else value
    return "/".join(str(v) for v in values)


def plan_aim(level: str) -> str:
    """Which level a plan aims at, as a title says it ("" for a one-level role)."""
    return "" if level == ONE_LEVEL else f" at {level} level"


def readiness(levels: Sequence[str], fits: Sequence[float], ready_for: str | None) -> str:
    """The role in focus in one line: `ready for entry (86) · mid 64 · senior 41`."""
    if tuple(levels) == (ONE_LEVEL,):
        return f"{'ready' if ready_for else 'not ready'} ({whole(fits[0])})"
    others = [f"{level} {whole(fit)}" for level, fit in zip(levels, fits, strict=True) if level != ready_for]
    if ready_for is None:
        return " · ".join(["not ready yet", *others])
    return " · ".join([f"ready for {ready_for} ({whole(fits[list(levels).index(ready_for)])})", *others])


def cohort_readiness(role: RoleCohort) -> str:
    """How many of the learners detailed on a role are ready for each of its levels."""
    if role.index.levels == (ONE_LEVEL,):
        return f"ready {role.ready[0]} · not ready {role.not_ready}"
    counts = [f"{level} {n}" for level, n in zip(role.index.levels, role.ready, strict=True)]
    return "ready for " + " · ".join([*counts, f"none {role.not_ready}"])


def render_report(fmt: ReportFormat, assessment: Assessment, style: Style) -> str:
    module = importlib.import_module(REPORT_MODULES[fmt])
    text: str = module.render_report(assessment, style)
    return text


class BatchWriter(Protocol):
    """Receives learners in file order, then the cohort; streaming formats write
    each learner as it comes, the others write everything at the end. A format
    that does not show the cohort (csv, jsonl) says so, and is spared summing it:
    finish() then gets None."""

    shows_cohort: bool

    def add(self, outcome: Outcome) -> None: ...

    def finish(self, cohort: Cohort | None) -> None: ...


BATCH_MODULES: dict[BatchFormat, str] = {
    BatchFormat.table: "rolefit.render.table",
    BatchFormat.csv: "rolefit.render.csv",
    BatchFormat.json: "rolefit.render.json",
    BatchFormat.jsonl: "rolefit.render.jsonl",
    BatchFormat.markdown: "rolefit.render.markdown",
    BatchFormat.html: "rolefit.render.html",
    BatchFormat.matrix: "rolefit.render.matrix",
}


def batch_writer(fmt: BatchFormat, out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> BatchWriter:
    module = importlib.import_module(BATCH_MODULES[fmt])
    writer: BatchWriter = module.batch_writer(out, indexes, style)
    return writer
