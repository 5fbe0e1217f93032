"""Scores a person checks by hand: credit per requirement, coverage per category,
fit per role. Pure functions from data to data.

- credit = min(user level / target level, 1) when a skill matches, else 0;
- category coverage = the importance-weighted mean credit, 0-100, with
  IMPORTANCE_WEIGHTS (required 3, preferred 2, bonus 1);
- role fit = the category-weight-weighted mean coverage, 0-100;
- required met = required skills at or above their target level.

Scoring is sparse: a role is indexed once per run (RoleIndex), and a person's
matched skills are looked up in it, so the work per person grows with the
skills they list, not with the size of the roles. A cohort of thousands is
scored with the same code as one `assess`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from math import fsum
from operator import mul, truediv
from typing import TYPE_CHECKING, Literal, NamedTuple, overload

from rolefit.model import IMPORTANCES, Importance, Profile, Requirement, Role, Skill, role_key

if TYPE_CHECKING:
    from rolefit.matching import Hit, Matcher, MatchMethod

IMPORTANCE_WEIGHTS: Mapping[Importance, int] = {"required": 3, "preferred": 2, "bonus": 1}
METHOD_RANK: Mapping[str, int] = {"exact": 0, "alias": 1, "implied": 2, "fuzzy": 3}

Status = Literal["met", "below", "missing"]
Matches = Sequence[tuple[Skill, Mapping[str, "Hit"]]]


@dataclass(frozen=True)
class RequirementResult:
    """How one requirement was (or was not) credited, and why."""

    requirement: Requirement
    matched_skill: str | None = None  # the user's string, as written
    match_method: MatchMethod | None = None
    match_score: float = 0.0
    matched_via: str = ""  # the alias, implying skill or fuzzy candidate behind the match
    matched_part: str = ""  # the piece of a compound entry that matched
    user_level: int | None = None
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

    credit: float
    skill: Skill
    hit: Hit
    rank: tuple[float, int, float]  # lower is better: -credit, method rank, -match score


@dataclass(frozen=True)
class CategoryResult:
    name: str
    weight: float
    coverage: float  # 0-100
    requirements: tuple[RequirementResult, ...]


class RoleIndex:
    """A role prepared for scoring: requirement keys, weights and each
    requirement's share of the fit (what reaching its target adds, 0-100)."""

    def __init__(self, role: Role, matcher: Matcher) -> None:
        self.role = role
        self.requirements: tuple[Requirement, ...] = role.requirements
        self.category_of: list[int] = []
        for number, category in enumerate(role.categories):
            self.category_of.extend([number] * len(category.requirements))
        self.positions: dict[str, list[int]] = {}
        for position, requirement in enumerate(self.requirements):
            self.positions.setdefault(matcher.key(requirement.name), []).append(position)
        self.weights = [IMPORTANCE_WEIGHTS[r.importance] for r in self.requirements]
        self.points = [100 * w for w in self.weights]  # a weight scaled to coverage's 0-100
        self.category_totals = [sum(IMPORTANCE_WEIGHTS[r.importance] for r in c.requirements) for c in role.categories]
        total_weight = sum(c.weight for c in role.categories)
        self.category_shares = [c.weight / total_weight for c in role.categories]
        self.shares = [
            100 * self.category_shares[c] * w / self.category_totals[c]
            for c, w in zip(self.category_of, self.weights, strict=True)
        ]
        self.required = [i for i, r in enumerate(self.requirements) if r.importance == "required"]
        self.required_set = frozenset(self.required)
        self.position_of = {role_key(r.name): i for i, r in enumerate(self.requirements)}
        self.prerequisites = [
            [self.position_of[role_key(name)] for name in r.prerequisites if role_key(name) in self.position_of]
            for r in self.requirements
        ]
        self.dependents: list[list[int]] = [[] for _ in self.requirements]
        for position, prerequisites in enumerate(self.prerequisites):
            for prerequisite in prerequisites:
                self.dependents[prerequisite].append(position)


