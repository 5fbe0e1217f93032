"""`rolefit validate`: detect a file's kind and collect its problems."""

from __future__ import annotations

from pathlib import Path

from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.profiles import profile_from_data
from rolefit.roles import role_from_data
from rolefit.yamlsafe import MarkedMap, load_file

_ROLE_ONLY = {"id", "title", "categories", "summary", "responsibilities", "career_path", "salary", "sources"}


def file_kind(data: object) -> str:
    """A role file has role-only fields; anything else is checked as a skills file."""
    if isinstance(data, MarkedMap) and _ROLE_ONLY.intersection(k for k in data if isinstance(k, str)):
        return "role"
    return "skills"


def validate_file(path: Path) -> tuple[str, list[Problem]]:
    """The kind ('skills', 'role' or 'unknown') and every problem found."""
    where = shown_path(path)
    try:
        data = load_file(path, where)
    except RolefitError as exc:
        return "unknown", list(exc.problems)
    kind = file_kind(data)
    try:
        if kind == "role":
            role_from_data(data, where)
        else:
            profile_from_data(data, where)
    except RolefitError as exc:
        return kind, list(exc.problems)
    return kind, []
