"""The teaching view: which gap, taught to the whole cohort, gains the most fit.

Each learner aims at their own role (their `target`, else their best fit) at the
level they were assessed at (`--level`, their `seniority`, else mid). A gap's
worth to the cohort is the fit every learner who lacks it would gain by reaching
its target, summed over learners (see docs/fit.md: a required gap adds its share
of the fit times what is missing of its credit; a preferred or bonus gap the
same, up to the room left in the preferred pool). Gaps are ranked by that total,
ties by how many learners need them, then by name; a gap's prerequisites that
are gaps themselves come just before it, as in a learning plan.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.model import Requirement
from rolefit.scoring.fit import RoleIndex

if TYPE_CHECKING:
    from rolefit.cohort.batch import Outcome

NOTHING = 1e-9  # a gain this small is rounding, not fit
WHO_LISTED = 100  # names kept per gap: a class is named in full; in a cohort of thousands, a list
# of every name is megabytes nobody reads (and that --compare would have to parse again)


@dataclass(frozen=True)
class Lesson:
    """One gap to teach: what the cohort gains, who needs it, how to learn it."""

    requirement: Requirement
    gain: float  # fit points, summed over the learners who need it
    learners: int  # how many need it (would gain fit from it)
    who: tuple[str, ...]  # their names (the file, for one without), in file order; the first WHO_LISTED
    needed_for: tuple[str, ...] = ()  # the gap it was moved ahead of, as its prerequisite


@dataclass(frozen=True)
class RoleLessons:
    index: RoleIndex
    learners: int  # learners aiming at this role
    levels: tuple[tuple[str, int], ...]  # (level, learners assessed at it)
    lessons: tuple[Lesson, ...]  # every gap worth fit, in teaching order


class TeachingBuilder:
    """Sums each learner's gap gains into their role as they stream past."""

    def __init__(self, indexes: Sequence[RoleIndex]) -> None:
        self.indexes = list(indexes)
        self.gain: list[dict[int, float]] = [{} for _ in indexes]
        self.who: list[dict[int, list[str]]] = [{} for _ in indexes]
        self.needing: list[dict[int, int]] = [{} for _ in indexes]
        self.lacking: list[set[int]] = [set() for _ in indexes]  # gaps some learner lacks the basics of
        self.learners = [0] * len(indexes)
        self.levels: list[dict[str, int]] = [{} for _ in indexes]

    def add(self, outcome: Outcome) -> None:
        from rolefit.cohort.batch import FileError

        if isinstance(outcome, FileError):
            return
        r = outcome.detailed
        self.learners[r] += 1
        self.levels[r][outcome.level] = self.levels[r].get(outcome.level, 0) + 1
        gain, who, needing = self.gain[r], self.who[r], self.needing[r]
        name = outcome.name or outcome.path or outcome.source
        lacking = self.lacking[r]
        for position, value, lacks_basics in outcome.gains:
            gain[position] = gain.get(position, 0.0) + value
            needing[position] = needing.get(position, 0) + 1
            names = who.setdefault(position, [])
            if len(names) < WHO_LISTED:
                names.append(name)
            if lacks_basics:
                lacking.add(position)

    def build(self) -> tuple[RoleLessons, ...]:
        built = []
        for r, index in enumerate(self.indexes):
            if not self.learners[r]:
                continue
            gain, who, needing = self.gain[r], self.who[r], self.needing[r]
            ranked = sorted(
                gain, key=lambda p: (-round(gain[p], 6), -needing[p], index.requirements[p].name.casefold(), p)
            )
            order = prerequisites_first(ranked, index.prerequisites, self.lacking[r])
            lessons = tuple(
                Lesson(
                    requirement=index.requirements[p],
                    gain=gain[p],
                    learners=needing[p],
                    who=tuple(who[p]),
                    needed_for=() if pulled is None else (index.requirements[pulled].name,),
                )
                for p, pulled in order
            )
            levels = tuple((level, self.levels[r][level]) for level in index.levels if level in self.levels[r])
            built.append(RoleLessons(index, self.learners[r], levels, lessons))
        return tuple(built)


def prerequisites_first(
    ranked: Iterable[int], prerequisites: Sequence[Sequence[int]], lacking: Collection[int]
) -> list[tuple[int, int | None]]:
    """`ranked` in order, each one's prerequisites that are in it and that some
    learner lacks the basics of (`lacking`) moved just before it, their own
    first, higher ranked first; with each position, the one it was moved ahead
    of (None when in its own place). A loop over a stack: a chain of
    prerequisites may be longer than Python's recursion limit."""
    ranked = list(ranked)
    rank = {position: number for number, position in enumerate(ranked)}
    placed: set[int] = set()
    ordered: list[tuple[int, int | None]] = []
    for position in ranked:
        if position in placed:
            continue
        placed.add(position)
        stack: list[tuple[int, int | None, Iterator[int]]] = [(position, None, _by_rank(prerequisites[position], rank))]
        while stack:
            current, pulled_by, waiting = stack[-1]
            for prerequisite in waiting:
                if prerequisite in lacking and prerequisite not in placed:
                    placed.add(prerequisite)
                    stack.append((prerequisite, current, _by_rank(prerequisites[prerequisite], rank)))
                    break
            else:
                stack.pop()
                ordered.append((current, pulled_by))
    return ordered


def _by_rank(positions: Sequence[int], rank: Mapping[int, int]) -> Iterator[int]:
    return iter(sorted((p for p in positions if p in rank), key=rank.__getitem__))
