"""Role files -> Role, with validation; the built-in catalogue and role lookup."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from rolefit import __version__, packaged
from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.formats.checks import Checker, describe, first_at, parse_level, seniority_suggestion, suggestion
from rolefit.model import (
    IMPORTANCES,
    SENIORITIES,
    CareerPath,
    Category,
    Importance,
    Requirement,
    Role,
    SalaryBlock,
    SalaryFigure,
    Seniority,
    role_key,
)
from rolefit.yaml.safe import Mark, item_marks, key_mark, mark_of, read_checked, read_text, value_mark

T = TypeVar("T")

ROLE_FIELDS = (
    "id",
    "title",
    "levels",
    "summary",
    "responsibilities",
    "career_path",
    "salary",
    "sources",
    "categories",
)
CATEGORY_FIELDS = ("name", "weight", "skills")
REQUIREMENT_FIELDS = ("name", "one_of", "importance", "level", "aliases", "prerequisites", "learn", "why")
CAREER_FIELDS = ("entry", "mid", "senior")
SALARY_FIELDS = ("source", "region", "year", "currency", "figures")
FIGURE_FIELDS = ("label", "amount", "low", "high", "note")
# What a role file must give; everything else is optional (null is the same as absent).
REQUIRED_ROLE_FIELDS = ("id", "title", "categories")
REQUIRED_REQUIREMENT_FIELDS = ("name", "level")
MIN_TARGET = 1  # a target level of 0 asks for nothing
MIN_YEAR, MAX_YEAR = 1900, 2200
ROLE_ID_PATTERN = "[a-z0-9][a-z0-9-]*"
ROLE_ID = re.compile(f"^{ROLE_ID_PATTERN}$")


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
    if role_id is not None and (not isinstance(top["id"], str) or not ROLE_ID.match(role_id)):
        check.add(
            f"role id '{role_id}' must be lowercase letters, digits and '-'",
            value_mark(top, "id"),
        )
    title = check.text(top, "title", "", required=True)
    levels = _levels(check, top)
    categories = _categories(check, top, levels) if check.require(top, "categories", "") else ()
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
        levels=levels,
        source=where,
        summary=summary,
        responsibilities=responsibilities,
        career_path=career,
        salary=salary,
        sources=sources,
    )


def _levels(check: Checker, top: dict[Any, Any]) -> tuple[Seniority, ...]:
    """The role's `levels`: some of entry, mid, senior, in that order; () when absent."""
    if top.get("levels") is None:
        return ()
    value = top["levels"]
    if not isinstance(value, list) or not value:
        check.add(
            f"'levels' must be a list of some of {', '.join(SENIORITIES)}, not {describe(value) if value != [] else 'an empty list'}",
            value_mark(top, "levels"),
        )
        return ()
    levels: list[Seniority] = []
    for item, mark in check.items(top, "levels", ""):
        name = item.strip().lower() if isinstance(item, str) else None
        if name not in SENIORITIES:
            check.add(f"unknown level '{item}' in 'levels'; {seniority_suggestion(str(item))}", mark)
        elif name in levels:
            check.add(f"level '{name}' appears twice in 'levels'", mark)
        else:
            levels.append(SENIORITIES[SENIORITIES.index(name)])
    if levels != sorted(levels, key=SENIORITIES.index):
        check.add(
            f"'levels' must go from junior to senior: {', '.join(sorted(levels, key=SENIORITIES.index))}",
            value_mark(top, "levels"),
        )
    return tuple(levels) if len(levels) == len(value) else ()


def _categories(check: Checker, top: dict[Any, Any], levels: tuple[Seniority, ...]) -> tuple[Category, ...]:
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
        if item.get("weight") is None:
            check.add(f"missing field 'weight'{context}", mark_of(item))
        elif weight is not None and not weight > 0:
            check.add(
                f"'weight'{context} must be greater than 0, not {item['weight']}",
                value_mark(item, "weight"),
            )
        requirements: list[Requirement] = []
        if check.require(item, "skills", context):
            for skill, skill_mark in check.items(item, "skills", context):
                requirement = _requirement(check, skill, skill_mark, name, levels)
                if requirement is None:
                    continue
                if _is_repeated(check, requirement, skill, skill_mark, seen_skills):
                    continue
                requirement_marks[role_key(requirement.name)] = skill_mark
                requirements.append(requirement)
            if not requirements and isinstance(item.get("skills"), list) and not item["skills"]:
                check.add(f"'skills'{context} is empty", value_mark(item, "skills"))
        categories.append(Category(name=name, weight=weight or 1.0, requirements=tuple(requirements)))
    if isinstance(top.get("categories"), list) and not top["categories"]:
        check.add("'categories' is empty", value_mark(top, "categories"))
    _check_prerequisites(check, categories, requirement_marks)
    _check_each_level_asks(check, categories, levels, top)
    return tuple(categories)


