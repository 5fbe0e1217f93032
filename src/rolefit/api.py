"""rolefit's public Python API, for notebooks and scripts.

    from rolefit import api

    profile = api.load_profile("me.yaml")           # or profile_from_text / profile_from_dict
    roles = api.load_roles(roles_dir="my-roles/")   # the built-in roles, plus yours
    result = api.assess(profile, roles)
    result.detailed.role.title, result.detailed.fit, [s.skill for s in result.plan.steps]

    records = api.score_cohort(["cohort/"])         # one plain dict per file
    pandas.DataFrame(records)

Everything here returns data and never prints. Bad input raises
rolefit.errors.RolefitError, whose `problems` say which file, where and what;
`score_cohort` instead reports a bad file in its own record, as `batch` does.
The `rolefit assess` command runs through `assess` here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolefit.errors import RolefitError
from rolefit.matching.vocabulary import Vocabulary
from rolefit.model import Profile, Role, Seniority
from rolefit.options import DEFAULT_STEPS
from rolefit.scoring.assess import Assessment

if TYPE_CHECKING:
    from datetime import date

__all__ = [
    "Assessment",
    "Profile",
    "Role",
    "RolefitError",
    "Vocabulary",
    "assess",
    "load_profile",
    "load_roles",
    "load_vocabulary",
    "profile_from_dict",
    "profile_from_text",
    "score_cohort",
]

StrPath = str | PathLike[str]
Record = dict[str, str | int | float | bool | None]


def load_profile(path: StrPath) -> Profile:
    """A skills file, read as `rolefit assess` reads it."""
    from rolefit.formats.profiles import load_profile as load

    return load(Path(fspath(path)))


def profile_from_text(text: str, label: str = "<text>") -> Profile:
    """A skills file's YAML text; `label` names it in messages."""
    from rolefit.formats.profiles import parse_profile

    return parse_profile(text, label)


def profile_from_dict(data: Mapping[str, Any], label: str = "<dict>") -> Profile:
    """A skills file as data ({"skills": {"Python": 4}}), checked by the same rules."""
    from rolefit.formats.profiles import profile_from_data

    return profile_from_data(dict(data), label)


def load_roles(roles_dir: StrPath | None = None, names: Sequence[str] = ()) -> list[Role]:
    """The built-in roles, plus those of `roles_dir`; with `names` (role ids or paths
    to role files), only those, in that order."""
    from rolefit.formats.roles import select_roles

    folder = None if roles_dir is None else Path(fspath(roles_dir))
    return select_roles(list(names), folder)[1]


def load_vocabulary(path: StrPath) -> Vocabulary:
    """The shipped vocabulary merged with a vocabulary file of yours (aliases,
    implications), for `assess` and `score_cohort`."""
    from rolefit.matching.vocabulary import load_user_vocabulary
    from rolefit.matching.vocabulary import load_vocabulary as shipped

    return load_user_vocabulary(Path(fspath(path)), shipped())


def _roles(roles: Iterable[Role] | None) -> list[Role]:
    return load_roles() if roles is None else list(roles)


def assess(
    profile: Profile,
    roles: Iterable[Role] | None = None,
    *,
    level: Seniority | None = None,
    steps: int | None = DEFAULT_STEPS,
    vocabulary: Vocabulary | None = None,
    known_roles: Sequence[str] | None = None,
    today: date | None = None,
) -> Assessment:
    """`profile` against `roles` (default: the built-in ones): every role's fit,
    the detailed role (the profile's target, else the best fit), its learning plan
    (`steps` long; None for every gap) and what became of each entry.

    `level` overrides the profile's `seniority`. The profile's `target` must be one
    of `known_roles` (default: the ids of `roles`)."""
    from rolefit.scoring.assess import assess as run
    from rolefit.scoring.assess import check_target, index_roles

    chosen = _roles(roles)
    if not chosen:
        raise RolefitError.at("roles", "no roles to assess against")
    check_target(profile, [r.id for r in chosen] if known_roles is None else known_roles)
    matcher, indexes = index_roles(chosen, vocabulary)
    return run(profile, indexes, matcher, steps, level, today)


def score_cohort(
    paths: Sequence[StrPath],
    roles: Iterable[Role] | None = None,
    *,
    level: Seniority | None = None,
    vocabulary: Vocabulary | None = None,
    known_roles: Sequence[str] | None = None,
    jobs: int = 1,
) -> list[Record]:
    """Every skills file of `paths` (files, or folders searched for *.yaml and
    *.yml), scored as `rolefit batch` scores them: one flat record per file, in a
    stable order, with the same keys in every record, so that
    `pandas.DataFrame(records)` is a table of the cohort.

    A learner's record: file, name, target, role (the detailed role's id),
    detail_reason, level, fit, ready_for, required_met, required_total, skills,
    assumed_levels, top_gaps (joined by "; "), a `fit:<role id>` per role, and
    error None. A file that could not be read has its `error` (every problem, one
    per line) and None elsewhere."""
    from rolefit.cohort.batch import FileError, discover, score_files, worker_count
    from rolefit.scoring.assess import index_roles
    from rolefit.scoring.figures import decided

    chosen = _roles(roles)
    files, missing, _ = discover([Path(fspath(p)) for p in paths])
    prepared = index_roles(chosen, vocabulary)
    indexes = prepared[1]
    ids = [r.id for r in chosen] if known_roles is None else list(known_roles)
    empty: Record = dict.fromkeys(_COLUMNS) | {f"fit:{index.role.id}": None for index in indexes}
    records: list[Record] = []
    outcomes = score_files(files, prepared, ids, worker_count(jobs, len(files)), None, level)
    try:
        for outcome in [*missing, *outcomes]:
            if isinstance(outcome, FileError):
                error = "\n".join(str(problem) for problem in outcome.problems)
                records.append(empty | {"file": outcome.source, "error": error})
                continue
            shown = indexes[outcome.detailed]
            records.append(
                empty
                | {
                    "file": outcome.source,
                    "name": outcome.name,
                    "target": outcome.target,
                    "role": shown.role.id,
                    "detail_reason": outcome.detail_reason,
                    "level": outcome.level,
                    "fit": decided(outcome.fits[outcome.detailed]),
                    "ready_for": outcome.ready_for,
                    "required_met": outcome.required_met[outcome.detailed],
                    "required_total": len(shown.required_at(outcome.level)),
                    "skills": outcome.skills,
                    "assumed_levels": outcome.assumed_levels,
                    "top_gaps": "; ".join(outcome.top_gaps),
                }
                | {f"fit:{index.role.id}": decided(fit) for index, fit in zip(indexes, outcome.fits, strict=True)}
            )
    finally:
        outcomes.close()  # stops the workers of a run cut short
    return records


_COLUMNS = (
    "file",
    "name",
    "target",
    "role",
    "detail_reason",
    "level",
    "fit",
    "ready_for",
    "required_met",
    "required_total",
    "skills",
    "assumed_levels",
    "top_gaps",
    "error",
)
