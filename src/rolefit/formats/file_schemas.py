"""JSON Schemas of the files people write: skills files and role files.

Generated from the constants the loaders use (the level words table, the level
range, importance and seniority names, the field names, which fields are
required, the number limits), so that the schema accepts exactly what the
loader accepts. tests/test_formats_agree.py holds the two (and `rolefit
validate`) to that over every file in tests/data/ and over generated files.

What a schema cannot say, the loader alone checks (the schema accepts, the
loader rejects); BEYOND_SCHEMA lists these rules, and docs/role-format.md too.

Shared reading rules (the same in the loader and here):
- text is trimmed: surrounding whitespace never matters, and blank text is an error;
- words (levels, importances, seniorities) are read in any case;
- a field given as null (`summary:` with nothing after it) is the same as absent,
  so a required field given as null is missing.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from rolefit.formats.checks import MAX_NUMBER
from rolefit.formats.proficiency import MAX_YEARS, caseless, level_pattern, years_pattern
from rolefit.formats.profiles import FIELD_SYNONYMS, SKILL_FIELDS
from rolefit.formats.roles import (
    CAREER_FIELDS,
    CATEGORY_FIELDS,
    MAX_YEAR,
    MIN_TARGET,
    MIN_YEAR,
    REQUIRED_REQUIREMENT_FIELDS,
    REQUIRED_ROLE_FIELDS,
    ROLE_ID_PATTERN,
)
from rolefit.model import IMPORTANCES, LEVEL_NAMES, MAX_LEVEL, SENIORITIES

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# The rules only the loader checks: each with the start of the loader's message
# (the agreement test uses them to tell these problems from the others).
BEYOND_SCHEMA: dict[str, str] = {
    "a skill name appears once per role, whatever its case and spacing": r"duplicate skill '",
    "a category name appears once per role, whatever its case": r"duplicate category '",
    "a one_of option is not already a skill of the role": r"'.*' in 'one_of' of skill '.*' is already a skill",
    "a one_of option appears once, whatever its case": r"'.*' appears twice in 'one_of'",
    "a one_of does not name its own label": r"'one_of' of skill '.*' names the skill itself",
    "prerequisites name skills of the role": r"skill '.*' has unknown prerequisite '",
    "a skill is not its own prerequisite": r"skill '.*' lists itself as a prerequisite",
    "prerequisites form no cycle": r"prerequisites form a cycle",
    "a salary figure's low is not above its high": r"salary figure '.*': 'low' is above 'high'",
    "a skills file's target names a role the run knows": r"target '.*' is not a known role",
}


def _words(words: tuple[str, ...] | list[str]) -> str:
    """Any of `words`, in any case, with surrounding whitespace."""
    return r"^\s*(?:" + "|".join(caseless(w) for w in words) + r")\s*$"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [{"type": "null"}, schema]}


_TEXT: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S", "description": "Text (not blank)"}
_TEXT_LIST: dict[str, Any] = {
    "description": "A list of text, or one text",
    "anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "array", "items": _TEXT}],
}
_NUMBER: dict[str, Any] = {"type": "number", "minimum": -MAX_NUMBER, "maximum": MAX_NUMBER}


# Skills files ---------------------------------------------------------------------------


def _level_of_skill() -> dict[str, Any]:
    return {
        "description": "Proficiency 0-5 ("
        + ", ".join(f"{i} {n}" for i, n in enumerate(LEVEL_NAMES))
        + "), a level word (novice, basic, proficient, ...), a scale (4/5, 8/10, 80%, ★★★☆☆) "
        "or years (3 yrs), or a level and years (advanced, 3 years)",
        "anyOf": [
            {"type": "number", "minimum": 0, "maximum": MAX_LEVEL},
            {"type": "string", "pattern": level_pattern()},
        ],
    }


def _one_per_field() -> list[dict[str, Any]]:
    """A field and its synonyms (name and skill) give one value: at most one of them."""
    groups: dict[str, list[str]] = {field: [field] for field in SKILL_FIELDS}
    for synonym, field in FIELD_SYNONYMS.items():
        groups[field].append(synonym)
    return [{"not": {"required": [a, b]}} for names in groups.values() for a, b in combinations(names, 2)]


def skills_schema() -> dict[str, Any]:
    """The lenient view (what `assess` reads); `validate --strict` reads less."""
    fields: dict[str, Any] = {
        "name": {**_TEXT, "description": "The skill, as you would write it on a CV"},
        "level": _nullable({"$ref": "#/$defs/level"}),
        "years": _nullable(
            {
                "description": "Years of use; with no level, they suggest one",
                "anyOf": [
                    {"type": "number", "minimum": 0, "maximum": MAX_YEARS},
                    {"type": "string", "pattern": years_pattern()},
                ],
            }
        ),
        "evidence": _nullable({**_TEXT, "description": "A project, course or job that shows it"}),
        "last_used": _nullable({**_TEXT, "description": "When you last used it, e.g. 2024 or 2024-05"}),
    }
    for synonym, field in sorted(FIELD_SYNONYMS.items()):
        fields[synonym] = {**fields[field], "description": f"Read as '{field}'"}
    names_of_name = ["name", *(s for s, f in FIELD_SYNONYMS.items() if f == "name")]
    skill = {
        "type": "object",
        "description": "A skill with details; fields rolefit does not use are warned about",
        "properties": fields,
        "anyOf": [{"required": [key]} for key in names_of_name],
        "allOf": _one_per_field(),
    }
    # Details under the skill's name ({PyTorch: {level: 4}}): only detail fields, the name given by the key.
    details = {
        "type": "object",
        "description": "The details of the skill named by the key",
        "minProperties": 1,
        "propertyNames": {"enum": sorted(fields)},
        "properties": fields,
        "allOf": [*_one_per_field(), *({"not": {"required": [s]}} for s in names_of_name[1:])],
    }
    value = {"anyOf": [{"$ref": "#/$defs/level"}, {"type": "null"}, {"$ref": "#/$defs/details"}]}
    names_line = {
        "type": "string",
        "pattern": r"^(?=[\s\S]*[,;])[\s\S]*[^\s,;]",
        "description": "Names under a heading, comma-separated",
    }
    name_key = {"pattern": r"\S"}

    def one_key(under_heading: bool) -> dict[str, Any]:
        heading = [] if under_heading else [{"$ref": "#/$defs/heading_list"}, {"$ref": "#/$defs/mapping"}, names_line]
        return {
            "type": "object",
            "description": "name: level, name: details"
            + ("" if under_heading else ", or a heading over a list of skills"),
            "minProperties": 1,
            "maxProperties": 1,
            "propertyNames": {**name_key, "not": {"enum": sorted(fields)}},
            "additionalProperties": {"anyOf": [*value["anyOf"], *heading]},
        }

    def entries(under_heading: bool) -> dict[str, Any]:
        return {
            "type": "array",
            "minItems": 1,
            "items": {
                "anyOf": [
                    {**_TEXT, "description": "A name, maybe with a level: Python (expert)"},
                    {"$ref": "#/$defs/skill"},
                    one_key(under_heading),
                ]
            },
        }

    return {
        "$schema": DRAFT,
        "title": "rolefit skills file",
        "description": "A person's skills, matched by rolefit against AI/ML role profiles. Other top-level "
        "fields (email, links, ...) are kept but not used. Text is trimmed; a field given as null is absent.",
        "type": "object",
        "required": ["skills"],
        "properties": {
            "name": _nullable({**_TEXT, "description": "Your name (shown in reports)"}),
            "target": _nullable({**_TEXT, "description": "The id of a role rolefit knows, e.g. ml-engineer"}),
            "seniority": _nullable(
                {
                    "type": "string",
                    "pattern": _words(SENIORITIES),
                    "description": "The level to assess you at (" + ", ".join(SENIORITIES) + "); default mid",
                }
            ),
            "skills": {
                "description": "A list of skills, a mapping of name to level or details, headings over either, "
                "or one line of names",
                "anyOf": [
                    {"type": "string", "pattern": r"[^\s,;]"},
                    {"$ref": "#/$defs/list"},
                    {
                        "type": "object",
                        "minProperties": 1,
                        "propertyNames": name_key,
                        "additionalProperties": one_key(False)["additionalProperties"],
                    },
                ],
            },
        },
        "$defs": {
            "level": _level_of_skill(),
            "skill": skill,
            "details": details,
            "list": entries(False),
            "heading_list": entries(True),
            "mapping": {
                "type": "object",
                "description": "Skills under a heading, name: level or name: details",
                "minProperties": 1,
                "propertyNames": name_key,
                "not": {"propertyNames": {"enum": sorted(fields)}},  # only detail fields: the details of one skill
                "additionalProperties": value,
            },
        },
    }


# Role files -----------------------------------------------------------------------------

_TARGET_WORDS = LEVEL_NAMES[MIN_TARGET:]
_BONUS = _words(["bonus"])


def _target_level() -> dict[str, Any]:
    return {
        "description": f"Target proficiency {MIN_TARGET}-{MAX_LEVEL}: "
        + ", ".join(f"{i + MIN_TARGET} {n}" for i, n in enumerate(_TARGET_WORDS)),
        "anyOf": [
            {"type": "integer", "minimum": MIN_TARGET, "maximum": MAX_LEVEL},
            {"type": "string", "pattern": rf"^\s*0*[{MIN_TARGET}-{MAX_LEVEL}]\s*$"},
            {"type": "string", "pattern": _words(_TARGET_WORDS)},
        ],
    }


def _ordered_levels() -> list[tuple[str, ...]]:
    """Every value `levels` may take: some of the seniorities, junior first."""
    return [c for n in range(1, len(SENIORITIES) + 1) for c in combinations(SENIORITIES, n)]


def _levels_are(levels: tuple[str, ...]) -> dict[str, Any]:
    """`levels` names these seniorities (in any case), in this order."""
    return {
        "type": "array",
        "minItems": len(levels),
        "maxItems": len(levels),
        "prefixItems": [{"type": "string", "pattern": _words([level])} for level in levels],
    }


def _per_level_values(levels: tuple[str, ...], value: dict[str, Any]) -> dict[str, Any]:
    """One value, or (for a role with `levels`) a mapping naming exactly its levels."""
    if not levels:
        return value
    mapping = {
        "type": "object",
        "additionalProperties": False,
        "required": list(levels),
        "properties": dict.fromkeys(levels, value),
    }
    return {"anyOf": [value, mapping]}


def _asks_at(level: str | None) -> dict[str, Any]:
    """A requirement that is required or preferred at `level` (None: a role without levels)."""
    scalar = {"type": "string", "not": {"pattern": _BONUS}}
    branches: list[dict[str, Any]] = [{"not": {"required": ["importance"]}}, {"properties": {"importance": scalar}}]
    if level is not None:
        per_level = {"type": "object", "properties": {level: {"not": {"pattern": _BONUS}}}}
        branches.append({"properties": {"importance": per_level}})
    return {"anyOf": branches}


def _for_levels(levels: tuple[str, ...]) -> dict[str, Any]:
    """What a role with these `levels` (none: a one-level role) must hold: per-level
    values naming exactly them, and at each level a skill that is not a bonus."""
    importance = {"type": "string", "pattern": _words(IMPORTANCES)}
    requirement = {
        "properties": {
            "importance": _per_level_values(levels, importance),
            "level": _per_level_values(levels, {"$ref": "#/$defs/level"}),
        }
    }
    asks = [
        {"contains": {"type": "object", "properties": {"skills": {"contains": _asks_at(level)}}}}
        for level in (levels or (None,))
    ]
    categories = {"items": {"properties": {"skills": {"items": requirement}}}, "allOf": asks}
    return {"properties": {"categories": categories}}


def role_schema() -> dict[str, Any]:
    requirement = {
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED_REQUIREMENT_FIELDS),
        "properties": {
            "name": {**_TEXT, "description": "The skill, or the label of a one_of"},
            "one_of": _nullable(
                {
                    "type": "array",
                    "minItems": 2,
                    "uniqueItems": True,
                    "items": _TEXT,
                    "description": "Skills any one of which meets this requirement (the best counts)",
                }
            ),
            "importance": {"description": "required (default), preferred or bonus; one value, or one per level"},
            "level": {"description": f"Target proficiency {MIN_TARGET}-{MAX_LEVEL}; one value, or one per level"},
            "aliases": _nullable(_TEXT_LIST),
            "prerequisites": _nullable(
                {**_TEXT_LIST, "description": "Names of other skills of this role to learn first"}
            ),
            "learn": _nullable({**_TEXT_LIST, "description": "Concrete learning steps, in order"}),
            "why": _nullable(_TEXT),
        },
        # A one_of's options take their aliases from the vocabulary.
        "if": {"required": ["one_of"], "properties": {"one_of": {"type": "array"}}},
        "then": {"properties": {"aliases": {"type": "null"}}},
    }
    category = {
        "type": "object",
        "additionalProperties": False,
        "required": list(CATEGORY_FIELDS),
        "properties": {
            "name": _TEXT,
            "weight": {**_NUMBER, "exclusiveMinimum": 0},
            "skills": {"type": "array", "minItems": 1, "items": requirement},
        },
    }
    amount = _nullable({**_NUMBER, "minimum": 0})
    figure = {
        "type": "object",
        "additionalProperties": False,
        "required": ["label"],
        "anyOf": [
            {"required": ["amount"], "properties": {"amount": {"type": "number"}}},
            {"required": ["low", "high"], "properties": {"low": {"type": "number"}, "high": {"type": "number"}}},
        ],
        "properties": {
            "label": _TEXT,
            **dict.fromkeys(("amount", "low", "high"), amount),
            "note": _nullable(_TEXT),
        },
    }
    salary_block = {
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "figures"],
        "properties": {
            "source": _TEXT,
            "region": _nullable(_TEXT),
            "year": _nullable({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}),
            "currency": _nullable(_TEXT),
            "figures": {"type": "array", "items": figure},
        },
    }
    properties: dict[str, Any] = {
        "id": {"type": "string", "pattern": rf"^\s*{ROLE_ID_PATTERN}\s*$"},
        "title": _TEXT,
        "levels": _nullable(
            {
                "anyOf": [_levels_are(levels) for levels in _ordered_levels()],
                "description": "The seniorities the role describes, junior first ("
                + ", ".join(SENIORITIES)
                + "); without it, the role has one level",
            }
        ),
        "summary": _nullable(_TEXT),
        "responsibilities": _nullable(_TEXT_LIST),
        "career_path": _nullable(
            {
                "type": "object",
                "additionalProperties": False,
                "properties": dict.fromkeys(CAREER_FIELDS, _nullable(_TEXT_LIST)),
            }
        ),
        "salary": _nullable({"type": "array", "items": salary_block}),
        "sources": _nullable({**_TEXT_LIST, "description": "The documents the role was written from, by title"}),
        "categories": {"type": "array", "minItems": 1, "items": category},
    }
    by_levels: list[dict[str, Any]] = [
        {"if": {"required": ["levels"], "properties": {"levels": _levels_are(levels)}}, "then": _for_levels(levels)}
        for levels in _ordered_levels()
    ]
    by_levels.append({"if": {"properties": {"levels": {"type": "null"}}}, "then": _for_levels(())})
    return {
        "$schema": DRAFT,
        "title": "rolefit role profile",
        "description": "Text is trimmed; a field given as null is absent. The loader also checks: "
        + "; ".join(BEYOND_SCHEMA),
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED_ROLE_FIELDS),
        "properties": properties,
        "allOf": by_levels,
        "$defs": {"level": _target_level()},
    }
