"""JSON Lines: one object per line, written as each learner is scored.

Learners are `{"type": "learner", ...}` (the same fields as in `--format
json`), files that could not be scored `{"type": "error", ...}`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rolefit.render import Style
from rolefit.render.json import error_data, learner_data

if TYPE_CHECKING:
    from rolefit.cohort.batch import Cohort, Outcome
    from rolefit.scoring.fit import RoleIndex


class _JsonLines:
    shows_cohort = False

    def __init__(self, out: TextIO, indexes: Sequence[RoleIndex]) -> None:
        self.out = out
        self.indexes = indexes

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            line = {"type": "error", **error_data(outcome)}
        else:
            line = {"type": "learner", **learner_data(outcome, self.indexes)}
        self.out.write(json.dumps(line, ensure_ascii=False, allow_nan=False) + "\n")

    def finish(self, cohort: Cohort | None) -> None:
        self.out.flush()


def batch_writer(out: TextIO, indexes: Sequence[RoleIndex], style: Style) -> _JsonLines:
    return _JsonLines(out, indexes)
