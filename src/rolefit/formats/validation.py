"""`rolefit validate`: detect a file's kind and collect its problems."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rolefit.errors import Problem, RolefitError, shown_path
from rolefit.formats.profiles import file_draft_hint, profile_from_data
from rolefit.formats.roles import ROLE_FIELDS, role_from_data
from rolefit.matching.vocabulary import load_vocabulary, user_vocabulary_from_data
from rolefit.model import Profile
from rolefit.yaml.safe import MarkedMap, load_file, value_mark

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


def validate_file(
    path: Path, *, strict: bool = False, role_ids: Sequence[str] | None = None
) -> tuple[str, list[Problem], list[Problem]]:
    """The kind ('skills', 'role', 'vocabulary' or 'unknown'), every problem found,
    and the warnings of a valid skills file. `strict` reads skills files by the strict rules.

    A skills file's `target` must be one of `role_ids` (default: the built-in roles),
    as `assess` checks it: a file `validate` passes, `assess` reads."""
    where = shown_path(path)
    try:
        data = load_file(path, where)
    except RolefitError as exc:
        return "unknown", [*exc.problems, *_draft_hint(path, where)], []
    kind = file_kind(data)
    warnings: list[Problem] = []
    try:
        if kind == "role":
            role_from_data(data, where)
        elif kind == "vocabulary":
            user_vocabulary_from_data(data, where, load_vocabulary())
        else:
            profile = profile_from_data(data, where, strict=strict)
            warnings = list(profile.warnings)
            _check_target(profile, data, role_ids)
    except RolefitError as exc:
        return kind, [*exc.problems, *(_draft_hint(path, where) if kind == "skills" else ())], []
    return kind, [], warnings


def _draft_hint(path: Path, where: str) -> list[Problem]:
    """A résumé given in place of a skills file: how to draft one."""
    hint = file_draft_hint(path, where)
    return [] if hint is None else [hint]


def _check_target(profile: Profile, data: object, role_ids: Sequence[str] | None) -> None:
    from rolefit.scoring.assess import check_target

    if role_ids is None:
        from rolefit.formats.roles import builtin_roles

        role_ids = [role.id for role in builtin_roles()]
    try:
        check_target(profile, role_ids)
    except RolefitError as exc:
        line, column = value_mark(data, "target") or (None, None)
        raise RolefitError([replace(p, line=line, column=column) for p in exc.problems]) from None
