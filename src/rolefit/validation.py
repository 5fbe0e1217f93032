"""`rolefit validate`: detect a file's kind and collect its problems."""

from __future__ import annotations

from pathlib import Path

from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.profiles import profile_from_data
from rolefit.roles import ROLE_FIELDS, role_from_data
from rolefit.vocabulary import load_vocabulary, user_vocabulary_from_data
from rolefit.yamlsafe import MarkedMap, load_file

_ROLE_ONLY = frozenset(ROLE_FIELDS)  # no skills-file field is also a role field
_VOCABULARY_ONLY = {"never_match", "ambiguous"}
_VOCABULARY_SKILL_ONLY = {"aliases", "implies"}


def file_kind(data: object) -> str:
    """A role file has role-only fields; a vocabulary file has never_match or
    ambiguous, or skills with aliases or implies; anything else is checked as a
    skills file."""
    if not isinstance(data, MarkedMap):
        return "skills"
    keys = {k for k in data if isinstance(k, str)}
    if _ROLE_ONLY & keys:
        return "role"
    skills = data.get("skills")
    if _VOCABULARY_ONLY & keys or (
        isinstance(skills, list) and any(isinstance(s, dict) and _VOCABULARY_SKILL_ONLY & set(s) for s in skills)
    ):
        return "vocabulary"
    return "skills"


def validate_file(path: Path, *, strict: bool = False) -> tuple[str, list[Problem], list[Problem]]:
    """The kind ('skills', 'role', 'vocabulary' or 'unknown'), every problem found,
    and the warnings of a valid skills file. `strict` reads skills files by the strict rules."""
    where = shown_path(path)
    try:
        data = load_file(path, where)
    except RolefitError as exc:
        return "unknown", list(exc.problems), []
    kind = file_kind(data)
    warnings: list[Problem] = []
    try:
        if kind == "role":
            role_from_data(data, where)
        elif kind == "vocabulary":
            user_vocabulary_from_data(data, where, load_vocabulary())
        else:
            warnings = list(profile_from_data(data, where, strict=strict).warnings)
    except RolefitError as exc:
        return kind, list(exc.problems), []
    return kind, [], warnings
