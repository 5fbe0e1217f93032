"""The data rolefit works on: frozen dataclasses, no behaviour beyond lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rolefit.errors import Problem

LEVEL_NAMES: tuple[str, ...] = (
    "none",
    "awareness",
    "beginner",
    "intermediate",
    "advanced",
    "expert",
)
MAX_LEVEL = len(LEVEL_NAMES) - 1
DEFAULT_LEVEL = 3  # a skill listed without a level; the report says it was assumed

Importance = Literal["required", "preferred", "bonus"]
IMPORTANCES: tuple[Importance, ...] = ("required", "preferred", "bonus")

Seniority = Literal["entry", "mid", "senior"]
SENIORITIES: tuple[Seniority, ...] = ("entry", "mid", "senior")
DEFAULT_SENIORITY: Seniority = "mid"  # roles are ranked at this level unless told otherwise
ONE_LEVEL = "any"  # the name of the single level of a role without `levels`


def level_name(level: int) -> str:
    return LEVEL_NAMES[level]


def role_key(name: str) -> str:
    """Skill names are unique within a role regardless of case and spacing."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Skill:
    """One skill as the person wrote it."""

    name: str  # the skill, without a level written into it
    level: int
    level_assumed: bool = False  # not rated by the person: the default, or suggested by years
    years: float | None = None
    evidence: str | None = None
    last_used: str | None = None
    level_from_years: bool = False  # the level was suggested by `years` (see proficiency.years_level)
    written: str | None = None  # the entry as written, when it held more than the name ("Python (expert)")
    heading: str | None = None  # the category heading it was listed under, if any

    @property
    def as_written(self) -> str:
        return self.written or self.name


@dataclass(frozen=True)
class Profile:
    """A person's skills file. Warnings are things read but not used (unknown
    fields): the CLI prints them on stderr."""

    source: str
    skills: tuple[Skill, ...]
    name: str | None = None
    target: str | None = None
    seniority: Seniority | None = None  # the level to assess at, when the person gives one
    ignored: tuple[str, ...] = ()  # top-level fields kept but not used (email, links, ...)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, with its importance and target level at each of
    the role's levels (one entry each, in the order of `Role.levels`; a single
    entry for a one-level role), and how to get there. A `one_of` requirement is
    named by a label and met by any of its options."""

    name: str
    category: str
    importances: tuple[Importance, ...] = ("required",)
    targets: tuple[int, ...] = (DEFAULT_LEVEL,)
    aliases: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    learn: tuple[str, ...] = ()
    why: str | None = None
    one_of: tuple[str, ...] = ()

    def importance_at(self, slot: int) -> Importance:
        """The importance at the role level numbered `slot` (see Role.slot)."""
        return self.importances[slot] if len(self.importances) > 1 else self.importances[0]

    def target_at(self, slot: int) -> int:
        return self.targets[slot] if len(self.targets) > 1 else self.targets[0]

    @property
    def skill_names(self) -> tuple[str, ...]:
        """The skill names that can meet it: its options, or its own name."""
        return self.one_of or (self.name,)


@dataclass(frozen=True)
class Category:
    name: str
    weight: float
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True)
class SalaryFigure:
    label: str
    amount: int | None = None
    low: int | None = None
    high: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class SalaryBlock:
    source: str
    figures: tuple[SalaryFigure, ...]
    region: str | None = None
    year: int | None = None
    currency: str | None = None


@dataclass(frozen=True)
class CareerPath:
    entry: tuple[str, ...] = ()
    mid: tuple[str, ...] = ()
    senior: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A role profile: categories of requirements, plus context from the sources."""

    id: str
    title: str
    categories: tuple[Category, ...]
    levels: tuple[Seniority, ...] = ()  # () for a one-level role
    source: str = ""
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    career_path: CareerPath = field(default_factory=CareerPath)
    salary: tuple[SalaryBlock, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for c in self.categories for r in c.requirements)

    @property
    def level_names(self) -> tuple[str, ...]:
        """The names of the role's levels: its `levels`, or ONE_LEVEL alone."""
        return self.levels or (ONE_LEVEL,)

    def slot(self, seniority: str) -> int:
        """Where a seniority's values sit in each Requirement's per-level tuples.
        A level the role does not describe is read at the nearest one it does,
        the lower on a tie; a one-level role has one slot."""
        if not self.levels:
            return 0
        if seniority in self.levels:
            return self.levels.index(seniority)
        wanted = SENIORITIES.index(seniority) if seniority in SENIORITIES else SENIORITIES.index(DEFAULT_SENIORITY)
        distances = [(abs(SENIORITIES.index(level) - wanted), SENIORITIES.index(level)) for level in self.levels]
        return distances.index(min(distances))
