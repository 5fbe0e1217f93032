"""A person's skills file -> Profile, with every problem located.

Three ways to write `skills`, all normalised to one model:

    skills: [Python, SQL]                      # names; level 3 assumed
    skills: [{name: PyTorch, level: advanced}]  # mappings with optional details
    skills: {Python: 4, Docker: beginner}      # name -> level
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rolefit.checks import Checker, describe, parse_level
from rolefit.errors import shown_path
from rolefit.model import DEFAULT_LEVEL, Profile, Skill
from rolefit.yamlsafe import Mark, item_marks, key_mark, mark_of, read_checked, read_text, value_mark

PROFILE_FIELDS = ("name", "target", "skills")
SKILL_FIELDS = ("name", "level", "years", "evidence", "last_used")
_SKILL_FIELDS = frozenset(SKILL_FIELDS)


def load_profile(path: str | Path, label: str | None = None) -> Profile:
    where = label or shown_path(path)
    return parse_profile(read_text(path, where), where)


def parse_profile(text: str, where: str) -> Profile:
    return read_checked(text, where, profile_from_data)


def profile_from_data(data: Any, where: str) -> Profile:
    simple = _simple_profile(data, where)
    if simple is not None:
        return simple
    check = Checker(where)
    top = check.top_mapping(data, "skills file")
    check.fields(top, PROFILE_FIELDS, "")
    name = check.text(top, "name", "")
    target = check.text(top, "target", "")
    skills: list[Skill] = []
    if "skills" not in top:
        check.add("missing field 'skills' (the list of your skills)", mark_of(top))
    else:
        skills = _skills(check, top["skills"], value_mark(top, "skills"))
    check.raise_if_any()
    return Profile(source=where, skills=tuple(skills), name=name, target=target)


_PROFILE_FIELDS = frozenset(PROFILE_FIELDS)


def _simple_profile(data: Any, where: str) -> Profile | None:
    """The usual, valid files, read without the checks: a cohort has thousands of
    them. Anything unusual returns None and goes through the checks, which have
    the final word (the tests hold the two to the same result)."""
    if type(data) is not dict or not _PROFILE_FIELDS.issuperset(data):
        return None
    name, target = data.get("name"), data.get("target")
    if name is not None:
        if type(name) is not str or not name.strip():
            return None
        name = name.strip()
    if target is not None:
        if type(target) is not str or not target.strip():
            return None
        target = target.strip()
    skills: list[Skill] = []
    value = data.get("skills")
    if type(value) is list:
        for item in value:
            skill = _simple_skill(item)
            if skill is None:
                return None
            skills.append(skill)
    elif type(value) is dict:
        for key, level in value.items():
            skill = _named_skill(key, level)
            if skill is None:
                return None
            skills.append(skill)
    if not skills:
        return None
    return Profile(source=where, skills=tuple(skills), name=name, target=target)


def _simple_skill(item: Any) -> Skill | None:
    if type(item) is str:
        return _named_skill(item, None)
    if type(item) is not dict or not _SKILL_FIELDS.issuperset(item):
        return None
    if len(item) == 1 or (len(item) == 2 and "level" in item):
        return _named_skill(item.get("name"), item.get("level"))
    raw = item.get("name")
    written = " ".join(raw.split()) if type(raw) is str else ""
    level = item.get("level")
    parsed = DEFAULT_LEVEL if level is None else parse_level(level)
    years = item.get("years")
    if not written or type(parsed) is not int or (years is not None and type(years) not in (int, float)):
        return None
    if years is not None and not 0 <= years <= 80:
        return None
    texts: list[str | None] = []
    for field in ("evidence", "last_used"):
        text = item.get(field)
        if text is not None and (type(text) is not str or not text.strip()):
            return None
        texts.append(None if text is None else text.strip())
    return Skill(written, parsed, level is None, None if years is None else float(years), texts[0], texts[1])


_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))
_NAMED_SKILLS: dict[tuple[str, type, Any], Skill | None] = {}
_NAMED_MEMO_SIZE = 100_000


def _named_skill(raw: Any, level: Any) -> Skill | None:
    """A skill given by name and an optional level, the usual way to write one,
    or None when either is unusual. A cohort writes the same few hundred of
    these thousands of times, so each is made once (a Skill is immutable)."""
    if type(raw) is not str or type(level) not in _SCALAR_TYPES:
        return None
    key = (raw, type(level), level)  # the type too: 1, 1.0 and True are equal keys
    try:
        return _NAMED_SKILLS[key]
    except KeyError:
        pass
    written = " ".join(raw.split())
    parsed = DEFAULT_LEVEL if level is None else parse_level(level)
    skill = Skill(written, parsed, level is None) if written and type(parsed) is int else None
    if len(_NAMED_SKILLS) < _NAMED_MEMO_SIZE:
        _NAMED_SKILLS[key] = skill
    return skill


def _skills(check: Checker, value: Any, mark: Mark | None) -> list[Skill]:
    skills: list[Skill] = []
    if isinstance(value, dict):
        for key, level in value.items():
            name_mark = key_mark(value, key)
            name = _name(check, key, name_mark)
            if name is not None:
                skills.append(Skill(name, *_level(check, name, level, value_mark(value, key))))
    elif isinstance(value, list):
        for item, item_mark in zip(value, item_marks(value), strict=True):
            if isinstance(item, dict):
                skill = _skill_mapping(check, item)
                if skill is not None:
                    skills.append(skill)
            else:
                name = _name(check, item, item_mark)
                if name is not None:
                    skills.append(Skill(name, DEFAULT_LEVEL, level_assumed=True))
    else:
        check.add(
            f"'skills' must be a list of skills or a mapping of skill to level, not {describe(value)}",
            mark,
        )
        return skills
    if not skills and not check.problems:
        check.add("'skills' is empty; list at least one skill", mark)
    return skills


def _name(check: Checker, value: Any, mark: Mark | None) -> str | None:
    if isinstance(value, (dict, list, bool)) or value is None:
        check.add(f"a skill name must be text, not {describe(value)}", mark)
        return None
    name = " ".join(str(value).split())
    if not name:
        check.add("a skill name is empty", mark)
        return None
    return name


def _level(check: Checker, name: str, value: Any, mark: Mark | None) -> tuple[int, bool]:
    """The level and whether it was assumed (no level given, or a bad one)."""
    if value is None:
        return DEFAULT_LEVEL, True
    parsed = parse_level(value)
    if isinstance(parsed, str):
        check.add(f"skill '{name}': {parsed}", mark)
        return DEFAULT_LEVEL, True
    return parsed, False


def _skill_mapping(check: Checker, item: dict[Any, Any]) -> Skill | None:
    if not _SKILL_FIELDS.issuperset(item):
        check.fields(item, SKILL_FIELDS, " in a skill")
    if "name" not in item:
        check.add("a skill mapping needs a 'name'", mark_of(item))
        return None
    name = _name(check, item["name"], value_mark(item, "name"))
    if name is None:
        return None
    context = f" of skill '{name}'"
    level, assumed = _level(check, name, item.get("level"), value_mark(item, "level") or mark_of(item))
    years = check.number(item, "years", context)
    if years is not None and not 0 <= years <= 80:
        check.add(f"'years'{context} must be between 0 and 80", value_mark(item, "years"))
        years = None
    evidence = check.text(item, "evidence", context)
    last_used = check.text(item, "last_used", context)
    return Skill(
        name=name,
        level=level,
        level_assumed=assumed,
        years=years,
        evidence=evidence,
        last_used=last_used,
    )
