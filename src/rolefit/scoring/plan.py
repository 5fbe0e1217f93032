"""The learning plan: the gaps of one role at one of its levels, biggest gain
first, prerequisites before the skills that need them (ORDER_RULE says it to the
reader). Pure functions from data to data.

The plan aims at the level the person fixed (`--level`, `seniority:`), or else
at the level above the one they are ready for (see `plan_slot`).

Gaps are ordered by their share of the role's fit at that level times what is
missing of their credit (fixed per role, so a cohort's plans stay cheap); ties
go to the more important skill, then the bigger level gap, then the name, so
the order is stable. Each step shows the fit it really adds: nothing for a
preferred or bonus skill once the preferred pool is full.

A prerequisite is moved ahead of a skill that needs it when the person lacks
its basics (missing, or below intermediate): someone at 4 of 5 in probability
can start on machine learning; someone who never studied it should not.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rolefit.model import Importance, Requirement
from rolefit.options import DEFAULT_STEPS
from rolefit.scoring.figures import rounded
from rolefit.scoring.fit import RoleIndex, RoleResult, SlotGains, Status, importance_rank

BASICS_LEVEL = 3  # below this, a prerequisite gap goes first
# Fits are rounded to 9 decimals (fit.level_fit), so a gain, the difference of two, may pass
# the bound worked out for it by up to 1e-9: every bound is raised by GAIN_NOISE, so that no
# gap is given out before one whose gain only ties with it. Gains are ordered to GAIN_DIGITS
# decimals (a millionth of a point; closer gains tie, and importance, then name, decide), so
# that a raised bound still ties with the gains it bounds, and ties cost no more gains worked out.
GAIN_NOISE = 2e-9
GAIN_DIGITS = 6
ORDER_RULE = "biggest gain first, prerequisites you lack just before what needs them"


@dataclass(frozen=True)
class PlanStep:
    requirement: Requirement
    importance: Importance  # at the level the plan aims at
    target: int
    status: Status  # "missing" or "below"
    current_level: int | None
    level_assumed: bool
    matched_skill: str | None
    fit_gain: float  # points of role fit gained by reaching the target level
    needed_for: tuple[str, ...] = ()  # gaps that need this one first (it is missing or below basics)


@dataclass(frozen=True)
class Plan:
    role_id: str
    level: str  # the level of the role the plan aims at
    steps: tuple[PlanStep, ...]
    total_gaps: int


def plan_slot(result: RoleResult, level_fixed: bool) -> int:
    """The level a plan aims at: the level assessed when the person fixed it;
    otherwise the level above the one they are ready for (the first level when
    ready for none, the top one when ready for the top)."""
    if level_fixed:
        return result.slot
    ready = result.ready_slot
    return 0 if ready is None else min(ready + 1, len(result.fits) - 1)


Key = tuple[float, int, int, str]  # -gain, importance, levels short (negative), name
Fixed = tuple[float, int, int, str]  # share of the fit, importance rank, target level, sort name


def _key(fixed: Fixed, gain: float, level: int | None) -> Key:
    """A gap's place in the plan, from its row of _statics: the gain, then importance,
    then the furthest below target, then the name."""
    _, importance, target, name = fixed
    return (-rounded(gain, GAIN_DIGITS), importance, (level or 0) - target, name)


@lru_cache(maxsize=64)
def _statics(index: RoleIndex, slot: int) -> tuple[list[Fixed], tuple[tuple[Key, int], ...]]:
    """What a plan reads of a role at a level, computed once per role and level:
    per requirement its Fixed row, and every requirement in order of its bound
    (see _by_bound) as if the person had none of them."""
    importances, targets, shares = index.importances[slot], index.targets[slot], index.shares[slot]
    fixed = [
        (shares[i], importance_rank(importances[i]), targets[i], r.name.casefold())
        for i, r in enumerate(index.requirements)
    ]
    order = tuple(sorted((_key(row, row[0] + GAIN_NOISE, None), i) for i, row in enumerate(fixed)))
    return fixed, order


def _by_bound(
    result: RoleResult, slot: int, fixed: list[Fixed], order: tuple[tuple[Key, int], ...]
) -> Iterator[tuple[Key, int]]:
    """The gaps in order of a bound on their gain, share x credit missing (what the
    requirement adds to the level's own fit before the preferred part's cap), keyed
    like _key (`fixed` and `order`: _statics).

    The role's requirements come in their fixed order, which bounds a requirement as
    if the person had none of it; a below-target match is bounded lower, by the credit
    it already has, so every match to come is bounded no higher than the requirement
    at hand. A match is keyed when the fixed order reaches it, and waits until it
    comes first: a plan of a few steps reads only the start of the order."""
    matched = result.matched
    below: list[tuple[Key, int]] = []  # a heap of the below-target matches reached so far
    for entry in order:
        found = matched.get(entry[1])
        if found is None:
            while below and below[0] < entry:
                yield heapq.heappop(below)
            yield entry
        elif found.credits[slot] < 1:
            position = entry[1]
            bound = fixed[position][0] * (1 - found.credits[slot]) + GAIN_NOISE
            heapq.heappush(below, (_key(fixed[position], bound, found.level), position))
    while below:
        yield heapq.heappop(below)


def _gaps_in_order(result: RoleResult, slot: int) -> Iterator[int]:
    """The gaps, biggest gain first (RoleResult.fit_gain: the fit at the level,
    level envelope included); ties by importance, then the furthest below target,
    then by name.

    A plan usually needs only the first few, so gains are worked out lazily. A gap
    gains at most its bound (_by_bound) at this level, and at most `reach` through a
    level above (that level's own fit plus the most one requirement adds there,
    less the fit now). So once the gap at hand has the biggest gain worked out so
    far and no gap still to come could beat it, it is given out."""
    matched = result.matched
    fixed, order = _statics(result.index, slot)
    gains = SlotGains(result, slot)
    beyond = rounded(gains.reach - gains.current + GAIN_NOISE, GAIN_DIGITS)
    ready: list[tuple[Key, int]] = []
    for bound, position in _by_bound(result, slot, fixed, order):
        if -bound[0] > beyond:  # the gaps to come are bounded in key order
            while ready and ready[0][0] <= bound:
                yield heapq.heappop(ready)[1]
        else:  # every gap to come is bounded by `reach` alone: a strictly bigger gain goes first
            while ready and -ready[0][0][0] > beyond:
                yield heapq.heappop(ready)[1]
        found = matched.get(position)
        exact = _key(fixed[position], gains.of(position), found.level if found else None)
        heapq.heappush(ready, (exact, position))
    while ready:
        yield heapq.heappop(ready)[1]


def gaps_by_gain(result: RoleResult, slot: int) -> Iterator[int]:
    """Positions of the role's gaps, biggest gain first, prerequisites not moved."""
    return _gaps_in_order(result, slot)


