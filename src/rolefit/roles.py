"""Role files -> Role, with validation; the built-in catalogue and role lookup."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from rolefit import packaged
from rolefit.checks import Checker, describe, first_at, parse_level, suggestion
from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.model import (
    IMPORTANCES,
    CareerPath,
    Category,
    Importance,
    Requirement,
    Role,
    SalaryBlock,
    SalaryFigure,
    role_from_dict,
    role_key,
)
from rolefit.yamlsafe import Mark, mark_of, read_checked, read_text, value_mark

ROLE_FIELDS = (
    "id",
    "title",
    "summary",
    "responsibilities",
    "career_path",
    "salary",
    "sources",
    "categories",
)
CATEGORY_FIELDS = ("name", "weight", "skills")
REQUIREMENT_FIELDS = ("name", "importance", "level", "aliases", "prerequisites", "learn", "why")
CAREER_FIELDS = ("entry", "mid", "senior")
SALARY_FIELDS = ("source", "region", "year", "currency", "figures")
FIGURE_FIELDS = ("label", "amount", "low", "high", "note")
MIN_YEAR, MAX_YEAR = 1900, 2200
ROLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_role(path: Path, label: str | None = None) -> Role:
    where = label or shown_path(path)
    return parse_role(read_text(path, where), where)


def parse_role(text: str, where: str) -> Role:
    return read_checked(text, where, role_from_data)


def role_from_data(data: Any, where: str) -> Role:
    check = Checker(where)
    top = check.top_mapping(data, "role file")
    check.fields(top, ROLE_FIELDS, "")
    role_id = check.text(top, "id", "", required=True)
    if role_id is not None and not ROLE_ID.match(role_id):
        check.add(
            f"role id '{role_id}' must be lowercase letters, digits and '-'",
            value_mark(top, "id"),
        )
    title = check.text(top, "title", "", required=True)
    categories = _categories(check, top) if check.require(top, "categories", "") else ()
    summary = check.text(top, "summary", "")
    responsibilities = check.text_list(top, "responsibilities", "")
    sources = check.text_list(top, "sources", "")
    career = _career(check, top)
    salary = _salary(check, top)
    check.raise_if_any()
    assert role_id is not None and title is not None
    return Role(
        id=role_id,
        title=title,
        categories=categories,
        source=where,
        summary=summary,
        responsibilities=responsibilities,
        career_path=career,
        salary=salary,
        sources=sources,
    )


def _categories(check: Checker, top: dict[Any, Any]) -> tuple[Category, ...]:
    categories: list[Category] = []
    seen_categories: dict[str, Mark | None] = {}
    seen_skills: dict[str, Mark | None] = {}
    requirement_marks: dict[str, Mark | None] = {}
    for item, mark in check.items(top, "categories", ""):
        if not isinstance(item, dict):
            check.add(
                f"a category must be a mapping with name, weight and skills, not {describe(item)}",
                mark,
            )
            continue
        check.fields(item, CATEGORY_FIELDS, " in a category")
        name = check.text(item, "name", " of a category", required=True) or "?"
        context = f" of category '{name}'"
        if name != "?":
            if name.casefold() in seen_categories:
                check.add(
                    f"duplicate category '{name}'{first_at(seen_categories[name.casefold()])}",
                    mark,
                )
            seen_categories.setdefault(name.casefold(), mark)
        weight = check.number(item, "weight", context)
        if "weight" not in item:
            check.add(f"missing field 'weight'{context}", mark_of(item))
        elif weight is not None and not weight > 0:
            check.add(
                f"'weight'{context} must be greater than 0, not {item['weight']}",
                value_mark(item, "weight"),
            )
        requirements: list[Requirement] = []
        if check.require(item, "skills", context):
            for skill, skill_mark in check.items(item, "skills", context):
                requirement = _requirement(check, skill, skill_mark, name)
                if requirement is None:
                    continue
                key = role_key(requirement.name)
                if key in seen_skills:
                    check.add(
                        f"duplicate skill '{requirement.name}'{first_at(seen_skills[key])}",
                        skill_mark,
                    )
                    continue
                seen_skills[key] = skill_mark
                requirement_marks[key] = skill_mark
                requirements.append(requirement)
            if not requirements and isinstance(item.get("skills"), list) and not item["skills"]:
                check.add(f"'skills'{context} is empty", value_mark(item, "skills"))
        categories.append(Category(name=name, weight=weight or 1.0, requirements=tuple(requirements)))
    if isinstance(top.get("categories"), list) and not top["categories"]:
        check.add("'categories' is empty", value_mark(top, "categories"))
    _check_prerequisites(check, categories, requirement_marks)
    return tuple(categories)


def _requirement(check: Checker, item: Any, mark: Mark | None, category: str) -> Requirement | None:
    if not isinstance(item, dict):
        check.add(f"a skill in a role must be a mapping with at least a name, not {describe(item)}", mark)
        return None
    check.fields(item, REQUIREMENT_FIELDS, " in a skill")
    name = check.text(item, "name", " of a skill", required=True)
    if name is None:
        return None
    name = " ".join(name.split())
    context = f" of skill '{name}'"
    importance: Importance = "required"
    if "importance" in item:
        value = item["importance"]
        if isinstance(value, str) and value.strip().lower() in IMPORTANCES:
            importance = IMPORTANCES[IMPORTANCES.index(value.strip().lower())]
        else:
            check.add(
                f"'importance'{context} is '{value}'; {suggestion(str(value), IMPORTANCES)}",
                value_mark(item, "importance"),
            )
    level = 3
    if "level" not in item:
        check.add(f"missing field 'level'{context} (the target level, 0-5)", mark_of(item))
    else:
        parsed = parse_level(item["level"])
        if isinstance(parsed, str):
            check.add(f"skill '{name}': {parsed}", value_mark(item, "level"))
        elif parsed == 0:
            check.add(
                f"skill '{name}': a target level of 0 asks for nothing; use 1-5",
                value_mark(item, "level"),
            )
        else:
            level = parsed
    return Requirement(
        name=name,
        category=category,
        importance=importance,
        level=level,
        aliases=check.text_list(item, "aliases", context),
        prerequisites=check.text_list(item, "prerequisites", context),
        learn=check.text_list(item, "learn", context),
        why=check.text(item, "why", context),
    )


def _check_prerequisites(check: Checker, categories: Sequence[Category], marks: dict[str, Mark | None]) -> None:
    by_key = {role_key(r.name): r for c in categories for r in c.requirements}
    graph: dict[str, list[str]] = {}
    for key, requirement in by_key.items():
        graph[key] = []
        for prerequisite in requirement.prerequisites:
            target = role_key(prerequisite)
            if target not in by_key:
                hint = suggestion(prerequisite, [r.name for r in by_key.values()])
                check.add(
                    f"skill '{requirement.name}' has unknown prerequisite '{prerequisite}'; {hint}",
                    marks.get(key),
                )
            elif target == key:
                check.add(f"skill '{requirement.name}' lists itself as a prerequisite", marks.get(key))
            else:
                graph[key].append(target)
    cycle = _find_cycle(graph)
    if cycle:
        names = " -> ".join(by_key[k].name for k in cycle)
        check.add(f"prerequisites form a cycle: {names}", marks.get(cycle[0]))


def _find_cycle(graph: dict[str, list[str]]) -> list[str]:
    """A cycle in the prerequisite graph as a closed path of keys, or []."""
    visiting, done = set(), set()
    for start in graph:
        if start in done:
            continue
        stack: list[tuple[str, Iterable[str]]] = [(start, iter(graph[start]))]
        path = [start]
        visiting.add(start)
        while stack:
            node, children = stack[-1]
            child = next(iter(children), None)
            if child is None:
                stack.pop()
                path.pop()
                visiting.discard(node)
                done.add(node)
            elif child in visiting:
                return [*path[path.index(child) :], child]
            elif child not in done:
                visiting.add(child)
                path.append(child)
                stack.append((child, iter(graph[child])))
    return []


def _career(check: Checker, top: dict[Any, Any]) -> CareerPath:
    value = top.get("career_path")
    if value is None:
        return CareerPath()
    if not isinstance(value, dict):
        check.add(
            f"'career_path' must be a mapping of entry, mid, senior, not {describe(value)}",
            value_mark(top, "career_path"),
        )
        return CareerPath()
    check.fields(value, CAREER_FIELDS, " in career_path")
    return CareerPath(
        entry=check.text_list(value, "entry", " of career_path"),
        mid=check.text_list(value, "mid", " of career_path"),
        senior=check.text_list(value, "senior", " of career_path"),
    )


def _salary(check: Checker, top: dict[Any, Any]) -> tuple[SalaryBlock, ...]:
    if top.get("salary") is None:
        return ()
    blocks: list[SalaryBlock] = []
    for block, mark in check.items(top, "salary", ""):
        if not isinstance(block, dict):
            check.add(f"a salary block must be a mapping, not {describe(block)}", mark)
            continue
        check.fields(block, SALARY_FIELDS, " in a salary block")
        source = check.text(block, "source", " of a salary block", required=True) or ""
        year = check.number(block, "year", " of a salary block")
        if year is not None and not (year.is_integer() and MIN_YEAR <= year <= MAX_YEAR):
            check.add(
                f"'year' of a salary block must be a year {MIN_YEAR}-{MAX_YEAR}, not {year:g}",
                value_mark(block, "year"),
            )
            year = None
        figures: list[SalaryFigure] = []
        if check.require(block, "figures", " of a salary block"):
            for figure, figure_mark in check.items(block, "figures", " of a salary block"):
                if not isinstance(figure, dict):
                    check.add(f"a salary figure must be a mapping, not {describe(figure)}", figure_mark)
                    continue
                check.fields(figure, FIGURE_FIELDS, " in a salary figure")
                label = check.text(figure, "label", " of a salary figure", required=True) or ""
                amounts = {
                    k: check.number(figure, k, f" of salary figure '{label}'") for k in ("amount", "low", "high")
                }
                for key, amount in amounts.items():
                    if amount is not None and amount < 0:
                        check.add(f"'{key}' of salary figure '{label}' is negative", value_mark(figure, key))
                if all(figure.get(k) is None for k in amounts):
                    check.add(f"salary figure '{label}' needs 'amount' or 'low' and 'high'", figure_mark)
                low, high = amounts["low"], amounts["high"]
                if low is not None and high is not None and low > high:
                    check.add(f"salary figure '{label}': 'low' is above 'high'", figure_mark)
                figures.append(
                    SalaryFigure(
                        label=label,
                        amount=_int(amounts["amount"]),
                        low=_int(low),
                        high=_int(high),
                        note=check.text(figure, "note", f" of salary figure '{label}'"),
                    )
                )
        blocks.append(
            SalaryBlock(
                source=source,
                figures=tuple(figures),
                region=check.text(block, "region", " of a salary block"),
                year=_int(year),
                currency=check.text(block, "currency", " of a salary block"),
            )
        )
    return tuple(blocks)


def _int(value: float | None) -> int | None:
    return None if value is None else round(value)


# The catalogue ------------------------------------------------------------


def builtin_roles_dir() -> Path:
    """The shipped role files: package data in a wheel, the top-level roles/ in a checkout."""
    return packaged.folder("roles") or Path(__file__).resolve().parents[2] / "roles"


def role_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


COMPILED_ROLES = "roles.json"


def compile_roles(folder: Path) -> str:
    """Every role file of `folder`, validated, as one JSON document of the model.

    The wheel build ships this beside the YAML: every command reads the
    catalogue, and rebuilding the model from it takes a few milliseconds where
    parsing and checking the YAML takes tens.
    """
    roles = [dataclasses.asdict(load_role(path, f"(built-in) {path.name}")) for path in role_files(folder)]
    return json.dumps({"roles": roles}, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=1)
def builtin_roles() -> tuple[Role, ...]:
    """The shipped roles (read once per process)."""
    compiled = packaged.read(COMPILED_ROLES)
    if compiled is not None:
        return tuple(role_from_dict(data) for data in json.loads(compiled)["roles"])
    return tuple(load_role(path, f"(built-in) {path.name}") for path in role_files(builtin_roles_dir()))


def load_catalogue(roles_dir: Path | None = None) -> list[Role]:
    """The built-in roles, then those of `roles_dir`, which add to them: a role
    id used twice (by two files, or by a file and a built-in role) is an error,
    never a silent replacement."""
    builtin = {role.id: role for role in builtin_roles()}
    by_id = dict(builtin)
    if roles_dir is not None:
        if not roles_dir.is_dir():
            raise RolefitError.at(str(roles_dir), "--roles-dir must be a folder of role files")
        files = role_files(roles_dir)
        if not files:
            raise RolefitError.at(str(roles_dir), "no role files (*.yaml, *.yml) in this folder")
        problems: list[Problem] = []
        for path in files:
            try:
                role = load_role(path)
            except RolefitError as exc:
                problems.extend(exc.problems)
                continue
            if role.id in by_id:
                taken = by_id[role.id]
                owner = f"a built-in role, {taken.source}" if taken is builtin.get(role.id) else taken.source
                problems.append(
                    Problem(role.source, f"role id '{role.id}' is already used by {owner}; give it another id")
                )
                continue
            by_id[role.id] = role
        if problems:
            raise RolefitError(problems)
    return list(by_id.values())


def looks_like_path(text: str) -> bool:
    return text.endswith((".yaml", ".yml")) or "/" in text or "\\" in text


def find_role(name: str, catalogue: Sequence[Role]) -> Role:
    """A role by id (from the catalogue) or by path to a role file."""
    if looks_like_path(name) or Path(name).is_file():
        return load_role(Path(name))
    for role in catalogue:
        if role.id == name:
            return role
    ids = [role.id for role in catalogue]
    raise RolefitError.at(name, f"unknown role; {suggestion(name, ids)} (or give a path to a role file)")


def select_roles(names: Sequence[str], roles_dir: Path | None) -> tuple[list[Role], list[Role]]:
    """The catalogue, and the roles a run asks for (all of them when none is named)."""
    catalogue = load_catalogue(roles_dir)
    if not names:
        return catalogue, catalogue
    selected: dict[str, Role] = {}
    for name in names:
        role = find_role(name, catalogue)
        selected.setdefault(role.id, role)
    return catalogue, list(selected.values())
