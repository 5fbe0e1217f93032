"""`batch`: score a cohort of skills files with the same loading, matching and
scoring as `assess`, and sum the cohort up.

Work per file is independent, so files are parsed and scored in worker
processes (`--jobs`); each worker keeps its own memo of resolved skill strings,
and a cohort shares most of its strings, so each distinct string is matched
once per worker. Results come back in file order whatever the number of jobs,
so the output is the same byte for byte.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.formats.profiles import load_profile
from rolefit.model import DEFAULT_SENIORITY, Seniority
from rolefit.output import file_identity
from rolefit.scoring.assess import DetailReason, assessed_level, check_target
from rolefit.scoring.fit import RoleIndex, RoleSet, rank, resolve_profile
from rolefit.scoring.plan import gap_gains, plan_order, plan_slot

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from pathlib import Path

    from rolefit.cohort.progress import CohortProgress, LearnerChange
    from rolefit.cohort.teaching import RoleLessons
    from rolefit.matching.matcher import Matcher

TOP_GAPS = 3
HISTOGRAM_BINS = 10
CHUNK = 64


class LearnerScore(NamedTuple):
    """One learner, in the compact form a cohort of thousands is kept in and sent
    between processes (a named tuple: quicker to make and to pickle than a
    dataclass, which matters ten thousand times over)."""

    source: str
    name: str | None
    target: str | None
    skills: int
    assumed_levels: int
    level: Seniority  # the level the learner was assessed at
    fits: tuple[float, ...]  # per role of the run, in run order, at that level
    detailed: int  # the role shown for this learner: its target, else its best fit
    detail_reason: DetailReason
    fit_by_level: tuple[float, ...]  # the detailed role's fit at each of its levels
    ready_for: str | None  # the detailed role's highest level the learner is ready for
    top_gaps: tuple[str, ...]  # the first steps of the detailed role's plan
    required_met: tuple[int, ...]  # per role: how many required skills are at or above target
    coverages: tuple[tuple[float, ...], ...]  # per role, per category: with Wants.coverages
    warnings: tuple[Problem, ...] = ()  # fields of the file that were not used
    met: tuple[int, ...] = ()  # the detailed role's requirements at or above target, at the level assessed
    gains: tuple[tuple[int, float, bool], ...] = ()  # see plan.gap_gains: with Wants.gains
    levels: tuple[tuple[tuple[int, int], ...], ...] = ()  # per role: (position, level counted): with Wants.levels
    met_required: tuple[tuple[int, ...], ...] = ()  # per role: the required at or above target: with Wants.coverages
    path: str = ""  # the file relative to the folder it was found in (set by the run)
    change: LearnerChange | None = None  # against an earlier run (set by the run, with --compare)

    def __reduce__(self) -> tuple[Any, ...]:
        """Unpickled (in the run's process, from a worker) without the Python-level __new__."""
        return _new, (LearnerScore, tuple(self))

    def placed(self, path: str, change: LearnerChange | None = None) -> LearnerScore:
        """This score with the run's fields set, `path` and `change` (the last two:
        made in one step, not with _replace's Python-level walk over every field)."""
        return _new(LearnerScore, (*self[:-2], path, change))


_new = tuple.__new__


@dataclass(frozen=True)
class FileError:
    source: str
    problems: tuple[Problem, ...]


Outcome = LearnerScore | FileError


class Wants(NamedTuple):
    """What a run needs of each learner beyond the scores every format shows:
    the fit each gap would add (the teaching view), the level counted for every
    requirement (the matrix), the requirements met (json, --compare), the
    coverages and required skills met (a cohort's summary). Each costs time per learner, so only on request."""

    gains: bool = False
    levels: bool = False
    met: bool = False
    coverages: bool = False


NOTHING_MORE = Wants()


# Discovery -----------------------------------------------------------------


class Discovery(NamedTuple):
    files: list[str]  # to score, in order
    errors: list[FileError]  # paths that cannot be scored, and why
    identities: dict[tuple[int, int] | str, str]  # each file's (device, inode), or a broken link's path -> its name


def discover(paths: Sequence[Path]) -> Discovery:
    """Files to score, in a stable order: each path as given, a folder's YAML
    files (searched recursively, hidden entries skipped) sorted by path. A file
    reached twice, by a link or a second path, is scored once; symlink loops are
    not followed round. Names are strings: a cohort has thousands, and a Path
    costs more to make and to send to a worker than reading the file does.

    A file is known by its device and inode, which a folder's listing gives
    without a system call per file (a link alone is looked up): so `-o` is
    checked against the whole cohort in one lookup (output.check_not_input)."""
    found: list[str] = []
    errors: list[FileError] = []
    identities: dict[tuple[int, int] | str, str] = {}
    folders: set[tuple[int, int]] = set()  # each real folder is walked once, across all paths
    for path in paths:
        if path.is_dir():
            candidates = sorted(_walk(str(path), folders, errors))
        elif path.is_file():
            candidates = [(str(path), None)]
        elif path.exists():  # as in a folder: reading a pipe could wait forever
            errors.append(_not_read(str(path), "is not a regular file (a pipe, socket or device)"))
            continue
        else:
            errors.append(_not_read(str(path), "no such file or folder"))
            continue
        for name, listed in candidates:
            # a link that leads nowhere is known by its resolved path (reading it reports the problem)
            identity = listed or file_identity(name) or os.path.realpath(name)
            if identity not in identities:
                identities[identity] = name
                found.append(name)
    if not found and not errors:
        joined = ", ".join(str(p) for p in paths)
        raise RolefitError.at(joined, "no skills files (*.yaml, *.yml) found")
    return Discovery(found, errors, identities)


def _walk(
    top: str, visited: set[tuple[int, int]], errors: list[FileError]
) -> Iterator[tuple[str, tuple[int, int] | None]]:
    """(path, (device, inode) as listed, or None for a link) of every YAML file
    below top; each real folder once. What cannot be scored is added to errors:
    a folder that cannot be read, and pipes, sockets and devices (reading a pipe
    could wait forever). Folders wait on a list, not on the call stack: a tree
    may be nested deeper than Python's recursion limit."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            info = os.stat(folder)  # noqa: PTH116 - str paths: a cohort has thousands
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as found:
                entries = list(found)
        except OSError as exc:
            errors.append(_not_read(folder, f"cannot read this folder: {exc.strerror or exc}"))
            continue
        device = info.st_dev
        below = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    below.append(entry.path)
                elif entry.name.endswith((".yaml", ".yml")):
                    if entry.is_file() or not os.path.exists(entry.path):  # noqa: PTH110 - a broken link is reported when read
                        # a file's own entry: the inode listed is the file's (a link's is the link's own)
                        yield entry.path, None if entry.is_symlink() else (device, entry.inode())
                    else:
                        errors.append(_not_read(entry.path, "is not a regular file (a pipe, socket or device)"))
            except OSError as exc:
                errors.append(_not_read(entry.path, f"cannot read: {exc.strerror or exc}"))
        folders.extend(reversed(below))


def _not_read(path: str, message: str) -> FileError:
    source = shown_path(path)
    return FileError(source, (Problem(source, message),))


# Workers ---------------------------------------------------------------------


def usable_cpus() -> int:
    """The CPUs this process may actually run on: its affinity mask (taskset,
    a container's cpuset), lowered by a cgroup v2 CPU quota (`docker --cpus`);
    os.cpu_count() counts the machine's, which a container or a batch system
    may never give us."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+: the affinity mask
    if counter is not None:
        count = counter() or 1
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0)) or 1
    else:
        count = os.cpu_count() or 1
    quota = _cgroup_quota()
    return max(1, min(count, quota)) if quota is not None else count