def _is_repeated(
    check: Checker, requirement: Requirement, item: dict[Any, Any], mark: Mark | None, seen: dict[str, Mark | None]
) -> bool:
    """A skill name (a requirement's or a one-of option) appears once per role."""
    key = role_key(requirement.name)
    if key in seen:
        check.add(f"duplicate skill '{requirement.name}'{first_at(seen[key])}", mark)
        return True
    seen[key] = mark
    option_marks = item_marks(item["one_of"]) if requirement.one_of else []
    for option, option_mark in zip(requirement.one_of, option_marks, strict=True):
        option_key = role_key(option)
        if option_key in seen:
            check.add(
                f"'{option}' in 'one_of' of skill '{requirement.name}' is already a skill of this role"
                f"{first_at(seen[option_key])}",
                option_mark,
            )
        else:
            seen[option_key] = option_mark
    return False


def _requirement(
    check: Checker, item: Any, mark: Mark | None, category: str, levels: tuple[Seniority, ...]
) -> Requirement | None:
    if not isinstance(item, dict):
        check.add(f"a skill in a role must be a mapping with at least a name, not {describe(item)}", mark)
        return None
    check.fields(item, REQUIREMENT_FIELDS, " in a skill")
    name = check.text(item, "name", " of a skill", required=True)
    if name is None:
        return None
    name = " ".join(name.split())
    context = f" of skill '{name}'"
    one_of = _one_of(check, item, name)
    if one_of and item.get("aliases") is not None:
        check.add(
            f"skill '{name}' has 'one_of': its options take their aliases from the vocabulary, so 'aliases' does not apply",
            key_mark(item, "aliases"),
        )
    importances: tuple[Importance, ...] = _per_level(check, item, "importance", name, levels, _importance) or (
        "required",
    )
    if "level" not in item:
        check.add(f"missing field 'level'{context} (the target level, {MIN_TARGET}-5)", mark_of(item))
    targets = _per_level(check, item, "level", name, levels, _target) or (3,)
    return Requirement(
        name=name,
        category=category,
        importances=importances,
        targets=targets,
        aliases=() if one_of else check.text_list(item, "aliases", context),
        prerequisites=check.text_list(item, "prerequisites", context),
        learn=check.text_list(item, "learn", context),
        why=check.text(item, "why", context),
        one_of=one_of,
    )


def _one_of(check: Checker, item: dict[Any, Any], name: str) -> tuple[str, ...]:
    if item.get("one_of") is None:
        return ()
    context = f" of skill '{name}'"
    value = item["one_of"]
    if not isinstance(value, list):
        check.add(f"'one_of'{context} must be a list of skill names, not {describe(value)}", value_mark(item, "one_of"))
        return ()
    options = tuple(" ".join(o.split()) for o in check.text_list(item, "one_of", context))
    if len(options) != len(value):
        return ()  # an item was not a name; reported by text_list
    if len(options) < 2:
        check.add(
            f"'one_of'{context} needs at least two options; for a single skill, name it in 'name'",
            value_mark(item, "one_of"),
        )
        return ()
    seen: dict[str, int] = {}
    for number, option in enumerate(options):
        key = role_key(option)
        if key == role_key(name):
            check.add(
                f"'one_of'{context} names the skill itself; the label must differ from its options",
                item_marks(value)[number],
            )
            return ()
        if key in seen:
            check.add(f"'{option}' appears twice in 'one_of'{context}", item_marks(value)[number])
            return ()
        seen[key] = number
    return options


class _Wrong(NamedTuple):
    """What is wrong with a value (kept apart from values that are text themselves)."""

    message: str


def _importance(value: Any) -> Importance | _Wrong:
    if isinstance(value, str) and value.strip().lower() in IMPORTANCES:
        return IMPORTANCES[IMPORTANCES.index(value.strip().lower())]
    return _Wrong(f"is '{value}'; {suggestion(str(value), IMPORTANCES)}")


def _target(value: Any) -> int | _Wrong:
    """A target level 1-5."""
    parsed = parse_level(value)
    if isinstance(parsed, str):
        return _Wrong(parsed)
    if parsed < MIN_TARGET:
        return _Wrong(f"a target level of 0 asks for nothing; use {MIN_TARGET}-5")
    return parsed


