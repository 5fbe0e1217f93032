"""A person's skills file -> Profile, with every problem located.

The ways people write `skills`, all read into one model (README, "Your skills file"):

    skills: [Python, SQL]                      # names; level 3 assumed
    skills: [{name: PyTorch, level: advanced}]  # mappings with optional details
    skills: [{Python: expert}, {SQL: 2}]        # one-key mappings: name -> level
    skills: {Python: 4, Docker: beginner}      # name -> level
    skills: {PyTorch: {level: 4, years: 2}}    # name -> details
    skills: {Programming: [Python, SQL]}       # headings over any of the above
    skills: [Python (expert), SQL - advanced]  # a level written into the name
    skills: Python, SQL, Docker                # one line of names

Levels are read by rolefit.formats.proficiency (one table of words, scales, halves). Fields
rolefit does not use (email, links, ...) are kept as warnings, not errors.
`strict` (`rolefit validate --strict`) reads only the first three shapes, the
six level words and the known fields, and makes every warning an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.formats.checks import Checker, describe, seniority_suggestion
from rolefit.formats.proficiency import (
    LEVEL_WORDS,
    Reading,
    last_used_year,
    read_level,
    read_phrase,
    split_name,
    strict_level,
    years_level,
)
from rolefit.model import DEFAULT_LEVEL, MAX_LEVEL, SENIORITIES, Profile, Seniority, Skill
from rolefit.yaml.safe import Mark, item_marks, key_mark, mark_of, read_checked, read_text, value_mark

PROFILE_FIELDS = ("name", "target", "seniority", "skills")
SKILL_FIELDS = ("name", "level", "years", "evidence", "last_used")
# Other names people give the fields of a skill; read as the field they stand for.
FIELD_SYNONYMS = {
    "skill": "name",
    "proficiency": "level",
    "rating": "level",
    "lvl": "level",
    "yrs": "years",
    "last used": "last_used",
    "last-used": "last_used",
    "lastused": "last_used",
}
_SKILL_FIELDS = frozenset(SKILL_FIELDS)
_DETAIL_KEYS = _SKILL_FIELDS | frozenset(FIELD_SYNONYMS)
_NAME_LIST = re.compile(r"\s*[,;]\s*")
_object_new = object.__new__


def load_profile(path: str | Path, label: str | None = None) -> Profile:
    where = label or shown_path(path)
    try:
        text = read_text(path, where)
    except RolefitError as error:
        hint = file_draft_hint(path, where)  # a résumé saved as PDF or Word, given by mistake
        if hint is None:
            raise
        raise RolefitError((*error.problems, hint)) from None
    return parse_profile(text, where)


def parse_profile(text: str, where: str) -> Profile:
    try:
        profile = read_checked(text, where, profile_from_data)
    except RolefitError as error:
        hint = draft_hint(where, text)
        if hint is None:
            raise
        raise RolefitError((*error.problems, hint)) from None
    if profile.warnings and profile.warnings[0].line is None:
        # Read without places (fast); warnings are rare, and worth their line numbers.
        from rolefit.yaml.safe import parse

        profile = profile_from_data(parse(text, where), where)
    return profile


# A résumé or CV given where a skills file is expected: its reading fails, and the
# error says how to draft a skills file from it.
_DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".odt", ".rtf", ".pages"})
_SKILLS_FIELD = re.compile(r"^[\"']?skills[\"']?[ \t]*:", re.MULTILINE)
_PROSE_WORDS = 6  # a line of this many words or more, outside comments, reads as prose


def _reads_like_prose(text: str) -> bool:
    """Two lines or more of running text (a résumé's), not key: value lines."""
    prose = 0
    for line in text.splitlines():
        words = line.split()
        if len(words) >= _PROSE_WORDS and not line.lstrip().startswith("#") and ": " not in line[:40]:
            prose += 1
            if prose >= 2:
                return True
    return False


def has_skills_field(text: str) -> bool:
    """Whether a text has the top-level `skills:` field of a skills file (in lower
    case, as YAML reads keys: `Skills:` is as often a résumé's heading; a role
    file's skills are indented under its categories)."""
    return _SKILLS_FIELD.search(text) is not None


def draft_hint(where: str, text: str | None, suffix: str = "") -> Problem | None:
    """For a skills file that cannot be read: when it is a résumé or other running
    text (a document's suffix, or prose that has no `skills:` field and does not
    read as YAML key: value lines), how to draft a skills file from it."""
    document = suffix.casefold() in _DOCUMENT_SUFFIXES
    if not document and (
        text is None or has_skills_field(text) or not _reads_like_prose(text) or _reads_as_mapping(text, where)
    ):
        return None
    import shlex

    return Problem(
        where,
        "this reads like a résumé or other text, not a skills file; "
        f"`rolefit draft {shlex.quote(where)} -o me.yaml` drafts one from it, with the line each skill came from",
    )


def file_draft_hint(path: str | Path, where: str) -> Problem | None:
    """draft_hint for a file that could not be read as a skills file, from its text
    when it has any; none for a file that is not there (it is only missing)."""
    if not Path(path).is_file():
        return None
    try:
        text: str | None = read_text(path, where)
    except RolefitError:
        text = None
    return draft_hint(where, text, Path(path).suffix)


def _reads_as_mapping(text: str, where: str) -> bool:
    """Key: value lines however wrong their fields (`Skills:` for `skills:`): a
    skills file gone astray, not a résumé."""
    from rolefit.yaml.safe import parse

    try:
        return isinstance(parse(text, where, marks=False), dict)
    except RolefitError:
        return False


def profile_from_data(data: Any, where: str, *, strict: bool = False) -> Profile:
    if not strict:
        simple = _simple_profile(data, where)
        if simple is not None:
            return simple
    check = Checker(where, strict=strict)
    top = check.top_mapping(data, "skills file")
    ignored = _unknown_fields(check, top)
    name = check.text(top, "name", "")
    target = check.text(top, "target", "")
    seniority = _seniority(check, top)
    skills: list[Skill] = []
    if "skills" not in top:
        check.add("missing field 'skills' (the list of your skills)", mark_of(top))
    else:
        skills = _skills(check, top["skills"], value_mark(top, "skills"))
    check.raise_if_any()
    return Profile(
        source=where,
        skills=tuple(skills),
        name=name,
        target=target,
        seniority=seniority,
        ignored=ignored,
        warnings=tuple(check.warnings),
    )


def _unknown_fields(check: Checker, top: dict[Any, Any]) -> tuple[str, ...]:
    """Fields rolefit does not use, such as `email:` or `links:`: kept and named
    in a warning, with the known field it may be a typo of."""
    from rolefit.formats.checks import nearest

    ignored = []
    for key in top:
        if isinstance(key, str) and key in PROFILE_FIELDS:
            continue
        name = str(key)
        close = nearest(name, PROFILE_FIELDS, cutoff=0.75)
        if check.strict:
            check.add(f"unknown field '{name}'; {_suggest(name, PROFILE_FIELDS)}", key_mark(top, key))
            continue
        hint = f"; did you mean '{close}'?" if close else " (rolefit reads name, target, seniority and skills)"
        check.warn(f"field '{name}' is not used{hint}", key_mark(top, key))
        ignored.append(name)
    return tuple(ignored)


def _seniority(check: Checker, top: dict[Any, Any]) -> Seniority | None:
    text = check.text(top, "seniority", "")
    if text is None:
        return None
    if text.lower() not in SENIORITIES:
        check.add(f"'seniority' is '{text}'; {seniority_suggestion(text)}", value_mark(top, "seniority"))
        return None
    return SENIORITIES[SENIORITIES.index(text.lower())]


_PROFILE_FIELDS = frozenset(PROFILE_FIELDS)


# The fast path ----------------------------------------------------------------------


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
    seniority = data.get("seniority")
    if seniority is not None and seniority not in SENIORITIES:
        return None  # anything but the plain words goes through the checks
    skills: list[Skill] = []
    if not _simple_skills(data.get("skills"), None, skills) or not skills:
        return None
    # Made without the frozen dataclass's __init__ (a setattr call per field): one a file.
    profile = _object_new(Profile)
    profile.__dict__.update(
        source=where, skills=tuple(skills), name=name, target=target, seniority=seniority, ignored=(), warnings=()
    )
    return profile


def _simple_skills(value: Any, heading: str | None, skills: list[Skill]) -> bool:
    """Adds the skills of a list or mapping (under `heading`, if any) to `skills`;
    False when anything in it is unusual. The usual entries (`- Python`, `- name:
    Python` with a `level:`, `Python: 4`) are looked up in _NAMED_SKILLS first:
    what is remembered there was made from the same name, level and heading."""
    memo = _NAMED_SKILLS
    if type(value) is list:
        for item in value:
            kind = type(item)
            skill = None
            if kind is str:
                skill = memo.get((item, _NONE, None, heading))
            elif kind is dict and "name" in item and (len(item) == 1 or (len(item) == 2 and "level" in item)):
                raw, level = item["name"], item.get("level")
                level_kind = type(level)
                if type(raw) is str and level_kind in _SCALAR_TYPES:
                    skill = memo.get((raw, level_kind, level, heading))
            if skill is not None:
                skills.append(skill)
                continue
            if kind is dict and len(item) == 1:
                key = next(iter(item))
                if key not in _DETAIL_KEYS and type(item[key]) in (list, dict):  # - Programming: [Python, SQL]
                    if not _simple_heading(key, item[key], heading, skills):
                        return False
                    continue
            skill = _simple_skill(item, heading)
            if skill is None:
                return False
            skills.append(skill)
        return True
    if type(value) is dict:
        for key, level in value.items():
            kind = type(level)
            if kind in _SCALAR_TYPES:
                skill = memo.get((key, kind, level, heading))
                if skill is not None:  # made from this level, so not a list of names
                    skills.append(skill)
                    continue
            elif kind is list or kind is dict:  # Programming: [Python, SQL]
                if not _simple_heading(key, level, heading, skills):
                    return False
                continue
            if kind is str and _NAME_LIST.search(level) and not isinstance(read_level(level), tuple):
                # Languages: Python, Java
                names = [n for n in _NAME_LIST.split(level.strip()) if n]
                if not _simple_heading(key, names, heading, skills):
                    return False
                continue
            skill = _named_skill(key, level, heading)
            if skill is None:
                return False
            skills.append(skill)
        return True
    return False


def _simple_heading(key: Any, value: Any, outer: str | None, skills: list[Skill]) -> bool:
    if outer is not None or type(key) is not str or _is_details(value):
        return False  # headings in headings are an error, details under a name are rare: the checks say
    heading = " ".join(key.split())
    return bool(heading) and bool(value) and _simple_skills(value, heading, skills)


def _simple_skill(item: Any, heading: str | None = None) -> Skill | None:
    if type(item) is str:
        return _named_skill(item, None, heading)
    if type(item) is not dict:
        return None
    if len(item) == 1:
        key = next(iter(item))
        if key not in _DETAIL_KEYS:  # - Python: expert
            return _named_skill(key, item[key], heading)
    if not _SKILL_FIELDS.issuperset(item):
        return None
    if len(item) == 1 or (len(item) == 2 and "level" in item):
        return _named_skill(item.get("name"), item.get("level"), heading)
    raw = item.get("name")
    years = item.get("years")
    if type(raw) is not str or (years is not None and type(years) not in (int, float)):
        return None
    if years is not None and not 0 <= years <= 80:
        return None
    texts: list[str | None] = []
    for field in ("evidence", "last_used"):
        text = item.get(field)
        if text is not None and (type(text) is not str or not text.strip()):
            return None
        texts.append(None if text is None else text.strip())
    if texts[1] is not None and last_used_year(texts[1]) is None:
        return None  # the checks warn about it
    level = item.get("level")
    if level is not None and type(level) not in _SCALAR_TYPES:
        return None
    skill = make_skill(raw, level, None if years is None else float(years), texts[0], texts[1], heading)
    return skill if isinstance(skill, Skill) else None


_NONE = type(None)
_SCALAR_TYPES = frozenset((str, int, float, bool, _NONE))
_NAMED_SKILLS: dict[tuple[str, type, Any, str | None], Skill | None] = {}
_NAMED_MEMO_SIZE = 100_000


def _named_skill(raw: Any, level: Any, heading: str | None = None) -> Skill | None:
    """A skill given by name and an optional level, the usual way to write one,
    or None when either is unusual. A cohort writes the same few hundred of
    these thousands of times, so each is made once (a Skill is immutable)."""
    if type(raw) is not str or type(level) not in _SCALAR_TYPES:
        return None
    key = (raw, type(level), level, heading)  # the type too: 1, 1.0 and True are equal keys
    try:
        return _NAMED_SKILLS[key]
    except KeyError:
        pass
    made = make_skill(raw, level, heading=heading)
    skill = made if isinstance(made, Skill) else None
    if len(_NAMED_SKILLS) < _NAMED_MEMO_SIZE:
        _NAMED_SKILLS[key] = skill
    return skill


# One skill, from its parts ------------------------------------------------------------


def make_skill(
    raw_name: str,
    level: Any,
    years: float | None = None,
    evidence: str | None = None,
    last_used: str | None = None,
    heading: str | None = None,
) -> Skill | str:
    """A Skill from its parts, or what is wrong with its level; reading a level or years written into the name and
    years written as a level ('3 yrs'); the one place both readers make skills.

    What the person gives in its own field outranks what the name says: with a
    level given, the name is kept whole (`sql (advanced)` with `level: 2` is
    that skill at 2), and `years:` outranks years in the name or the level."""
    written = " ".join(raw_name.split())
    if not written:
        return "a skill name is empty"  # the checks catch it first, with its place
    given_level: int | None = None
    level_years: float | None = None
    if level is not None:
        reading = (type(level) is str and _WORD_READINGS.get(level)) or read_level(level)
        if isinstance(reading, str):
            return f"skill '{written}': {reading}"
        given_level, level_years = reading
    name = written
    name_level: int | None = None
    name_years: float | None = None
    split = split_name(written) if given_level is None else None
    if split is not None:
        name, (name_level, name_years) = split
    chosen_years = years if years is not None else level_years if level_years is not None else name_years
    chosen = given_level if given_level is not None else name_level
    from_years = chosen is None and chosen_years is not None
    if chosen is None:
        chosen = years_level(chosen_years) if chosen_years is not None else DEFAULT_LEVEL
    # Made without the frozen dataclass's __init__ (a setattr call per field), as Profile above.
    skill = _object_new(Skill)
    skill.__dict__.update(
        name=name,
        level=chosen,
        level_assumed=given_level is None and name_level is None,
        years=chosen_years,
        evidence=evidence,
        last_used=last_used,
        level_from_years=from_years,
        written=written if split is not None else None,
        heading=heading,
    )
    return skill


# The level words as people write them (expert, Expert, EXPERT): read_level reads
# these the same, by the same table, but at several times the cost of a lookup.
_READINGS = [Reading(level, None) for level in range(MAX_LEVEL + 1)]
_WORD_READINGS: dict[str, Reading] = {
    spelling: _READINGS[level]
    for word, level in LEVEL_WORDS.items()
    for spelling in (word, word.capitalize(), word.title(), word.upper())
}


# The checks -------------------------------------------------------------------------


def _skills(check: Checker, value: Any, mark: Mark | None) -> list[Skill]:
    skills: list[Skill] = []
    if isinstance(value, dict):
        _read_mapping(check, value, skills, None)
    elif isinstance(value, list):
        _read_list(check, value, skills, None)
    elif isinstance(value, str) and value.strip() and not check.strict:
        for piece in _NAME_LIST.split(value.strip()):
            if piece:
                _add(check, skills, make_skill(piece, None), mark, mark)
    else:
        check.add(
            f"'skills' must be a list of skills or a mapping of skill to level, not {describe(value)}",
            mark,
        )
        return skills
    if not skills and not check.problems:
        check.add("'skills' is empty; list at least one skill", mark)
    return skills


def _add(
    check: Checker, skills: list[Skill], made: Skill | str, name_mark: Mark | None, level_mark: Mark | None
) -> None:
    if isinstance(made, Skill):
        if check.strict:
            _strict_readings(check, made, level_mark or name_mark)
        skills.append(made)
    else:
        check.add(made, level_mark or name_mark)


def _strict_readings(check: Checker, skill: Skill, mark: Mark | None) -> None:
    if skill.written is not None:
        check.add(f"skill '{skill.written}': a level in the name; write it as 'level:' (strict)", mark)


def _is_details(value: Any) -> bool:
    """A mapping that describes one skill ({level: 4, years: 2}) rather than a heading's skills."""
    return isinstance(value, dict) and bool(value) and all(isinstance(k, str) and k in _DETAIL_KEYS for k in value)


def _read_mapping(check: Checker, mapping: dict[Any, Any], skills: list[Skill], heading: str | None) -> None:
    for key, value in mapping.items():
        name_mark, level_mark = key_mark(mapping, key), value_mark(mapping, key)
        name = _name(check, key, name_mark)
        if name is None:
            continue
        if _is_details(value):
            check.lenient(f"skill '{name}': details under the name; write '- name: {name}' (strict)", name_mark)
            _skill_mapping(check, {"name": name, **value}, value, name_mark, heading, skills)
        elif isinstance(value, (dict, list)):
            _heading(check, name, value, skills, heading, name_mark)
        elif isinstance(value, str) and _NAME_LIST.search(value) and not isinstance(read_level(value), tuple):
            # Languages: Python, Java, Go
            if check.strict:
                check.add(f"skill '{name}': {strict_level(value)}", level_mark)
                continue
            _heading(check, name, _NAME_LIST.split(value.strip()), skills, heading, name_mark, level_mark)
        else:
            if check.strict and value is not None:
                strict = strict_level(value)
                if isinstance(strict, str):
                    check.add(f"skill '{name}': {strict}", level_mark)
                    continue
            made = make_skill(name, value, heading=heading)
            if (
                isinstance(made, str)
                and isinstance(value, str)
                and "did you mean" not in made
                and value != value.lower()  # "Frameworks: PyTorch" rather than "SQL: guru"
            ):
                made = f"{made}; for a heading of skills, write a list under it"
            _add(check, skills, made, name_mark, level_mark)


def _heading(
    check: Checker,
    name: str,
    value: Any,
    skills: list[Skill],
    outer: str | None,
    mark: Mark | None,
    items_mark: Mark | None = None,
) -> None:
    if check.strict:
        check.add(f"'{name}' groups skills under a heading; list them directly under 'skills' (strict)", mark)
        return
    if outer is not None:
        check.add(f"heading '{name}' is inside heading '{outer}'; headings go one level deep", mark)
        return
    if not value or (items_mark is not None and not any(value)):  # any(): the names of one line of text
        check.add(f"heading '{name}' has no skills under it", mark)
        return
    if isinstance(value, dict):
        _read_mapping(check, value, skills, name)
    elif items_mark is not None:  # names from one line of text
        for piece in value:
            if piece:
                _add(check, skills, make_skill(piece, None, heading=name), items_mark, items_mark)
    else:
        _read_list(check, value, skills, name)


def _read_list(check: Checker, items: list[Any], skills: list[Skill], heading: str | None) -> None:
    for item, item_mark in zip(items, item_marks(items), strict=True):
        if isinstance(item, dict):
            if len(item) == 1 and next(iter(item)) not in _DETAIL_KEYS:
                key = next(iter(item))
                if isinstance(item[key], (dict, list)) and not _is_details(item[key]):
                    shape = "is a heading over skills; list them directly under 'skills'"
                else:
                    shape = "is written as 'name: level'; write '- name:' and 'level:'"
                check.lenient(f"'{key}' {shape} (strict)", item_mark)
                if not check.strict:
                    _read_mapping(check, item, skills, heading)
                continue
            _skill_mapping(check, item, item, mark_of(item) or item_mark, heading, skills)
        else:
            name = _name(check, item, item_mark)
            if name is not None:
                _add(check, skills, make_skill(name, None, heading=heading), item_mark, item_mark)


def _name(check: Checker, value: Any, mark: Mark | None) -> str | None:
    if isinstance(value, (dict, list, bool)) or value is None:
        check.add(f"a skill name must be text, not {describe(value)}", mark)
        return None
    name = " ".join(str(value).split())
    if not name:
        check.add("a skill name is empty", mark)
        return None
    return name


def _skill_mapping(
    check: Checker,
    item: dict[Any, Any],
    marks: dict[Any, Any],
    mark: Mark | None,
    heading: str | None,
    skills: list[Skill],
) -> None:
    """A skill given as a mapping of fields; `marks` is the mapping that holds the
    places (the item itself, or the details under a name)."""
    fields = _fields(check, item, marks)
    if "name" not in fields:
        check.add("a skill mapping needs a 'name'", mark)
        return
    name = _name(check, fields["name"][0], fields["name"][1] or mark)
    if name is None:
        return
    context = f" of skill '{name}'"
    years = _number(check, fields, "years", context)
    if years is not None and not 0 <= years <= 80:
        check.add(f"'years'{context} must be between 0 and 80", fields["years"][1])
        years = None
    evidence = _text(check, fields, "evidence", context)
    last_used = _text(check, fields, "last_used", context)
    if last_used is not None and last_used_year(last_used) is None:
        check.warn(
            f"'last_used'{context} is not a date such as 2024 or 2024-05; it is kept but not used",
            fields["last_used"][1],
        )
    level_value, level_mark = fields.get("level", (None, None))
    if check.strict and level_value is not None:
        strict = strict_level(level_value)
        if isinstance(strict, str):
            check.add(f"skill '{name}': {strict}", level_mark or mark)
            return
    made = make_skill(name, level_value, years, evidence, last_used, heading)
    _add(check, skills, made, fields["name"][1] or mark, level_mark or mark)


_Field = tuple[Any, "Mark | None"]


def _fields(check: Checker, item: dict[Any, Any], marks: dict[Any, Any]) -> dict[str, _Field]:
    """The fields of a skill mapping by their own names (synonyms read as the
    field they stand for); unknown fields are warned about and left out."""
    from rolefit.formats.checks import nearest

    fields: dict[str, _Field] = {}
    for key, value in item.items():
        place = key_mark(marks, key)
        field = key if isinstance(key, str) and key in _SKILL_FIELDS else None
        if field is None and isinstance(key, str) and key in FIELD_SYNONYMS and not check.strict:
            field = FIELD_SYNONYMS[key]
        if field is None:
            name = str(key)
            close = nearest(name, SKILL_FIELDS)
            if check.strict:
                check.add(f"unknown field '{name}' in a skill; {_suggest(name, SKILL_FIELDS)}", place)
            else:
                hint = f"; did you mean '{close}'?" if close else f" (a skill has {', '.join(SKILL_FIELDS)})"
                check.warn(f"field '{name}' of a skill is not used{hint}", place)
            continue
        if field in fields:
            check.add(f"'{key}' and '{field}' both give the {field} of a skill; keep one", place)
            continue
        fields[field] = (value, value_mark(marks, key) or place)
    return fields


def _suggest(name: str, fields: tuple[str, ...]) -> str:
    from rolefit.formats.checks import suggestion

    return suggestion(name, fields)


def _number(check: Checker, fields: dict[str, _Field], key: str, context: str) -> float | None:
    value, place = fields.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str) and not check.strict:
            reading = read_phrase(value)  # years: "3 yrs"
            if reading is not None and reading.level is None and reading.years is not None:
                return reading.years
        check.add(f"'{key}'{context} must be a number, not {describe(value)}", place)
        return None
    return float(value)


def _text(check: Checker, fields: dict[str, _Field], key: str, context: str) -> str | None:
    value, place = fields.get(key, (None, None))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        check.add(f"'{key}'{context} must be text, not {describe(value)}", place)
        return None
    text = str(value).strip()
    if not text:
        check.add(f"'{key}'{context} is empty", place)
        return None
    return text
