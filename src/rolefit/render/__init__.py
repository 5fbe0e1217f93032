"""Renderers: they read results and never compute them. One module per format:
`render_report(assessment, style) -> str` for assess, and
`batch_writer(out, indexes, style) -> BatchWriter` for batch."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from rolefit.options import BatchFormat, ReportFormat

if TYPE_CHECKING:
    from rolefit.assess import Assessment
    from rolefit.batch import Cohort, Outcome
    from rolefit.scoring import RoleIndex


@dataclass(frozen=True)
class Style:
    color: bool = False
    width: int = 80
    details: bool = False  # the table's full report (--details); the other formats are always complete


# Modules are imported when used, so `--format json` never imports Rich.
REPORT_MODULES: dict[ReportFormat, str] = {
    ReportFormat.table: "rolefit.render.table",
    ReportFormat.json: "rolefit.render.json",
    ReportFormat.markdown: "rolefit.render.markdown",
}


def uncounted(assessment: Assessment) -> list[str]:
    """The person's skills, as written, that counted for no requirement of the role
    in focus: shown so that a skill is never silently ignored."""
    used = {r.matched_skill for r in assessment.detailed.requirements}
    return [s.name for s in assessment.profile.skills if s.name not in used]


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
}


def batch_writer(fmt: BatchFormat, out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> BatchWriter:
    module = importlib.import_module(BATCH_MODULES[fmt])
    writer: BatchWriter = module.batch_writer(out, indexes, style)
    return writer
