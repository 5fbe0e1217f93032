"""`batch --format matrix`: CSV with one row per learner and one column per
requirement of the run's roles (`role id: requirement`), holding the level the
learner's skills count at for it, blank when nothing of theirs meets it. For a
spreadsheet or `pandas.read_csv(..., index_col="file")`. A file that could not
be scored gets a row with its problem in `error`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rolefit.render import Style, safe_csv
from rolefit.render.safe_csv import cell

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, Outcome
    from rolefit.scoring.fit import RoleIndex

FIXED_COLUMNS = ("file", "name", "role", "level")


def columns(indexes: Sequence[RoleIndex]) -> list[str]:
    return [
        *FIXED_COLUMNS,
        *(cell(f"{i.role.id}: {r.name}") for i in indexes for r in i.requirements),
        "error",
    ]


class _Matrix:
    shows_cohort = False
    rows_only = True  # the scores alone: the run need not find each learner's requirements met or path
    wants_levels = True  # the run scores the level counted for every requirement

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.indexes = indexes
        self.offsets = []
        offset = len(FIXED_COLUMNS)
        for index in indexes:
            self.offsets.append(offset)
            offset += len(index.requirements)
        self.width = offset
        self.writer = safe_csv.writer(out)
        self.writer.writerow(columns(indexes))

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            problems = "; ".join(str(p) for p in outcome.problems)
            self.writer.writerow([cell(outcome.source), *[""] * (self.width - 1), cell(problems)])
            return
        row: list[str | int] = [
            cell(outcome.source),
            cell(outcome.name or ""),
            self.indexes[outcome.detailed].role.id,
            outcome.level,
        ]
        row.extend([""] * (self.width - len(FIXED_COLUMNS)))
        for offset, levels in zip(self.offsets, outcome.levels, strict=True):
            for position, level in levels:
                row[offset + position] = level
        row.append("")
        self.writer.writerow(row)

    def finish(self, cohort: Cohort | None) -> None:
        pass


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _Matrix:
    return _Matrix(out, indexes)
