"""`rolefit validate`: detect a file's kind and collect its problems."""

from __future__ import annotations

from pathlib import Path

from rolefit.errors import Problem, RolefitError
from rolefit.profiles import profile_from_data
from rolefit.roles import ROLE_FIELDS, role_from_data
from rolefit.yamlsafe import MarkedMap, load_file

_ROLE_ONLY = frozenset(ROLE_FIELDS)  # no skills-file field is also a role field


def file_kind(data: object) -> str:
    """A role file has role-only fields; anything else is checked as a skills file."""
    if isinstance(data, MarkedMap) and _ROLE_ONLY.intersection(k for k in data if isinstance(k, str)):
        return "role"
    return "skills"


def validate_file(path: Path, *, strict: bool = False) -> tuple[str, list[Problem], list[Problem]]:
    """The kind ('skills', 'role' or 'unknown'), every problem found, and the
    warnings of a valid skills file. `strict` reads skills files by the strict rules."""
    where = str(path)
    try:
        data = load_file(path)
    except RolefitError as exc:
        return "unknown", list(exc.problems), []
    kind = file_kind(data)
    warnings: list[Problem] = []
    try:
        if kind == "role":
            role_from_data(data, where)
        else:
            warnings = list(profile_from_data(data, where, strict=strict).warnings)
    except RolefitError as exc:
        return kind, list(exc.problems), []
    return kind, [], warnings
