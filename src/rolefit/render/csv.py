"""CSV: one row per file, stable columns, written as each learner is scored.

Opens as-is in a spreadsheet and in pandas. A file that could not be scored
gets a row too, with its problem in `error` and the scores empty, so a
learner never silently drops out of the sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rolefit.render import Style, safe_csv
from rolefit.render.safe_csv import cell
from rolefit.scoring.figures import decided

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, Outcome
    from rolefit.cohort.progress import LearnerChange
    from rolefit.scoring.fit import RoleIndex

FIXED_COLUMNS = ("file", "name", "target", "role", "level", "fit", "ready_for", "required_met", "required_total")
TAIL_COLUMNS = ("top_gaps", "skills", "assumed_levels", "error")
CHANGE_COLUMNS = ("matched_by", "fit_before", "fit_change", "ready_before", "gaps_closed")  # with --compare


def columns(indexes: Sequence[RoleIndex], compared: bool = False) -> list[str]:
    return [*FIXED_COLUMNS, *(f"fit_{i.role.id}" for i in indexes), *TAIL_COLUMNS, *(CHANGE_COLUMNS * compared)]


def change_cells(change: LearnerChange | None) -> list[str]:
    """matched_by: path, name or new; the fit before and its change on the role aimed at now;
    gaps_closed: the requirements met now and not then, `; `-separated."""
    if change is None:
        return [""] * len(CHANGE_COLUMNS)
    return [
        change.matched_by or "new",
        "" if change.fit_before is None else f"{decided(change.fit_before):.1f}",
        "" if change.fit_change is None else f"{change.fit_change:+.1f}",
        change.ready_before or "",
        cell("; ".join(change.gaps_closed)) if change.gaps_closed else "",
    ]


class _Csv:
    shows_cohort = False
    rows_only = True  # the scores alone: the run need not find each learner's requirements met or path

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex], compared: bool = False) -> None:
        self.indexes = indexes
        self.compared = compared
        self.writer = safe_csv.RowWriter(out)
        self.writer.writerow(columns(indexes, compared))

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            empty = [""] * (len(FIXED_COLUMNS) - 1 + len(self.indexes) + len(TAIL_COLUMNS) - 1)
            problems = "; ".join(str(p) for p in outcome.problems)
            after = [""] * len(CHANGE_COLUMNS) if self.compared else []
            self.writer.writerow([cell(outcome.source), *empty, cell(problems), *after])
            return
        detailed = self.indexes[outcome.detailed]
        fits = [f"{decided(fit):.1f}" for fit in outcome.fits]
        self.writer.writerow(
            [
                cell(outcome.source),
                cell(outcome.name or ""),
                cell(outcome.target or ""),
                detailed.role.id,
                outcome.level,
                fits[outcome.detailed],
                outcome.ready_for or "",
                str(outcome.required_met[outcome.detailed]),
                str(len(detailed.required_at(outcome.level))),
                *fits,
                cell("; ".join(outcome.top_gaps)),
                str(outcome.skills),
                str(outcome.assumed_levels),
                "",
                *(change_cells(outcome.change) if self.compared else []),
            ]
        )

    def finish(self, cohort: Cohort | None) -> None:
        pass


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _Csv:
    return _Csv(out, indexes, style.compared)
