"""Scores a person checks by hand: credit per requirement, fit per role at each
of its levels, readiness. Pure functions from data to data; docs/fit.md gives
the formula, its properties and a worked example.

- a skill meets a requirement when it matches the requirement's name, or one of
  the options of a `one_of` (the best option counts);
- the level it counts at is the person's own for a direct match (exact, alias,
  fuzzy); an implied match counts one level below the skill behind it (at
  least 1), and only when no skill of the person matched the requirement directly;
- credit at a level = the share of the way from 0 to the target, each level
  LEVEL_GROWTH times the work of the one before: (g**level - 1) / (g**target - 1),
  full at the target (level_credit);
- a level's own fit = 100 (0.75 R + 0.25 P): R the weighted mean credit of the
  required pool, P that of the preferred pool with bonus credit filling it at
  half weight, full once half the preferred weight is credited (PREFERRED_FULL),
  capped at 1; each requirement weighs its category's weight. A preferred pool
  small beside the required one holds less than the quarter (pool_parts), so
  that no preferred requirement is worth more than a required one;
- the fit at a level = the highest own fit of that level and every level above
  it (the level envelope): nobody is less fit for a lower level than a higher one;
- ready for = the highest level whose fit is at least READY_FIT with at most
  MISSING_TOLERANCE of the required weight wholly missing;
- category coverage (shown per category, at the level assessed) = the
  importance-weighted mean credit, 0-100, with IMPORTANCE_WEIGHTS.

Scoring is sparse: a role is indexed once per run (RoleIndex), and a person's
matched skills are looked up in it, so the work per person grows with the
skills they list, not with the size of the roles. What a match adds to a
role's sums at every level is packed into one int (RoleIndex.packed), so a
role's sums are one sum() over the person's matches. A cohort of thousands is
scored with the same code as one `assess`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from math import frexp, fsum
from operator import itemgetter, truediv
from typing import TYPE_CHECKING, Any, Generic, Literal, NamedTuple, TypeVar, overload

from rolefit.model import DEFAULT_SENIORITY, IMPORTANCES, Importance, Profile, Requirement, Role, Skill, role_key
from rolefit.scoring.figures import decided, rounded

if TYPE_CHECKING:
    from rolefit.matching.matcher import Hit, Matcher, MatchMethod

IMPORTANCE_WEIGHTS: Mapping[Importance, int] = {"required": 3, "preferred": 2, "bonus": 1}
METHOD_RANK: Mapping[str, int] = {"exact": 0, "alias": 1, "implied": 2, "fuzzy": 3}
REQUIRED_SHARE = 0.75  # of the fit; the preferred pool has the rest
BONUS_FACTOR = 0.5  # a bonus requirement fills the preferred pool at half its weight
MEMO_SIZE = 100_000  # (skill string, level) pairs a RoleSet remembers; past that, worked out afresh
LEVEL_GROWTH = 1.5  # each level is this many times the work of the one below (level_credit; docs/fit.md)
PREFERRED_FULL = 0.5  # the preferred pool is full once this share of its weight is credited
READY_FIT = 70.0  # the fit (rounded to one decimal) a level needs to count as ready
MISSING_TOLERANCE = 0.25  # the share of the required weight that may be wholly missing at a level one is ready for
_POOL: Mapping[Importance, int] = {"required": 0, "preferred": 1, "bonus": 2}
# A role's sums packed in one int (RoleIndex.packed): per level, four fields of
# weights scaled to _WEIGHT_BITS bits, each wide enough for their sum over all the
# role's requirements (RoleIndex.field_bits), then two counts of requirements.
_WEIGHT_BITS = 52

Status = Literal["met", "below", "missing"]
Matches = Sequence[tuple[Skill, Mapping[str, "Hit"]]]


def implied_level(evidence: int) -> int:
    """The level an implied match counts at: one below the skill behind it, at
    least 1 (a level of 0 implies nothing)."""
    return max(evidence - 1, 1) if evidence > 0 else 0


def level_credit(level: int, target: int) -> float:
    """The credit of a level against a target: the share of the way to the target
    it has come when each level is LEVEL_GROWTH times the work of the one before,
    (g**level - 1) / (g**target - 1); full at the target and above (see docs/fit.md)."""
    if level >= target:
        return 1.0
    return (LEVEL_GROWTH**level - 1) / (LEVEL_GROWTH**target - 1)


def level_fit(
    required_total: float,
    preferred_total: float,
    required: float,
    preferred: float,
    bonus: float,
    preferred_part: float | None = None,
) -> float:
    """A level's own fit, 0-100, from the pools' total weights and their
    weighted credits. The preferred pool is full once PREFERRED_FULL of its
    weight is credited (bonus credit at half weight helping). A level without
    preferred requirements is all required pool (a bonus has nothing to fill),
    one without required ones all preferred pool; the loader refuses a level
    with neither (see docs/fit.md). `preferred_part` is pool_parts' second
    figure for these totals, when the caller has it at hand (RoleIndex does)."""
    if preferred_total == 0:
        fit = 100 * required / required_total if required_total else 100.0
    elif required_total:
        if preferred_part is None:
            preferred_part = pool_parts(required_total, preferred_total)[1]
        share = _preferred_share(preferred_total, preferred, bonus)
        fit = _mixed_fit(required_total, required, 1 - preferred_part, preferred_part * share)
    else:
        fit = 100 * _preferred_share(preferred_total, preferred, bonus)
    # Weights summed in another order can leave a last-bit error: 99.99999999999999.
    return rounded(fit, 9)


def pool_parts(required_total: float, preferred_total: float) -> tuple[float, float]:
    """The parts of a level's fit, 0-1, its required and its preferred pool hold,
    for a level with both. The preferred pool holds 1 - REQUIRED_SHARE, or less
    when it is small beside the required pool: as much as leaves a preferred
    requirement worth no more fit than a required one of the same weight. (Its
    fit per weight, preferred / (PREFERRED_FULL x preferred_total), equals the
    required pool's, (1 - preferred) / required_total, at the part below.) In a
    job posting with twelve must-haves and two nice-to-haves, one nice-to-have
    would otherwise fill the whole quarter: four must-haves' worth."""
    full = PREFERRED_FULL * preferred_total
    preferred = min(1 - REQUIRED_SHARE, full / (required_total + full))
    return 1 - preferred, preferred


def _preferred_share(preferred_total: float, preferred: float, bonus: float) -> float:
    """How full a level's preferred pool is, 0-1 (see level_fit)."""
    return min(1.0, (preferred + BONUS_FACTOR * bonus) / (PREFERRED_FULL * preferred_total))


def _mixed_fit(required_total: float, required: float, required_part: float, preferred_part: float) -> float:
    """level_fit of a level with both pools, before rounding: the required pool's
    part (of pool_parts) times its credit, and the preferred part (pool_parts'
    times _preferred_share)."""
    return 100 * (required_part * required / required_total + preferred_part)


_T = TypeVar("_T")


class _cached(Generic[_T]):
    """functools.cached_property without its lock (Python 3.11 and before take
    one on every first read, and a cohort reads thousands of RoleResults once)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _cached[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> _cached[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class RequirementResult:
    """How one requirement was (or was not) credited at one level, and why."""

    requirement: Requirement
    importance: Importance  # at the level scored
    target: int  # the target level at the level scored
    matched_skill: str | None = None  # the user's string, as written
    match_method: MatchMethod | None = None
    match_score: float = 0.0
    matched_via: str = ""  # the alias, implying skill or fuzzy candidate behind the match
    matched_part: str = ""  # the piece of a compound entry that matched
    option: str | None = None  # the option of a one_of that counted
    user_level: int | None = None  # the level counted: for an implied match, below the evidence's
    level_assumed: bool = False
    level_from_years: bool = False
    credit: float = 0.0

    @property
    def status(self) -> Status:
        if self.matched_skill is None or self.credit == 0:
            return "missing"
        return "met" if self.credit >= 1 else "below"


class Credited(NamedTuple):
    """The skill credited for one requirement: kept this small because a cohort
    makes millions of them; RequirementResult is built from it when shown."""

    level: int  # the level it counts at (see implied_level)
    credits: tuple[float, ...]  # the credit it earns at each level of the role
    source: tuple[str, int]  # the skill it comes from, by name and level (RoleResult.skill_of finds it)
    hit: Hit
    rank: tuple[bool, int, int, float]  # lower is better: implied, -level, method rank, -match score
    option: str  # the one_of option it matched, or ""
    sums: int  # what it adds to the role's sums at every level, packed (see RoleIndex.packed)


@dataclass(frozen=True)
class CategoryResult:
    name: str
    weight: float
    coverage: float  # 0-100
    requirements: tuple[RequirementResult, ...]


class RoleIndex:
    """A role prepared for scoring: the matcher keys of its skill names, and per
    level of the role each requirement's pool, target and share of the fit.
    Per-level data is a list per level ("slot", see Role.slot), then per requirement."""

    def __init__(self, role: Role, matcher: Matcher) -> None:
        self.role = role
        self.requirements: tuple[Requirement, ...] = role.requirements
        self.levels: tuple[str, ...] = role.level_names
        slots = range(len(self.levels))
        self.category_of: list[int] = []
        self.weights: list[float] = []  # each requirement weighs its category's weight
        for number, category in enumerate(role.categories):
            self.category_of.extend([number] * len(category.requirements))
            self.weights.extend([category.weight] * len(category.requirements))
        self.terms: dict[str, list[tuple[int, str]]] = {}  # matcher key -> (position, one_of option or "")
        for position, requirement in enumerate(self.requirements):
            for name in requirement.skill_names:
                option = name if requirement.one_of else ""
                self.terms.setdefault(matcher.key(name), []).append((position, option))
        self.importances = [[r.importance_at(s) for r in self.requirements] for s in slots]
        self.targets = [[r.target_at(s) for r in self.requirements] for s in slots]
        self.pool_totals: list[tuple[float, float]] = []  # per slot: required, preferred weight
        self.preferred_parts: list[float | None] = []  # per slot: pool_parts' preferred part (levels with both)
        self.shares: list[list[float]] = []  # per slot: the fit reaching each target adds (before the cap)
        self.required: list[list[int]] = []  # per slot: positions of the required requirements
        for s in slots:
            importances = self.importances[s]
            totals = [
                fsum(w for w, i in zip(self.weights, importances, strict=True) if i == kind) for kind in IMPORTANCES
            ]
            self.pool_totals.append((totals[0], totals[1]))
            part = pool_parts(totals[0], totals[1])[1] if totals[0] and totals[1] else None
            self.preferred_parts.append(part)
            self.shares.append(
                [self._share(i, w, totals[0], totals[1], part) for i, w in zip(importances, self.weights, strict=True)]
            )
            self.required.append([p for p, i in enumerate(importances) if i == "required"])
        self.pool_of = [[_POOL[i] for i in self.importances[s]] for s in slots]  # per slot: 0, 1, 2
        # per slot: the most one requirement can add to the own fit, from anywhere
        # (credit added to an empty pool gains the most: the preferred part is capped)
        self.best_gain = [
            max(
                (
                    self._single_gain(s, pool, weight)
                    for pool, weight in zip(self.pool_of[s], self.weights, strict=True)
                ),
                default=0.0,
            )
            for s in slots
        ]
        self.coverage_points = [[100 * IMPORTANCE_WEIGHTS[i] for i in self.importances[s]] for s in slots]
        self.category_totals = [
            [sum(IMPORTANCE_WEIGHTS[r.importance_at(s)] for r in c.requirements) for c in role.categories]
            for s in slots
        ]
        # Sums packed into one int (see packed): a person's matches are added up
        # with one sum() per role instead of a loop per level. Weights become
        # integers at a power-of-two scale that keeps 52 bits of the largest
        # (at most 2**52 each), so a field of 52 bits and as many again as it
        # takes to count the requirements holds any sum of them. The narrower the
        # fields, the less each sum() has to add.
        top = max(self.weights, default=1.0)
        self.scale = 2.0 ** (_WEIGHT_BITS - frexp(top)[1])
        self.count_bits = len(self.requirements).bit_length()
        self.count_mask = (1 << self.count_bits) - 1
        self.field_bits = _WEIGHT_BITS + self.count_bits
        self.field_mask = (1 << self.field_bits) - 1
        self.pools_mask = (1 << (3 * self.field_bits)) - 1  # a level's three pool fields
        self.shifts = [(4 * self.field_bits + 2 * self.count_bits) * s for s in slots]
        self.position_of = {role_key(r.name): i for i, r in enumerate(self.requirements)}
        self.prerequisites = [
            [self.position_of[role_key(name)] for name in r.prerequisites if role_key(name) in self.position_of]
            for r in self.requirements
        ]
        self.dependents: list[list[int]] = [[] for _ in self.requirements]
        for position, prerequisites in enumerate(self.prerequisites):
            for prerequisite in prerequisites:
                self.dependents[prerequisite].append(position)
        # By (position, level counted): what a requirement credited at that level earns
        # (see earned); filled as a run meets them, a few hundred pairs at most.
        self._earned: dict[tuple[int, int], tuple[tuple[float, ...], int]] = {}

    @cached_property
    def digest(self) -> str:
        """The role's digest (``rolefit.formats.digest``), worked out once: the shipped
        indexes of the built-in roles carry theirs (``compile_prepared``)."""
        from rolefit.formats.digest import role_digest

        return role_digest(self.role)

    def earned(self, position: int, level: int) -> tuple[tuple[float, ...], int]:
        """What one requirement credited at `level` earns: its credit at each level of
        the role and what that adds to the role's sums (packed). A cohort's skills
        meet the same requirements at the same levels again and again: worked out once."""
        key = (position, level)
        found = self._earned.get(key)
        if found is None:
            credits = tuple([level_credit(level, targets[position]) for targets in self.targets])
            found = self._earned[key] = (credits, self.packed(position, credits))
        return found

    def packed(self, position: int, credits: Sequence[float]) -> int:
        """What one requirement credited at `credits` (per level) adds to the
        role's sums, as one int: per level, in fields of field_bits bits, the
        scaled weighted credit of the required, preferred and bonus pools and,
        for a required requirement, its scaled weight; then, in fields of
        count_bits bits, 1 (credited at all) and 1 again when met. Ints add
        exactly, so matches sum in any order."""
        packed, weight, bits = 0, self.weights[position], self.field_bits
        for s, credit in enumerate(credits):
            if not credit:
                continue
            pool = self.pool_of[s][position]
            shift = self.shifts[s]
            packed += round(weight * credit * self.scale) << (shift + pool * bits)
            if pool == 0:
                packed += round(weight * self.scale) << (shift + 3 * bits)
                packed += 1 << (shift + 4 * bits)
                if credit >= 1:
                    packed += 1 << (shift + 4 * bits + self.count_bits)
        return packed

    def met_count(self, sums: int, slot: int) -> int:
        """How many required requirements are met at a level, out of a role's packed sums."""
        return (sums >> (self.shifts[slot] + 4 * self.field_bits + self.count_bits)) & self.count_mask

    def pools(self, sums: int, slot: int) -> tuple[float, float, float]:
        """A level's weighted credit of the required, preferred and bonus pools, out
        of a role's packed sums."""
        fields, scale, bits, mask = sums >> self.shifts[slot], self.scale, self.field_bits, self.field_mask
        return ((fields & mask) / scale, ((fields >> bits) & mask) / scale, ((fields >> (2 * bits)) & mask) / scale)

    def level_fits(self, sums: int, slots: range) -> tuple[float, ...]:
        """The own fits of some levels (level_fit of each level's pools), out of a
        role's packed sums. Four roles' two or three levels a learner: a level with
        both pools has level_fit's arithmetic written out here, the same floats in
        the same order (tests/test_fit.py holds the two equal)."""
        scale, bits, mask, fits = self.scale, self.field_bits, self.field_mask, []
        for slot in slots:
            fields = (sums >> self.shifts[slot]) & self.pools_mask
            required = (fields & mask) / scale
            preferred = ((fields >> bits) & mask) / scale
            bonus = (fields >> (2 * bits)) / scale
            required_total, preferred_total = self.pool_totals[slot]
            part = self.preferred_parts[slot]
            if part is None:  # one pool only
                fits.append(level_fit(required_total, preferred_total, required, preferred, bonus))
                continue
            share = min(1.0, (preferred + BONUS_FACTOR * bonus) / (PREFERRED_FULL * preferred_total))
            fits.append(rounded(100 * ((1 - part) * required / required_total + part * share), 9))
        return tuple(fits)

    def unpacked(self, sums: int, slot: int) -> _Level:
        """One level's sums out of a role's packed sums."""
        bits, counts = self.field_bits, self.count_mask
        fields = sums >> (self.shifts[slot] + 3 * bits)
        present = (fields & self.field_mask) / self.scale
        credited = (fields >> bits) & counts
        met = (fields >> (bits + self.count_bits)) & counts
        return _new(_Level, (list(self.pools(sums, slot)), len(self.required[slot]) - credited, present, met))

    def required_at(self, seniority: str) -> list[int]:
        """Positions of the requirements required at a seniority."""
        return self.required[self.role.slot(seniority)]

    def _single_gain(self, slot: int, pool: int, weight: float) -> float:
        required_total, preferred_total = self.pool_totals[slot]
        pools = [0.0, 0.0, 0.0]
        pools[pool] = weight
        empty = level_fit(required_total, preferred_total, 0.0, 0.0, 0.0)
        return level_fit(required_total, preferred_total, *pools) - empty

    @staticmethod
    def _share(
        importance: Importance, weight: float, required_total: float, preferred_total: float, part: float | None
    ) -> float:
        """What reaching a requirement's target adds to its level's own fit, before the
        preferred part's cap; `part` is the level's preferred part (None: one pool only)."""
        if importance == "required":
            return 100 * (1.0 if part is None else 1 - part) * weight / required_total
        if preferred_total == 0:
            return 0.0  # no preferred pool to fill: a bonus adds nothing
        pool = 100 * (1.0 if part is None else part)
        return pool * weight / (PREFERRED_FULL * preferred_total) * (1.0 if importance == "preferred" else BONUS_FACTOR)


class _Level(NamedTuple):
    """One level's sums: the weighted credit of the required, preferred and bonus
    pools, how many required requirements have no credit at all, and the weight
    of those credited."""

    pools: list[float]
    missing_required: int
    credited_required: float  # the weight of the required requirements with some credit
    met_required: int  # how many required requirements are at or above target


@dataclass(frozen=True, eq=False)
class RoleResult:
    """A role's scores for one person, at the level assessed and (computed when
    asked: a cohort needs them for one role per learner) at every level of the
    role; only the matched requirements are stored, the rest are misses by definition."""

    index: RoleIndex
    slot: int  # the level assessed
    fit: float  # at the level assessed, 0-100, after the level envelope
    sums: int  # every level's sums, packed (RoleIndex.packed; RoleIndex.unpacked reads a level's)
    upward_fits: tuple[float, ...]  # the own fits of the level assessed and those above it (the envelope)
    matched: Mapping[int, Credited]
    matches: Matches  # the person's skills, with what each matched
    required_met: int  # at the level assessed: how many required requirements are at or above target

    def skill_of(self, credited: Credited) -> Skill:
        """The person's skill a credit comes from: the first listed with its name and
        level (a later equal one never beats it)."""
        name, level = credited.source
        return next(skill for skill, _ in self.matches if skill.name == name and skill.level == level)

    @property
    def role(self) -> Role:
        return self.index.role

    @_cached
    def _levels(self) -> tuple[_Level, ...]:
        unpacked, sums = self.index.unpacked, self.sums
        return tuple(unpacked(sums, slot) for slot in range(len(self.index.levels)))

    @_cached
    def met_required(self) -> tuple[int, ...]:
        """At the level assessed: positions of the required requirements at or above target."""
        slot, pool_of = self.slot, self.index.pool_of[self.slot]
        return tuple(p for p, c in self.matched.items() if pool_of[p] == 0 and c.credits[slot] >= 1)

    @_cached
    def coverages(self) -> tuple[float, ...]:
        """At the level assessed: per category, 0-100 (a cohort's summary needs
        them, a csv row does not: worked out when asked)."""
        index, slot = self.index, self.slot
        sums = [0.0] * len(index.category_totals[slot])  # per category: importance weight x credit, x 100
        category_of, points = index.category_of, index.coverage_points[slot]
        for position, credited in self.matched.items():
            credit = credited[1][slot]
            if credit:
                sums[category_of[position]] += points[position] * credit
        return tuple(map(truediv, sums, index.category_totals[slot]))

    @_cached
    def own_fits(self) -> tuple[float, ...]:
        """Each level's own fit, 0-100: the formula at that level alone."""
        return self.index.level_fits(self.sums, range(self.slot)) + self.upward_fits

    @_cached
    def fits(self) -> tuple[float, ...]:
        """The fit at each level of the role, 0-100: the level envelope of the
        own fits (a level's fit is the highest own fit of it and the levels above)."""
        return envelope(self.own_fits)

    @property
    def missing_required(self) -> tuple[int, ...]:
        """Per level: how many required requirements have no credit at all."""
        return tuple(level.missing_required for level in self._levels)

    @property
    def level(self) -> str:
        """The name of the level assessed (ONE_LEVEL for a one-level role)."""
        return self.index.levels[self.slot]

    @property
    def fit_by_level(self) -> dict[str, float]:
        return dict(zip(self.index.levels, self.fits, strict=True))

    def ready_at(self, slot: int) -> bool:
        """Whether a level passes on its own: its fit, rounded to one decimal, is at
        least READY_FIT with at least 1 - MISSING_TOLERANCE of its required weight
        credited at least in part."""
        return decided(self.fits[slot]) >= READY_FIT and self.missing_share(slot) <= MISSING_TOLERANCE

    @_cached
    def ready_slot(self) -> int | None:
        """The highest level that passes (ready_at). Fits never rise with the
        level (the envelope), so when the first level's fit is short none passes."""
        if decided(self.fits[0]) < READY_FIT:
            return None
        for slot in reversed(range(len(self.index.levels))):
            if self.ready_at(slot):
                return slot
        return None

    def missing_share(self, slot: int) -> float:
        """The share of a level's required weight with no credit at all, 0-1."""
        total = self.index.pool_totals[slot][0]
        return rounded(1 - self._levels[slot].credited_required / total, 9) if total else 0.0

    @property
    def ready_for(self) -> str | None:
        slot = self.ready_slot
        return None if slot is None else self.index.levels[slot]

    @property
    def required_total(self) -> int:
        return len(self.index.required[self.slot])

    def credit(self, position: int, slot: int | None = None) -> float:
        found = self.matched.get(position)
        if found is None:
            return 0.0
        return found.credits[self.slot if slot is None else slot]

    def fit_gain(self, position: int, slot: int | None = None) -> float:
        """What reaching the target of one requirement at a level adds to the fit
        at that level (the level assessed by default): the requirement is credited
        at that target at this level and every level above it, and the envelope
        taken again (nothing for a preferred or bonus one once the preferred pool
        is full). SlotGains works it out for many requirements at one level."""
        return SlotGains(self, self.slot if slot is None else slot).of(position)

    def fit_gains(self, slot: int | None = None) -> Iterator[tuple[int, float]]:
        """(position, fit_gain) for every requirement whose target, reached, would
        add fit at a level (the level assessed by default). The same figure as fit_gain, in one pass with
        the formula's arithmetic written out (a cohort asks it for every learner, a
        plan for every gap): a level above that could not overtake the current fit
        even with the biggest single gain is left out, which changes nothing."""
        index, matched = self.index, self.matched
        slot = self.slot if slot is None else slot
        current, own_fits, targets = self.fits[slot], self.own_fits, index.targets
        levels = []
        for level in range(slot, len(index.levels)):
            if level == slot or own_fits[level] + index.best_gain[level] > current:
                levels.append(
                    (level, targets[level], index.pool_of[level], *_gain_terms(index, level, self._levels[level].pools))
                )
        reached_at, weights = targets[slot], index.weights
        for position in range(len(index.requirements)):
            found = matched.get(position)
            if found is not None and found.credits[slot] >= 1:
                continue
            reached, weight, best = reached_at[position], weights[position], 0.0
            for level, target, pool_of, own, required, room, filled, full in levels:
                more = level_credit(reached, target[position]) - (0.0 if found is None else found.credits[level])
                if more > 0:
                    pool = pool_of[position]
                    if pool == 0:
                        own += required * weight * more
                    elif full:
                        added = weight * more * (1.0 if pool == 1 else BONUS_FACTOR)
                        own += room * (min(1.0, (filled + added) / full) - min(1.0, filled / full))
                best = max(best, own)
            gain = best - current
            if gain > 1e-9:  # less is rounding, not fit
                yield position, gain

    def result(self, position: int, slot: int | None = None) -> RequirementResult:
        index = self.index
        slot = self.slot if slot is None else slot
        requirement = index.requirements[position]
        importance, target = index.importances[slot][position], index.targets[slot][position]
        found = self.matched.get(position)
        if found is None:
            return RequirementResult(requirement, importance, target)
        skill = self.skill_of(found)
        return RequirementResult(
            requirement=requirement,
            importance=importance,
            target=target,
            matched_skill=skill.as_written,
            match_method=found.hit.method,
            match_score=round(found.hit.score, 1),
            matched_via=found.hit.via,
            matched_part=found.hit.part,
            option=found.option or None,
            user_level=found.level,
            level_assumed=skill.level_assumed,
            level_from_years=skill.level_from_years,
            credit=self.credit(position, slot),
        )

    @_cached
    def requirements(self) -> tuple[RequirementResult, ...]:
        """At the level assessed."""
        return tuple(self.result(i) for i in range(len(self.index.requirements)))

    @_cached
    def categories(self) -> tuple[CategoryResult, ...]:
        results = self.requirements
        out, start = [], 0
        for category, coverage in zip(self.role.categories, self.coverages, strict=True):
            end = start + len(category.requirements)
            out.append(CategoryResult(category.name, category.weight, coverage, results[start:end]))
            start = end
        return tuple(out)


class SlotGains:
    """RoleResult.fit_gain at one level, for any number of requirements: what
    every gain there reads is looked up once (a plan asks for a few per learner).

    A gain is the best own fit, with the requirement credited at its target, of
    the level and the levels above it, less the fit now. A level above is left
    out when its own fit plus the most one requirement adds there (best_gain)
    cannot overtake the best so far; its sums are read only when it is not.

    At the level itself, most gaps are required ones, and credit added to the
    required pool leaves the preferred part as it is: that part is worked out
    once, and the rest is level_fit's own _mixed_fit (the same float). Credit
    added to a preferred pool that is already full adds nothing."""

    __slots__ = (
        "above",
        "current",
        "full",
        "own",
        "pools",
        "preferred_part",
        "reach",
        "required",
        "required_part",
        "required_total",
        "result",
        "slot",
    )

    def __init__(self, result: RoleResult, slot: int) -> None:
        index, own = result.index, result.own_fits
        self.result, self.slot = result, slot
        self.current = result.fits[slot]  # the fit now: a gain is what a level's best own fit adds to it
        self.own = own[slot]
        self.pools = index.pools(result.sums, slot)
        self.required, preferred, bonus = self.pools
        self.required_total, preferred_total = index.pool_totals[slot]
        share = _preferred_share(preferred_total, preferred, bonus) if preferred_total else 1.0
        self.full = share >= 1  # no preferred pool, or a full one: preferred and bonus credit add nothing
        part = index.preferred_parts[slot]  # None unless the level has both pools
        self.required_part = 1.0 if part is None else 1 - part
        self.preferred_part = None if part is None else part * share
        # The levels above that could overtake the level's own fit (the best own fit
        # is never below it): own fit, and the most it reaches with one requirement more.
        self.above, self.reach = [], -1.0
        for level in range(slot + 1, len(own)):
            reach = own[level] + index.best_gain[level]
            self.reach = max(self.reach, reach)
            if reach > own[slot]:
                self.above.append((level, own[level], reach))

    def of(self, position: int) -> float:
        """The fit reaching the target of the requirement at `position` adds."""
        result, slot = self.result, self.slot
        index, found = result.index, result.matched.get(position)
        weight = index.weights[position]
        credit = 0.0 if found is None else found.credits[slot]
        # at the level itself the target is reached: credit 1
        if credit >= 1:
            best = self.own
        elif index.pool_of[slot][position] == 0 and self.preferred_part is not None:
            required = self.required + weight * (1.0 - credit)
            best = rounded(_mixed_fit(self.required_total, required, self.required_part, self.preferred_part), 9)
        elif self.full and index.pool_of[slot][position]:
            best = self.own
        else:
            best = _own_fit_adding(index, slot, self.pools, position, weight * (1.0 - credit))
        if self.above:
            reached = index.targets[slot][position]
            for level, own, reach in self.above:
                if reach <= best:
                    continue  # this level cannot overtake what is already reached
                more = level_credit(reached, index.targets[level][position]) - (
                    0.0 if found is None else found.credits[level]
                )
                if more > 0:
                    own = _own_fit_adding(index, level, index.pools(result.sums, level), position, weight * more)
                if own > best:
                    best = own
        return max(0.0, best - self.current)


def _own_fit_adding(index: RoleIndex, slot: int, pools: Sequence[float], position: int, added: float) -> float:
    """A level's own fit with `added` more weighted credit for one requirement."""
    required, preferred, bonus = pools
    pool = index.pool_of[slot][position]
    if pool == 0:
        required += added
    elif pool == 1:
        preferred += added
    else:
        bonus += added
    return level_fit(*index.pool_totals[slot], required, preferred, bonus, index.preferred_parts[slot])


def envelope(own: Sequence[float]) -> tuple[float, ...]:
    """The level envelope: at each level, the highest of its own fit and the own
    fits of the levels above it, so fits never rise with seniority."""
    out, best = [], 0.0
    for fit in reversed(own):
        best = max(best, fit)
        out.append(best)
    return tuple(reversed(out))


def _gain_terms(index: RoleIndex, slot: int, pools: Sequence[float]) -> tuple[float, float, float, float, float]:
    """level_fit taken apart at one level, for adding credit to one requirement:
    (own fit, fit per required weight credited, the preferred part's points,
    preferred credit so far, preferred credit that fills it; 0 when a level has
    no preferred part)."""
    required_total, preferred_total = index.pool_totals[slot]
    own = level_fit(required_total, preferred_total, pools[0], pools[1], pools[2], index.preferred_parts[slot])
    if preferred_total == 0:
        return own, (100 / required_total if required_total else 0.0), 0.0, 0.0, 0.0
    part = index.preferred_parts[slot]
    if part is not None:
        required, room = 100 * (1 - part) / required_total, 100 * part
    else:  # no required pool
        required, room = 0.0, 100.0
    return own, required, room, pools[1] + BONUS_FACTOR * pools[2], PREFERRED_FULL * preferred_total


_new = tuple.__new__  # a NamedTuple without its Python-level __new__: a cohort makes millions
_object_new = object.__new__
_SUMS = itemgetter(6)  # Credited.sums


# (role number, position, rank, what the skill earns there): one requirement a skill meets
_Entry = tuple[int, int, tuple[bool, int, int, float], Credited]


class RoleSet(Sequence[RoleIndex]):
    """The roles of a run, indexed, scored together: each of a person's skills is
    looked up once for all of them, and what a skill string at a level earns in
    each role is remembered, as a cohort repeats the same strings thousands of times."""

    def __init__(self, indexes: Iterable[RoleIndex]) -> None:
        self.indexes = tuple(indexes)
        # By skill string and level, up to MEMO_SIZE: what it earns, with the hits it
        # was worked out from (a string read in the context of its file can match
        # otherwise than alone: then it is worked out again).
        self._credits: dict[tuple[str, int], tuple[Mapping[str, Hit], list[_Entry]]] = {}
        # The other readings, by the hits' id (the memo holds them) and level.
        self._in_file: dict[tuple[int, int], tuple[Mapping[str, Hit], list[_Entry]]] = {}
        self._slots: dict[str, list[int]] = {}  # by seniority: where each role reads it
        # By matcher key: (role number, index, position, one_of option or "") in every
        # role that asks for it, in role order; a key no role asks for is not here.
        self._places: dict[str, list[tuple[int, RoleIndex, int, str]]] = {}
        for number, index in enumerate(self.indexes):
            for key, terms in index.terms.items():
                self._places.setdefault(key, []).extend((number, index, position, option) for position, option in terms)

    @overload
    def __getitem__(self, item: int) -> RoleIndex: ...

    @overload
    def __getitem__(self, item: slice) -> Sequence[RoleIndex]: ...

    def __getitem__(self, item: int | slice) -> RoleIndex | Sequence[RoleIndex]:
        return self.indexes[item]

    def __len__(self) -> int:
        return len(self.indexes)

    def _credits_for(self, skill: Skill, hits: Mapping[str, Hit]) -> tuple[Mapping[str, Hit], list[_Entry]]:
        """What a skill string at a level earns with these hits: (role number,
        position, rank, Credited) for every requirement it matches."""
        source, level = (skill.name, skill.level), skill.level
        other = (id(hits), level)
        known = self._in_file.get(other)
        if known is not None:
            return known
        new = _new  # Credited(...) without its Python-level __new__; a local name, read in the loop
        found = []
        # By hit, then by role: within a role the entries keep the order of the hits.
        places_of = self._places
        for key, hit in hits.items():
            places = places_of.get(key)
            if places is None:  # a skill no role of the run asks for (as many an implied one)
                continue
            implied = hit.method == "implied"
            counted = implied_level(level) if implied else level
            rank = (implied, -counted, METHOD_RANK[hit.method], -hit.score)
            for number, index, position, option in places:
                credits, sums = index.earned(position, counted)
                found.append(
                    (number, position, rank, new(Credited, (counted, credits, source, hit, rank, option, sums)))
                )
        known = (hits, found)
        if len(self._credits) + len(self._in_file) < MEMO_SIZE:
            if source not in self._credits:
                self._credits[source] = known
            else:
                self._in_file[other] = known
        return known

    def score(self, matches: Matches, seniority: str = DEFAULT_SENIORITY) -> list[RoleResult]:
        """For each requirement of each role, the best of the person's skills: a
        direct match over an implied one, then the higher level counted, then the
        more direct match (exact, alias, implied, fuzzy), then the higher match
        score, then the skill listed first. Each role is assessed at `seniority`."""
        bests: list[dict[int, Credited]] = [{} for _ in self.indexes]
        memo = self._credits
        for skill, hits in matches:
            known = memo.get((skill.name, skill.level))
            if known is None or known[0] is not hits:
                known = self._credits_for(skill, hits)
            for number, position, rank, credited in known[1]:
                best = bests[number]
                current = best.setdefault(position, credited)
                # Skills come in the order listed: on equal rank the earlier one stays.
                if current is not credited and rank < current[4]:
                    best[position] = credited
        slots = self._slots.get(seniority)
        if slots is None:
            slots = self._slots[seniority] = [index.role.slot(seniority) for index in self.indexes]
        # The scores at the level assessed: the role's sums, every level's at once
        # (one sum() of the matches' packed parts), and the own fits of the level
        # assessed and those above it (the envelope needs them); the levels below
        # and coverages only when asked.
        results = []
        for index, best, slot in zip(self.indexes, bests, slots, strict=True):
            sums = sum(map(_SUMS, best.values()))
            upward_fits = index.level_fits(sums, range(slot, len(index.levels)))
            # Made without the frozen dataclass's __init__ (a setattr call per field): four a learner.
            result = _object_new(RoleResult)
            result.__dict__.update(
                index=index,
                slot=slot,
                fit=max(upward_fits),
                sums=sums,
                upward_fits=upward_fits,
                matched=best,
                matches=matches,
                required_met=index.met_count(sums, slot),
            )
            results.append(result)
        return results


def resolve_profile(profile: Profile, matcher: Matcher) -> list[tuple[Skill, Mapping[str, Hit]]]:
    """Each of the person's skills with what it matches, the other entries read as
    context for a short form alone (see Matcher.resolve_file); strings are memoised."""
    skills = profile.skills
    return list(zip(skills, matcher.resolve_file([skill.name for skill in skills]), strict=True))


def rank(results: Sequence[RoleResult]) -> list[RoleResult]:
    """Best fit first; ties broken by required skills met, then by id, so output is stable."""
    return sorted(results, key=lambda r: (-rounded(r.fit, 6), -r.required_met, r.index.role.id))


def importance_rank(importance: Importance) -> int:
    return IMPORTANCES.index(importance)
