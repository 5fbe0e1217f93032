"""The data rolefit works on: frozen dataclasses, no behaviour beyond lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

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
    ignored: tuple[str, ...] = ()  # top-level fields kept but not used (email, links, ...)
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, with the target level and how to get there."""

    name: str
    category: str
    importance: Importance = "required"
    level: int = DEFAULT_LEVEL
    aliases: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    learn: tuple[str, ...] = ()
    why: str | None = None


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
    source: str = ""
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    career_path: CareerPath = field(default_factory=CareerPath)
    salary: tuple[SalaryBlock, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return tuple(r for c in self.categories for r in c.requirements)


def role_from_dict(data: dict[str, Any]) -> Role:
    """A Role from `dataclasses.asdict(role)`: for roles validated when the wheel was
    built (see roles.compile_roles), so nothing is checked again at start-up."""
    return Role(
        id=data["id"],
        title=data["title"],
        categories=tuple(
            Category(
                name=c["name"],
                weight=c["weight"],
                requirements=tuple(
                    Requirement(
                        name=r["name"],
                        category=r["category"],
                        importance=r["importance"],
                        level=r["level"],
                        aliases=tuple(r["aliases"]),
                        prerequisites=tuple(r["prerequisites"]),
                        learn=tuple(r["learn"]),
                        why=r["why"],
                    )
                    for r in c["requirements"]
                ),
            )
            for c in data["categories"]
        ),
        source=data["source"],
        summary=data["summary"],
        responsibilities=tuple(data["responsibilities"]),
        career_path=CareerPath(**{k: tuple(v) for k, v in data["career_path"].items()}),
        salary=tuple(
            SalaryBlock(
                source=b["source"],
                figures=tuple(SalaryFigure(**f) for f in b["figures"]),
                region=b["region"],
                year=b["year"],
                currency=b["currency"],
            )
            for b in data["salary"]
        ),
        sources=tuple(data["sources"]),
    )