def _per_level(
    check: Checker,
    item: dict[Any, Any],
    field: str,
    name: str,
    levels: tuple[Seniority, ...],
    parse: Callable[[Any], T | _Wrong],
) -> tuple[T, ...] | None:
    """A field given once for every level, or as a mapping naming each of the role's
    levels: one value per level, in the role's order; None when absent or wrong."""
    if field not in item:
        return None
    value = item[field]
    if isinstance(value, dict):
        return _level_mapping(check, item, field, name, levels, parse)
    parsed = parse(value)
    if isinstance(parsed, _Wrong):
        check.add(_field_problem(field, name, parsed.message), value_mark(item, field))
        return None
    return (parsed,)


def _level_mapping(
    check: Checker,
    item: dict[Any, Any],
    field: str,
    name: str,
    levels: tuple[Seniority, ...],
    parse: Callable[[Any], T | _Wrong],
) -> tuple[T, ...] | None:
    value = item[field]
    context = f"'{field}' of skill '{name}'"
    if not levels:
        check.add(
            f"{context} gives a value per level, but the role has no 'levels'; give one {field}, "
            "or list the role's levels (levels: [entry, mid, senior])",
            value_mark(item, field),
        )
        return None
    found: dict[str, T] = {}
    ok = True
    for key in value:
        where = value_mark(value, key) or key_mark(value, key)
        if key not in levels:
            others = [level for level in SENIORITIES if level not in levels]
            hint = (
                f"the role's levels are {', '.join(levels)}"
                if str(key).strip().lower() in others
                else suggestion(str(key), levels)
            )
            check.add(f"unknown level '{key}' in {context}; {hint}", key_mark(value, key))
            ok = False
            continue
        parsed = parse(value[key])
        if isinstance(parsed, _Wrong):
            check.add(_field_problem(field, name, parsed.message, key), where)
            ok = False
        else:
            found[key] = parsed
    missing = [level for level in levels if level not in value]
    if missing and ok:  # with a misspelt level, the misspelling is the news
        check.add(f"{context} has no value for level {', '.join(repr(m) for m in missing)}", value_mark(item, field))
        ok = False
    return tuple(found[level] for level in levels) if ok else None


def _field_problem(field: str, name: str, message: str, level: str | None = None) -> str:
    at = f" at level '{level}'" if level is not None else ""
    if field == "importance":
        return f"'importance' of skill '{name}'{at} {message}"
    return f"skill '{name}'{at}: {message}"


def _check_each_level_asks(
    check: Checker, categories: Sequence[Category], levels: tuple[Seniority, ...], top: dict[Any, Any]
) -> None:
    """Fit weighs required and preferred skills; a level with neither has nothing to weigh."""
    requirements = [r for c in categories for r in c.requirements]
    if not requirements:
        return
    for slot, level in enumerate(levels or ("",)):
        if all(r.importance_at(slot) == "bonus" for r in requirements):
            at = f" at level '{level}'" if level else ""
            check.add(
                f"every skill of the role is a bonus{at}; at least one must be required or preferred", mark_of(top)
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
                if figure.get("amount") is None and (figure.get("low") is None or figure.get("high") is None):
                    check.add(f"salary figure '{label}' needs 'amount', or both 'low' and 'high'", figure_mark)
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
    return packaged.folder("roles") or Path(__file__).resolve().parents[3] / "roles"


def role_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


COMPILED_ROLES = "roles.pickle"
_COMPILED_STAMP = (__version__, 1)  # rolefit version, format


def compile_roles(folder: Path) -> bytes:
    """Every role file of `folder`, validated, pickled.

    The wheel build ships this beside the YAML: every command reads the
    catalogue, and loading the model from it is far faster than parsing and
    checking the YAML (`benchmarks/tricks.py` prints both). Only this file,
    inside the installed package and stamped with the version that wrote it,
    is ever unpickled.
    """
    roles = tuple(load_role(path, f"(built-in) {path.name}") for path in role_files(folder))
    return pickle.dumps((_COMPILED_STAMP, roles), protocol=4)


def load_compiled_roles(data: bytes | None) -> tuple[Role, ...] | None:
    """The roles `compile_roles` pickled, or None when absent or from another version."""
    loaded = packaged.unpickled(data, _COMPILED_STAMP, 1)
    return None if loaded is None else loaded[0]


@lru_cache(maxsize=1)
def builtin_roles() -> tuple[Role, ...]:
    """The shipped roles (read once per process)."""
    compiled = load_compiled_roles(packaged.read(COMPILED_ROLES))
    if compiled is not None:
        return compiled
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
