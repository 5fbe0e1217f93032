"""One batch run: score every file, feed the writer, count, collect problems,
and sum the cohort up (with its teaching view and, given an earlier run, its
progress). The CLI parses options, calls this and maps the totals to an exit code."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from rolefit.cohort import batch
from rolefit.cohort.batch import CohortBuilder, FileError, Wants
from rolefit.errors import shown_path
from rolefit.scoring.figures import below as fails

if TYPE_CHECKING:
    from rolefit.cohort.progress import EarlierRun
    from rolefit.matching.matcher import Matcher
    from rolefit.model import Seniority
    from rolefit.render import BatchWriter
    from rolefit.scoring.fit import RoleSet


@dataclass(frozen=True)
class BatchTotals:
    scored: int
    failed: int
    below: int  # learners whose fit is below --fail-under


def relative_label(source: str, roots: Sequence[str]) -> str:
    """A file as found below one of the folders given, relative to it (the
    deepest folder that holds it); a file given by name, as given."""
    best = source
    for root in roots:
        prefix = root if root.endswith(("/", "\\")) else root + "/"
        if source.startswith(prefix) and len(source) - len(prefix) < len(best):
            best = source[len(prefix) :]
    return best


def run_batch(
    files: Sequence[str],
    missing: Sequence[FileError],
    prepared: tuple[Matcher, RoleSet],
    catalogue_ids: Sequence[str],
    writer: BatchWriter,
    *,
    roots: Sequence[str] = (),
    jobs: int = 1,
    level: Seniority | None = None,
    fail_under: float | None = None,
    earlier: EarlierRun | None = None,
    on_done: Callable[[int], None] | None = None,
    on_problem: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    worker_start: Callable[[], None] | None = None,
) -> BatchTotals:
    """Scores `files` (those `missing` are reported as they are), hands each
    outcome to the writer in file order, then the cohort. Problems and warnings
    go to the callbacks, one line each, for the caller to show; each worker
    process calls `worker_start` once it holds what the run prepared."""
    indexes = prepared[1]
    shows_cohort = writer.shows_cohort
    # csv and matrix rows are the scores alone: no requirements met, no path, unless compared
    details = earlier is not None or not getattr(writer, "rows_only", False)
    wants = Wants(
        gains=shows_cohort, levels=getattr(writer, "wants_levels", False), met=details, coverages=shows_cohort
    )
    builder = CohortBuilder(indexes, level) if shows_cohort else None
    teacher = None
    if shows_cohort:
        from rolefit.cohort.teaching import TeachingBuilder

        teacher = TeachingBuilder(indexes)
    comparison = None
    if earlier is not None:
        from rolefit.cohort.progress import Comparison

        # every file's (file as shown, label), worked out only if the comparison needs them
        labels = ((shown, relative_label(shown, roots)) for shown in map(shown_path, files))
        comparison = Comparison(earlier, indexes, [i.digest for i in indexes], labels, shows_cohort)
    scored = failed = below = 0
    # closed on the way out, error or signal: the workers are stopped, not left behind
    # batch.score_files looked up when called: tests stand in for it
    with closing(
        batch.score_files(files, prepared, catalogue_ids, jobs, on_done, level, worker_start, wants=wants)
    ) as outcomes:
        for outcome in chain(missing, outcomes):  # streamed: csv and jsonl rows go out as they come
            if isinstance(outcome, FileError):
                failed += 1
                if on_problem is not None:
                    for problem in outcome.problems:
                        on_problem(str(problem))
            else:
                scored += 1
                if details:  # always with a comparison
                    path = relative_label(outcome.source, roots)
                    outcome = outcome.placed(path, None if comparison is None else comparison.match(outcome, path))
                if on_warning is not None:
                    for warning in outcome.warnings:
                        on_warning(str(warning))
                if fail_under is not None and fails(outcome.fits[outcome.detailed], fail_under):
                    below += 1
            if builder is not None:
                builder.add(outcome)
            if teacher is not None:
                teacher.add(outcome)
            writer.add(outcome)
    cohort = None
    if builder is not None and teacher is not None:
        progress = comparison.summary() if comparison is not None else None
        cohort = dataclasses.replace(builder.build(), lessons=teacher.build(), progress=progress)
    writer.finish(cohort)
    return BatchTotals(scored, failed, below)