@dataclass(frozen=True, eq=False)
class RoleResult:
    """A role's scores for one person; only the matched requirements are stored,
    the rest are misses by definition."""

    index: RoleIndex
    fit: float  # 0-100
    met_required: tuple[int, ...]  # positions of the required skills at or above target
    coverages: tuple[float, ...]  # per category, 0-100
    matched: Mapping[int, Credited]

    @property
    def role(self) -> Role:
        return self.index.role

    @property
    def required_met(self) -> int:
        return len(self.met_required)

    @property
    def required_total(self) -> int:
        return len(self.index.required)

    def credit(self, position: int) -> float:
        found = self.matched.get(position)
        return found.credit if found is not None else 0.0

    def result(self, position: int) -> RequirementResult:
        requirement = self.index.requirements[position]
        found = self.matched.get(position)
        if found is None:
            return RequirementResult(requirement)
        return RequirementResult(
            requirement=requirement,
            matched_skill=found.skill.as_written,
            match_method=found.hit.method,
            match_score=round(found.hit.score, 1),
            matched_via=found.hit.via,
            matched_part=found.hit.part,
            user_level=found.skill.level,
            level_assumed=found.skill.level_assumed,
            level_from_years=found.skill.level_from_years,
            credit=found.credit,
        )

    @cached_property
    def requirements(self) -> tuple[RequirementResult, ...]:
        return tuple(self.result(i) for i in range(len(self.index.requirements)))

    @cached_property
    def categories(self) -> tuple[CategoryResult, ...]:
        results = self.requirements
        out, start = [], 0
        for category, coverage in zip(self.role.categories, self.coverages, strict=True):
            end = start + len(category.requirements)
            out.append(CategoryResult(category.name, category.weight, coverage, results[start:end]))
            start = end
        return tuple(out)


def _role_result(index: RoleIndex, best: dict[int, Credited]) -> RoleResult:
    sums = [0.0] * len(index.category_totals)  # per category: weight x credit, x 100
    category_of, points, required = index.category_of, index.points, index.required_set
    met_required = []
    for position, credited in best.items():
        credit = credited[0]
        sums[category_of[position]] += points[position] * credit
        if credit >= 1 and position in required:
            met_required.append(position)
    coverages = tuple(map(truediv, sums, index.category_totals))
    # fsum: correctly rounded, so the same on every Python (sum() of floats changed in 3.12).
    fit = fsum(map(mul, coverages, index.category_shares))
    return RoleResult(index=index, fit=fit, met_required=tuple(met_required), coverages=coverages, matched=best)


# (role number, position, credit, rank, hit): what a skill earns in one requirement
_Credit = tuple[int, int, float, tuple[float, int, float], "Hit"]


class RoleSet(Sequence[RoleIndex]):
    """The roles of a run, indexed, scored together: each of a person's skills is
    looked up once for all of them, and what a skill string at a level earns in
    each role is remembered, as a cohort repeats the same strings thousands of times."""

    def __init__(self, indexes: Iterable[RoleIndex]) -> None:
        self.indexes = tuple(indexes)
        self._credits: dict[tuple[str, int], list[_Credit]] = {}  # by skill string and level

    @overload
    def __getitem__(self, item: int) -> RoleIndex: ...

    @overload
    def __getitem__(self, item: slice) -> Sequence[RoleIndex]: ...

    def __getitem__(self, item: int | slice) -> RoleIndex | Sequence[RoleIndex]:
        return self.indexes[item]

    def __len__(self) -> int:
        return len(self.indexes)

    def _credits_for(self, skill: str, level: int, hits: Mapping[str, Hit]) -> list[_Credit]:
        """What a skill string at a level earns: (role number, position, credit,
        rank, hit) for every requirement it matches."""
        found = []
        for number, index in enumerate(self.indexes):
            for key, hit in hits.items():
                method_rank, neg_score = METHOD_RANK[hit.method], -hit.score
                for position in index.positions.get(key, ()):
                    target = index.requirements[position].level
                    earned = level / target if level < target else 1.0
                    found.append((number, position, earned, (-earned, method_rank, neg_score), hit))
        self._credits[skill, level] = found
        return found

    def score(self, matches: Matches) -> list[RoleResult]:
        """For each requirement of each role, the best of the person's skills:
        highest credit, then the most direct match (exact, alias, implied, fuzzy),
        then the higher match score, then the skill listed first."""
        bests: list[dict[int, Credited]] = [{} for _ in self.indexes]
        new = tuple.__new__  # Credited(...) without NamedTuple's Python-level __new__: a cohort makes millions
        memo = self._credits
        for skill, hits in matches:
            credits = memo.get((skill.name, skill.level))
            if credits is None:
                credits = self._credits_for(skill.name, skill.level, hits)
            for number, position, earned, rank, hit in credits:
                best = bests[number]
                current = best.get(position)
                # Skills come in the order listed: on equal rank the earlier one stays.
                if current is None or rank < current.rank:
                    best[position] = new(Credited, (earned, skill, hit, rank))
        return [_role_result(index, best) for index, best in zip(self.indexes, bests, strict=True)]


def resolve_profile(profile: Profile, matcher: Matcher) -> list[tuple[Skill, Mapping[str, Hit]]]:
    """Each of the person's skills with what it matches; the matcher memoises strings."""
    return [(skill, matcher.resolve(skill.name)) for skill in profile.skills]


def rank(results: Sequence[RoleResult]) -> list[RoleResult]:
    """Best fit first; ties broken by required skills met, then by id, so output is stable."""
    return sorted(results, key=lambda r: (-round(r.fit, 6), -r.required_met, r.role.id))


def importance_rank(importance: Importance) -> int:
    return IMPORTANCES.index(importance)
