"""The learning plan: the gaps of one role, biggest gain first, prerequisites
before the skills that need them. Pure functions from data to data.

A gap's gain is the fit it adds when closed: its share of the role's fit
times what is missing of its credit. Ties go to the more important skill,
then the bigger level gap, then the name, so the order is stable.

A prerequisite is moved ahead of a skill that needs it when the person lacks
its basics (missing, or below intermediate): someone at 4 of 5 in probability
can start on machine learning; someone who never studied it should not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rolefit.model import Requirement
from rolefit.options import DEFAULT_STEPS
from rolefit.scoring import RoleIndex, RoleResult, Status, importance_rank

PlanKey = tuple[float, int, int, str]
BASICS_LEVEL = 3  # below this, a prerequisite gap goes first


@dataclass(frozen=True)
class PlanStep:
    requirement: Requirement
    status: Status  # "missing" or "below"
    current_level: int | None
    level_assumed: bool
    matched_skill: str | None
    fit_gain: float  # points of role fit gained by reaching the target level
    needed_for: tuple[str, ...] = ()  # gaps that need this one first (it is missing or below basics)


@dataclass(frozen=True)
class Plan:
    role_id: str
    steps: tuple[PlanStep, ...]
    total_gaps: int


@lru_cache(maxsize=64)
def _fixed(index: RoleIndex) -> list[tuple[float, int, int, str]]:
    """Per requirement: share of the fit, importance rank, target level, sort name."""
    return [
        (index.shares[i], importance_rank(r.importance), r.level, r.name.casefold())
        for i, r in enumerate(index.requirements)
    ]


def _key(index: RoleIndex, position: int, credit: float, level: int | None) -> PlanKey:
    share, importance, target, name = _fixed(index)[position]
    return (-round(share * (1 - credit), 9), importance, (level or 0) - target, name)


@lru_cache(maxsize=64)
def _order_if_missing(index: RoleIndex) -> tuple[tuple[PlanKey, int], ...]:
    """Every requirement in plan order as if the person had none of them; computed
    once per role, so a plan costs little more than the person's own matches."""
    return tuple(sorted((_key(index, i, 0.0, None), i) for i in range(len(index.requirements))))


def _gaps_in_order(result: RoleResult) -> Iterator[int]:
    """The gaps, biggest gain first: the role's requirements in their fixed order
    for the ones not matched, merged with the person's few below-target matches.
    A plan usually needs only the first few, so the merge stops when asked."""
    index, matched = result.index, result.matched
    below = sorted((_key(index, i, c.credit, c.skill.level), i) for i, c in matched.items() if c.credit < 1)
    waiting = 0
    for entry in _order_if_missing(index):
        if entry[1] in matched:
            continue
        while waiting < len(below) and below[waiting] < entry:
            yield below[waiting][1]
            waiting += 1
        yield entry[1]
    for _, position in below[waiting:]:
        yield position


def _lacks_basics(result: RoleResult, position: int) -> bool:
    found = result.matched.get(position)
    if found is None:
        return True
    return found.credit < 1 and found.skill.level < min(BASICS_LEVEL, result.index.requirements[position].level)


def plan_order(result: RoleResult, limit: int | None = DEFAULT_STEPS) -> list[int]:
    """Positions of the role's gaps in plan order, at most `limit` of them."""
    ordered: list[int] = []
    placed: set[int] = set()
    for position in _gaps_in_order(result):
        if limit is not None and len(ordered) >= limit:
            break
        _place(result, position, placed, ordered)
    return ordered if limit is None else ordered[:limit]


def _place(result: RoleResult, position: int, placed: set[int], ordered: list[int]) -> None:
    """Prerequisites that are gaps themselves go first (role files have no cycles).

    A loop over an explicit stack, not recursion: a chain of prerequisites may be
    longer than Python's recursion limit. A function of its own, not a closure:
    a closure that calls itself is a reference cycle, which would keep every
    result alive until the garbage collector runs; a cohort makes thousands."""
    if position in placed:
        return
    placed.add(position)
    prerequisites = result.index.prerequisites
    stack = [(position, iter(prerequisites[position]))]
    while stack:
        current, waiting = stack[-1]
        for prerequisite in waiting:
            if prerequisite not in placed and _lacks_basics(result, prerequisite):
                placed.add(prerequisite)
                stack.append((prerequisite, iter(prerequisites[prerequisite])))
                break
        else:
            stack.pop()
            ordered.append(current)


def build_plan(result: RoleResult, limit: int | None = DEFAULT_STEPS) -> Plan:
    index = result.index
    total_gaps = len(index.requirements) - sum(1 for c in result.matched.values() if c.credit >= 1)
    steps = []
    for position in plan_order(result, limit):
        found = result.result(position)
        steps.append(
            PlanStep(
                requirement=found.requirement,
                status=found.status,
                current_level=found.user_level,
                level_assumed=found.level_assumed,
                matched_skill=found.matched_skill,
                fit_gain=index.shares[position] * (1 - found.credit),
                needed_for=(
                    tuple(index.requirements[d].name for d in index.dependents[position] if result.credit(d) < 1)
                    if _lacks_basics(result, position)
                    else ()
                ),
            )
        )
    return Plan(index.role.id, tuple(steps), total_gaps)