def _cgroup_quota(path: str = "/sys/fs/cgroup/cpu.max") -> int | None:
    """CPUs allowed by a cgroup v2 quota (`200000 100000` is 2), None when unlimited or unknown."""
    try:
        with open(path, encoding="ascii") as handle:  # noqa: PTH123
            quota, period = handle.read().split()[:2]
        return -(-int(quota) // int(period))  # a part of a CPU is still one worker
    except (OSError, ValueError, ZeroDivisionError):  # no cgroup v2, "max", or unreadable
        return None


def worker_count(requested: int | None, files: int) -> int:
    """--jobs, capped at the usable CPUs (more processes than CPUs only add
    start-up and memory) and at one worker per chunk of files."""
    cpus = usable_cpus()
    wanted = cpus if requested is None else min(requested, cpus)
    return max(1, min(wanted, -(-files // CHUNK)))


# Scoring one file ------------------------------------------------------------


class Scorer:
    """Scores one file at a time with what a run prepared once: the matcher and
    the role indexes (from index_roles), the catalogue's role ids, and the
    run's `--level` (None: each file's `seniority`, else the default)."""

    def __init__(
        self,
        prepared: tuple[Matcher, RoleSet],
        catalogue_ids: Sequence[str],
        level: Seniority | None = None,
        wants: Wants = NOTHING_MORE,
    ) -> None:
        self.matcher, self.indexes = prepared
        self.position = {index.role.id: i for i, index in enumerate(self.indexes)}
        self.catalogue_ids = list(catalogue_ids)
        self.level = level
        self.wants = wants

    def score(self, path: str) -> Outcome:
        where = shown_path(path)
        try:
            profile = load_profile(path, where)
            check_target(profile, self.catalogue_ids)
        except RolefitError as exc:
            return FileError(where, exc.problems)
        matches = resolve_profile(profile, self.matcher)
        seniority, fixed = assessed_level(profile, self.level)
        results = self.indexes.score(matches, seniority)
        target = self.position.get(profile.target or "")
        detailed = target if target is not None else self.position[rank(results)[0].role.id]
        shown = results[detailed]
        requirements = shown.index.requirements
        gaps = plan_order(shown, TOP_GAPS, plan_slot(shown, fixed))
        slot = shown.slot
        gains = gap_gains(shown) if self.wants.gains else ()
        wants = self.wants
        # Every field, in order, without the NamedTuple's Python-level __new__ (a learner each).
        return _new(
            LearnerScore,
            (
                where,  # source
                profile.name,
                profile.target,
                len(profile.skills),  # skills
                sum(s.level_assumed for s in profile.skills),  # assumed_levels
                seniority,  # level
                tuple(r.fit for r in results),  # fits
                detailed,
                "target" if target is not None else "best fit",  # detail_reason
                shown.fits,  # fit_by_level
                shown.ready_for,
                tuple(requirements[p].name for p in gaps),  # top_gaps
                tuple(r.required_met for r in results),  # required_met
                tuple(r.coverages for r in results) if wants.coverages else (),  # coverages
                profile.warnings,
                tuple(sorted([p for p, c in shown.matched.items() if c[1][slot] >= 1.0]))  # c[1]: Credited.credits
                if wants.met
                else (),  # met
                gains,
                tuple(tuple((p, c.level) for p, c in r.matched.items()) for r in results) if wants.levels else (),
                tuple(r.met_required for r in results) if wants.coverages else (),  # met_required
                "",  # path
                None,  # change
            ),
        )

    def score_many(self, paths: Sequence[str]) -> list[Outcome]:
        return [self.score(path) for path in paths]


_worker: Scorer | None = None


def _init_worker(
    prepared: tuple[Matcher, RoleSet],
    catalogue_ids: Sequence[str],
    level: Seniority | None,
    worker_start: Callable[[], None] | None = None,
    wants: Wants = NOTHING_MORE,
) -> None:
    """A worker gets the parent's prepared matcher and indexes rather than
    building its own (`benchmarks/tricks.py` compares loading and building)."""
    global _worker
    # Ctrl-C is the parent's to handle: it stops the run and removes partial output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's SIGTERM and SIGHUP handlers raise, for its clean-up; a worker has
    # nothing to clean up, and is stopped by the parent or dies with the signal.
    for name in _HELD_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # a worker started while they were held (see _signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {getattr(signal, n) for n in _HELD_SIGNALS if hasattr(signal, n)})
    _worker = Scorer(prepared, catalogue_ids, level, wants)
    if worker_start is not None:
        worker_start()


def _score_chunk(paths: Sequence[str]) -> list[Outcome]:
    assert _worker is not None
    return _worker.score_many(paths)


def score_files(
    paths: Sequence[str],
    prepared: tuple[Matcher, RoleSet],
    catalogue_ids: Sequence[str],
    jobs: int,
    on_done: Callable[[int], None] | None = None,
    level: Seniority | None = None,
    worker_start: Callable[[], None] | None = None,
    wants: Wants = NOTHING_MORE,
) -> Generator[Outcome, None, None]:
    """Outcomes in the order of `paths`, scored in `jobs` processes (in this one
    for a single job or a small cohort), at `level` (see Scorer). Each worker
    process calls `worker_start` once it holds what the run prepared (the CLI
    freezes it there for the garbage collector, as it does in this process)."""
    if jobs <= 1 or len(paths) <= CHUNK:
        scorer = Scorer(prepared, catalogue_ids, level, wants)
        for path in paths:
            yield scorer.score(path)
            if on_done:
                on_done(1)
        return
    # Imported here: a run in one process, the usual small cohort, never needs them.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    ahead = 4 * jobs  # chunks in flight: enough to keep every worker busy, few enough to keep memory flat
    setup = (prepared, catalogue_ids, level, worker_start, wants)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=setup) as pool:
        pending: deque[tuple[int, Future[list[Outcome]]]] = deque()
        submitted = 0
        try:
            while submitted < len(chunks) or pending:
                with _signals_held():
                    while submitted < len(chunks) and len(pending) < ahead:
                        pending.append((submitted, pool.submit(_score_chunk, chunks[submitted])))
                        submitted += 1
                number, future = pending.popleft()
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    yield from _isolated(chunks[number:], setup, on_done)
                    return
                yield from outcomes
                if on_done:
                    on_done(len(outcomes))
        except BaseException:
            _stop(pool)
            raise


_HELD_SIGNALS = ("SIGTERM", "SIGHUP")


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGTERM and SIGHUP wait while work is handed to the pool: their handlers
    raise, and raised inside submit (which holds the pool's lock while it starts
    workers) the clean-up that shuts the pool down would wait on that lock forever.
    Held here, they arrive just after, where stopping is safe."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {getattr(signal, name) for name in _HELD_SIGNALS if hasattr(signal, name)}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop at once (Ctrl-C, a signal, a closed pipe): pending chunks are
    dropped and the workers terminated, not waited for, so none is left behind."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for process in list((pool._processes or {}).values()):  # no public way before Python 3.14
        process.terminate()
    # Then wait, which is quick with the workers gone: the pool's own thread must
    # finish before the interpreter exits, or it fails writing to a closed pipe.
    pool.shutdown(wait=True, cancel_futures=True)


def _isolated(
    chunks: Iterable[Sequence[str]],
    setup: tuple[tuple[Matcher, RoleSet], Sequence[str], Seniority | None, Callable[[], None] | None, Wants],
    on_done: Callable[[int], None] | None,
) -> Iterator[Outcome]:
    """After a worker died (a file crashed the parser), score the rest one file
    per process, so the one bad file is named and no other learner is lost."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    for chunk in chunks:
        for path in chunk:
            with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=setup) as pool:
                try:
                    yield pool.submit(_score_chunk, [path]).result()[0]
                except BrokenProcessPool:
                    yield _not_read(
                        path, "the process reading this file died (a crash in the YAML parser?); the file was skipped"
                    )
            if on_done:
                on_done(1)


# The cohort ------------------------------------------------------------------


@dataclass(frozen=True)
class FitSummary:
    mean: float
    median: float
    q1: float
    q3: float
    low: float
    high: float
    histogram: tuple[int, ...]  # learners per 10-point band, 0-10 ... 90-100


@dataclass(frozen=True)
class CommonGap:
    skill: str
    category: str
    count: int  # learners missing it or below target
    share: float  # 0-1


@dataclass(frozen=True)
class RoleCohort:
    index: RoleIndex
    detailed_for: int  # learners for whom this is the target or best-fit role
    ready: tuple[int, ...]  # of those, how many are ready for each level of the role at most
    not_ready: int  # and how many are ready for none
    fit: FitSummary | None
    category_means: tuple[float, ...]
    common_gaps: tuple[CommonGap, ...]  # every required skill at the run's level, most often missed first


@dataclass(frozen=True)
class Cohort:
    learners: int
    failed: int
    roles: tuple[RoleCohort, ...]
    lessons: tuple[RoleLessons, ...] = ()  # the teaching view: roles learners aim at, gaps by cohort gain
    progress: CohortProgress | None = None  # against an earlier run (--compare)


class CohortBuilder:
    """Sums learners up as they stream past, keeping only what the summary needs.
    Common gaps are the required skills at the run's level (`--level`, else the
    default); each learner counts as meeting one at the level they were assessed at."""

    def __init__(self, indexes: Sequence[RoleIndex], level: Seniority | None = None) -> None:
        self.indexes = list(indexes)
        self.fits: list[list[float]] = [[] for _ in indexes]
        self.coverage_sums = [[0.0] * len(i.role.categories) for i in indexes]
        slots = [i.role.slot(level or DEFAULT_SENIORITY) for i in indexes]
        self.met = [dict.fromkeys(i.required[s], 0) for i, s in zip(indexes, slots, strict=True)]
        self.shares = [i.shares[s] for i, s in zip(indexes, slots, strict=True)]
        self.ready = [dict.fromkeys((*i.levels, None), 0) for i in indexes]
        self.detailed_for = [0] * len(indexes)
        self.learners = 0
        self.failed = 0

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, FileError):
            self.failed += 1
            return
        self.learners += 1
        self.detailed_for[outcome.detailed] += 1
        self.ready[outcome.detailed][outcome.ready_for] += 1
        for r, fit in enumerate(outcome.fits):
            self.fits[r].append(fit)
            sums = self.coverage_sums[r]
            for c, coverage in enumerate(outcome.coverages[r]):
                sums[c] += coverage
            counts = self.met[r]
            for position in outcome.met_required[r]:
                if position in counts:
                    counts[position] += 1

    def build(self) -> Cohort:
        roles = []
        for r, index in enumerate(self.indexes):
            n = self.learners
            # Most often missed first; equally common gaps, the one worth more fit first, as in a plan.
            shares = self.shares[r]
            missed = sorted(
                self.met[r].items(), key=lambda item: (item[1], -shares[item[0]], _sort_name(index, item[0]))
            )
            gaps = [
                CommonGap(
                    skill=index.requirements[p].name,
                    category=index.requirements[p].category,
                    count=n - met,
                    share=(n - met) / n if n else 0.0,
                )
                for p, met in missed
            ]
            roles.append(
                RoleCohort(
                    index=index,
                    detailed_for=self.detailed_for[r],
                    ready=tuple(self.ready[r][level] for level in index.levels),
                    not_ready=self.ready[r][None],
                    fit=_summary(self.fits[r]),
                    category_means=tuple(s / n if n else 0.0 for s in self.coverage_sums[r]),
                    common_gaps=tuple(gaps),
                )
            )
        return Cohort(self.learners, self.failed, tuple(roles))


def _sort_name(index: RoleIndex, position: int) -> str:
    return index.requirements[position].name.casefold()


def _summary(values: list[float]) -> FitSummary | None:
    import statistics  # once per run, at the end: not worth its import time at start-up

    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) > 1:
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = median = q3 = ordered[0]
    histogram = [0] * HISTOGRAM_BINS
    for value in ordered:
        histogram[min(int(value // (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)] += 1
    return FitSummary(
        mean=statistics.fmean(ordered),
        median=median,
        q1=q1,
        q3=q3,
        low=ordered[0],
        high=ordered[-1],
        histogram=tuple(histogram),
    )
