"""A cohort against an earlier run of it (`batch --compare last.json`).

Each learner is matched to the earlier run by file path (relative to the folder
given, so a cohort moved or run from elsewhere still matches), then, for files
renamed, by name when exactly one earlier learner of that name is left over.
A learner's change is measured on the role they aim at now: its fit now against
its fit then, readiness, and the requirements now met that were not (gaps
closed). The earlier run is a `batch --format json` document.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from rolefit.errors import RolefitError, shown_path
from rolefit.scoring.figures import decided, rounded

if TYPE_CHECKING:
    from pathlib import Path

    from rolefit.cohort.batch import LearnerScore
    from rolefit.scoring.fit import RoleIndex

MatchedBy = Literal["path", "name"]
MAX_BYTES = 512 * 1024 * 1024  # an earlier run of a very large cohort, not an unbounded read


class EarlierLearner(NamedTuple):
    """A learner of the earlier run (a named tuple: a cohort makes thousands)."""

    key: str  # the path relative to the folder given (the file as given, from an older rolefit)
    file: str
    name: str | None
    role: str  # the role detailed then
    fits: Mapping[str, float]  # per role id
    ready_for: str | None
    met: tuple[str, ...] | None  # requirements of that role at or above target (None: not recorded)


@dataclass(frozen=True)
class EarlierRun:
    source: str
    learners: tuple[EarlierLearner, ...]
    digests: Mapping[str, str | None]  # role id -> digest (None: not recorded)


class LearnerChange(NamedTuple):
    """One learner against the earlier run (a named tuple: one per learner, thousands of them)."""

    matched_by: MatchedBy | None  # None: new since the earlier run
    before: EarlierLearner | None
    fit_before: float | None  # the fit then of the role aimed at now (None: new, or the role was not in that run)
    fit_change: float | None
    ready_before: str | None
    ready_known: bool  # the same role was detailed then, so readiness compares
    gaps_closed: tuple[str, ...]  # requirements met now and not then (same role only)
    gaps_reopened: tuple[str, ...]  # met then, not now


@dataclass(frozen=True)
class ReadinessMove:
    role: str  # title
    level: str
    reached: int  # learners ready for this level now who were ready for less
    fell: int  # learners ready for less than this level now who were ready for it


@dataclass(frozen=True)
class CohortProgress:
    earlier: str  # the file compared with
    earlier_learners: int
    matched: int
    matched_by_name: tuple[tuple[str, str], ...]  # (file now, file then)
    new: tuple[str, ...]
    gone: tuple[str, ...]
    mean_change: float | None  # mean fit change of the matched learners whose role was in both runs
    compared: int  # how many learners that mean is over
    readiness: tuple[ReadinessMove, ...]
    gaps_closed: tuple[tuple[str, int], ...]  # (requirement, learners who closed it), most closed first
    backwards: tuple[tuple[str, float], ...]  # (learner, fit change < 0), most lost first
    roles_changed: tuple[str, ...]  # role ids whose content differs from the earlier run's
    roles_unknown: tuple[str, ...]  # role ids the earlier run holds no digest for


def load_earlier(path: Path) -> EarlierRun:
    """An earlier `batch --format json` document, checked enough to compare with."""
    where = shown_path(path)
    try:
        with open(path, "rb") as handle:  # noqa: PTH123
            # a file's size known, read that (read(MAX_BYTES + 1) sets the whole limit aside first,
            # a few milliseconds for a report of a few MB); a pipe or device, up to the limit
            found = os.fstat(handle.fileno())
            size = found.st_size if stat.S_ISREG(found.st_mode) and found.st_size <= MAX_BYTES else MAX_BYTES
            data = handle.read(size + 1)
    except OSError as exc:
        raise RolefitError.at(where, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise RolefitError.at(where, "is too large for an earlier batch report")
    try:
        # Each learner is kept as it is read, the rest of its entry dropped at once: the whole
        # document held at the end would take a 10,000-learner report's run from 36 to 68 MB,
        # and a page of memory first touched costs this process time (benchmarks/batch.py).
        document = json.loads(data, object_hook=_learner_or_as_is)
    except (ValueError, RecursionError):
        raise RolefitError.at(
            where, "is not JSON; --compare takes the output of `rolefit batch --format json`"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("learners"), list) or "cohort" not in document:
        raise RolefitError.at(
            where, "is not a batch report; --compare takes the output of `rolefit batch --format json`"
        )
    learners = tuple(document["learners"])
    try:
        if not all(type(learner) is EarlierLearner for learner in learners):
            raise TypeError("learner")
        digests = {str(r["id"]): r.get("digest") for r in document.get("roles", [])}
    except (KeyError, TypeError, ValueError, AttributeError):
        raise RolefitError.at(where, "is a batch report with learners of an unexpected shape") from None
    return EarlierRun(where, learners, digests)


def _learner_or_as_is(entry: dict[str, Any]) -> object:
    """Every object of the report as json reads it: a learner's entry (it has a
    detailed role) made an EarlierLearner, or left as it is if it is not one
    (load_earlier then refuses it); anything else as it is."""
    if "detailed_role" not in entry:
        return entry
    try:
        return _learner(entry)
    except (KeyError, TypeError, ValueError, AttributeError):
        return entry


def _learner(item: dict[str, Any]) -> EarlierLearner:
    """Checked as cheaply as it can be: a fit that is not a number is never compared (see _fit_then)."""
    met, name, ready, fits, file = item.get("met"), item.get("name"), item.get("ready_for"), item["fits"], item["file"]
    if not isinstance(fits, dict):
        raise TypeError("fits")
    # Every field, in order, without the NamedTuple's Python-level __new__ (a learner each).
    return _new(
        EarlierLearner,
        (
            str(item.get("path") or file),  # key
            str(file),
            name if isinstance(name, str) else None,
            str(item["detailed_role"]),  # role
            fits,
            ready if isinstance(ready, str) else None,
            tuple(met) if isinstance(met, list) else None,
        ),
    )


def _fit_then(fit: object) -> float | None:
    """A fit as the earlier report holds it: a number from 0 to 100, else none."""
    return float(fit) if isinstance(fit, (int, float)) and not isinstance(fit, bool) and 0 <= fit <= 100 else None


_NEW = LearnerChange(None, None, None, None, None, False, (), ())  # a learner not in the earlier run
_new = tuple.__new__


class _Seen(NamedTuple):
    """What the summary needs of each learner of this run (not the whole score)."""

    label: str
    name: str | None
    detailed: int
    ready_for: str | None
    change: LearnerChange


class Comparison:
    """Matches learners to the earlier run as they stream past, then sums up.
    `labels` are the keys (paths relative to the folders given) of every file of
    this run, as (file as shown, label): an earlier learner whose path is among
    them is kept for that file, never taken by another learner of the same name.
    They are read only if some learner is not found by path (a rerun of the same
    folder finds every one), as are the earlier run's files and names. `summed`:
    the run shows the cohort, so its summary will be asked for (a csv run's is not)."""

    def __init__(
        self,
        earlier: EarlierRun,
        indexes: Sequence[RoleIndex],
        digests: Sequence[str],
        labels: Iterable[tuple[str, str]],
        summed: bool = True,
    ) -> None:
        self.earlier = earlier
        self.indexes = list(indexes)
        self.labels = labels
        self.by_key = {learner.key: learner for learner in earlier.learners}
        self._by_file: dict[str, EarlierLearner] | None = None
        self._by_name: dict[str, EarlierLearner] | None = None
        self.taken: set[int] = set()
        self.names = [tuple(r.name for r in index.requirements) for index in self.indexes]
        self.role_ids = [index.role.id for index in self.indexes]
        self.seen: list[_Seen] | None = [] if summed else None
        self.roles_changed = tuple(
            index.role.id
            for index, digest in zip(self.indexes, digests, strict=True)
            if earlier.digests.get(index.role.id) not in (None, digest)
        )
        self.roles_unknown = tuple(
            index.role.id
            for index in self.indexes
            if index.role.id in earlier.digests and earlier.digests[index.role.id] is None
        )

    def _by_path_or_name(self, source: str, name: str | None) -> tuple[EarlierLearner | None, MatchedBy | None]:
        """A learner not found under its path: under the file as shown (an earlier
        report without paths, or a run given other folders), then by name."""
        if self._by_file is None or self._by_name is None:
            learners = self.earlier.learners
            self._by_file = {learner.file: learner for learner in learners}
            reserved = {id(self.by_key.get(label) or self._by_file.get(file)) for file, label in self.labels}
            names = Counter(learner.name for learner in learners if learner.name)
            self._by_name = {
                learner.name: learner
                for learner in learners
                if learner.name and names[learner.name] == 1 and id(learner) not in reserved
            }
        found = self._by_file.get(source)
        if found is not None and id(found) not in self.taken:
            return found, "path"
        found = self._by_name.get(name) if name else None
        if found is not None and id(found) not in self.taken:
            return found, "name"
        return None, None

    def match(self, score: LearnerScore, path: str) -> LearnerChange:
        """`path`: the learner's file relative to the folder given (the score's
        `path` to be), so that the caller sets it and the change in one step."""
        before = self.by_key.get(path)
        matched_by: MatchedBy | None = "path"
        if before is None or id(before) in self.taken:
            before, matched_by = self._by_path_or_name(score.source, score.name)
        detailed = score.detailed
        if before is None:
            change = _NEW
        else:
            self.taken.add(id(before))
            role = self.role_ids[detailed]
            fit_before = before.fits.get(role)
            if type(fit_before) is not float or not 0 <= fit_before <= 100:
                fit_before = _fit_then(fit_before)
            same_role = before.role == role
            closed: tuple[str, ...] = ()
            reopened: tuple[str, ...] = ()
            met_then = before.met
            if same_role and met_then is not None:
                names = self.names[detailed]
                then = set(met_then)
                now = [names[p] for p in score.met]
                if not then.issuperset(now):  # some gap closed (the test, in C, spares the walk when none)
                    closed = tuple([name for name in now if name not in then])
                # a role's requirement names are unique, so len(now) - len(closed) of those met then
                # are met now: only when that is fewer is any reopened (rare: no walk over every requirement)
                if len(now) - len(closed) < len(then):
                    reopened = tuple([name for name in names if name in then and name not in now])
            # Every field, in order, without the NamedTuple's Python-level __new__ (a learner each).
            change = _new(
                LearnerChange,
                (
                    matched_by,
                    before,
                    fit_before,
                    # fit_change: between the figures as shown (one decimal, cut), so that before + change = now
                    None if fit_before is None else rounded(decided(score.fits[detailed]) - decided(fit_before), 1),
                    before.ready_for if same_role else None,  # ready_before
                    same_role,  # ready_known
                    closed,  # gaps_closed
                    reopened,  # gaps_reopened
                ),
            )
        if self.seen is not None:
            self.seen.append(_new(_Seen, (path, score.name, detailed, score.ready_for, change)))
        return change

    def summary(self) -> CohortProgress:
        if self.seen is None:
            raise ValueError("a comparison made with summed=False keeps no summary")
        matched = [seen for seen in self.seen if seen.change.before is not None]
        deltas = [m.change.fit_change for m in matched if m.change.fit_change is not None]
        closed = Counter(name for m in matched for name in m.change.gaps_closed)
        gone = tuple(learner.key for learner in self.earlier.learners if id(learner) not in self.taken)
        backwards = [(_who(m), d) for m in matched if (d := m.change.fit_change) is not None and d < -1e-9]
        return CohortProgress(
            earlier=self.earlier.source,
            earlier_learners=len(self.earlier.learners),
            matched=len(matched),
            matched_by_name=tuple(
                (m.label, m.change.before.key) for m in matched if m.change.matched_by == "name" and m.change.before
            ),
            new=tuple(seen.label for seen in self.seen if seen.change.before is None),
            gone=gone,
            mean_change=sum(deltas) / len(deltas) if deltas else None,
            compared=len(deltas),
            readiness=self._readiness(matched),
            gaps_closed=tuple(sorted(closed.items(), key=lambda item: (-item[1], item[0].casefold()))),
            backwards=tuple(sorted(backwards, key=lambda item: (item[1], item[0]))),
            roles_changed=self.roles_changed,
            roles_unknown=self.roles_unknown,
        )

    def _readiness(self, matched: list[_Seen]) -> tuple[ReadinessMove, ...]:
        moves = []
        for r, index in enumerate(self.indexes):
            rank = {level: number for number, level in enumerate(index.levels, start=1)}
            pairs = [
                (rank.get(m.change.ready_before or "", 0), rank.get(m.ready_for or "", 0))
                for m in matched
                if m.detailed == r and m.change.ready_known
            ]
            for number, level in enumerate(index.levels, start=1):
                reached = sum(1 for then, now in pairs if now >= number > then)
                fell = sum(1 for then, now in pairs if then >= number > now)
                if reached or fell:
                    moves.append(ReadinessMove(index.role.title, level, reached, fell))
        return tuple(moves)


def _who(seen: _Seen) -> str:
    return f"{seen.name} ({seen.label})" if seen.name else seen.label