def gap_gains(result: RoleResult) -> tuple[tuple[int, float, bool], ...]:
    """(position, fit gained, lacks its basics) for each gap of the level assessed
    that would add fit (RoleResult.fit_gains); lacking the basics is the plan's
    rule for a prerequisite that must come before what needs it."""
    slot = result.slot
    return tuple((position, gain, _lacks_basics(result, slot, position)) for position, gain in result.fit_gains())


def _lacks_basics(result: RoleResult, slot: int, position: int) -> bool:
    """Missing, or below both its target and BASICS_LEVEL."""
    found = result.matched.get(position)
    return found is None or found.level < min(BASICS_LEVEL, result.index.targets[slot][position])


def plan_order(result: RoleResult, limit: int | None = DEFAULT_STEPS, slot: int | None = None) -> list[int]:
    """Positions of the role's gaps at a level (the level assessed by default) in
    plan order, at most `limit` of them."""
    slot = result.slot if slot is None else slot
    ordered: list[int] = []
    placed: set[int] = set()
    for position in _gaps_in_order(result, slot):
        _place(result, slot, position, placed, ordered)
        if limit is not None and len(ordered) >= limit:
            break  # before asking for one more gap: the next may cost exact gains
    return ordered if limit is None else ordered[:limit]


def _place(result: RoleResult, slot: int, position: int, placed: set[int], ordered: list[int]) -> None:
    """Prerequisites that are gaps themselves go first (role files have no cycles).

    A loop over an explicit stack, not recursion: a chain of prerequisites may be
    longer than Python's recursion limit. A function of its own, not a closure:
    a closure that calls itself is a reference cycle, which would keep every
    result alive until the garbage collector runs; a cohort makes thousands."""
    if position in placed:
        return
    placed.add(position)
    prerequisites = result.index.prerequisites
    if not prerequisites[position]:  # most requirements have none
        ordered.append(position)
        return
    stack = [(position, iter(prerequisites[position]))]
    while stack:
        current, waiting = stack[-1]
        for prerequisite in waiting:
            if prerequisite not in placed and _lacks_basics(result, slot, prerequisite):
                placed.add(prerequisite)
                stack.append((prerequisite, iter(prerequisites[prerequisite])))
                break
        else:
            stack.pop()
            ordered.append(current)


def build_plan(result: RoleResult, limit: int | None = DEFAULT_STEPS, slot: int | None = None) -> Plan:
    """The plan towards the role's level `slot` (the level assessed by default)."""
    index = result.index
    slot = result.slot if slot is None else slot
    total_gaps = len(index.requirements) - sum(1 for i in result.matched if result.credit(i, slot) >= 1)
    steps = []
    for position in plan_order(result, limit, slot):
        found = result.result(position, slot)
        steps.append(
            PlanStep(
                requirement=found.requirement,
                importance=found.importance,
                target=found.target,
                status=found.status,
                current_level=found.user_level,
                level_assumed=found.level_assumed,
                matched_skill=found.matched_skill,
                fit_gain=result.fit_gain(position, slot),
                needed_for=(
                    tuple(index.requirements[d].name for d in index.dependents[position] if result.credit(d, slot) < 1)
                    if _lacks_basics(result, slot, position)
                    else ()
                ),
            )
        )
    return Plan(index.role.id, index.levels[slot], tuple(steps), total_gaps)
