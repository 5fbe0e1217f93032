"""`assess`: a profile against roles -> ranked results, the detailed role, the plan."""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rolefit import __version__, packaged
from rolefit.errors import RolefitError
from rolefit.formats.checks import suggestion
from rolefit.formats.roles import builtin_roles
from rolefit.model import DEFAULT_SENIORITY, Profile, Role, Seniority
from rolefit.options import DEFAULT_STEPS
from rolefit.scoring.fit import RoleIndex, RoleResult, RoleSet, rank, resolve_profile
from rolefit.scoring.plan import Plan, build_plan, plan_slot

if TYPE_CHECKING:
    from datetime import date

    from rolefit.matching.matcher import Matcher
    from rolefit.matching.vocabulary import Vocabulary
    from rolefit.scoring.fates import EntryFate

DetailReason = Literal["target", "best fit"]


@dataclass(frozen=True)
class Assessment:
    profile: Profile
    ranking: tuple[RoleResult, ...]
    detailed: RoleResult
    detail_reason: DetailReason
    plan: Plan
    level: Seniority  # the level every role was assessed at
    level_fixed: bool  # given by --level or the file's `seniority`, not the default
    entries: tuple[EntryFate, ...]  # what became of each entry of the skills file, in the detailed role

    @property
    def not_counted(self) -> tuple[EntryFate, ...]:
        """The entries that earned nothing in the detailed role."""
        from rolefit.scoring.fates import counted_for_nothing

        return counted_for_nothing(self.entries)


def build_matcher(roles: Iterable[Role], vocabulary: Vocabulary | None = None) -> Matcher:
    """One matcher for every requirement of every role in the run. A role file's
    aliases credit that role only: a custom role never changes another's scores."""
    from rolefit.matching.matcher import Matcher, Term

    return Matcher(
        (
            Term(name, r.aliases, scope=role.id)
            for role in roles
            for r in role.requirements
            for name in r.skill_names  # a one_of is matched by its options, not its label
        ),
        vocabulary,
    )


def index_role(role: Role, matcher: Matcher) -> RoleIndex:
    """A role's index, also under the scoped keys its own aliases credit."""
    from rolefit.matching.matcher import scoped_key

    index = RoleIndex(role, matcher)
    if matcher.has_scope(role.id):
        table = index.terms
        table.update({scoped_key(key, role.id): value for key, value in list(table.items())})
    return index


def check_target(profile: Profile, ids: Sequence[str]) -> None:
    """A skills file's `target` must name a known role (ids of the catalogue)."""
    if profile.target is None or profile.target in ids:
        return
    raise RolefitError.at(
        profile.source, f"target '{profile.target}' is not a known role; {suggestion(profile.target, ids)}"
    )


PREPARED = "prepared.pickle"
_PREPARED_STAMP = (__version__, 15)  # rolefit version, format


def index_roles(roles: Iterable[Role], vocabulary: Vocabulary | None = None) -> tuple[Matcher, RoleSet]:
    """What a run prepares once, whatever the number of people it scores: for the
    built-in roles and the shipped vocabulary, the copy the wheel ships (see
    compile_prepared)."""
    roles = list(roles)
    builtin = builtin_roles()
    if vocabulary is None and len(roles) == len(builtin) and all(a is b for a, b in zip(roles, builtin, strict=True)):
        prepared = load_prepared(packaged.read(PREPARED), builtin)
        if prepared is not None:
            return prepared
    matcher = build_matcher(roles, vocabulary)
    return matcher, RoleSet(index_role(role, matcher) for role in roles)


def _role_parts(roles: Sequence[Role]) -> list[object]:
    """Each role, its categories and its requirements, in order."""
    parts: list[object] = []
    for role in roles:
        parts.append(role)
        for category in role.categories:
            parts += (category, *category.requirements)
    return parts


class _RolesByNumber(pickle.Pickler):
    """Pickles each part of `roles` (see _role_parts) as its number: the roles ship
    once (roles.compile_roles), and a run has them loaded before the indexes."""

    def __init__(self, file: io.BytesIO, roles: Sequence[Role]) -> None:
        super().__init__(file, protocol=4)
        self._numbers = {id(part): number for number, part in enumerate(_role_parts(roles))}

    def persistent_id(self, obj: object) -> int | None:
        return self._numbers.get(id(obj))


class _RolesFromNumbers(pickle.Unpickler):
    def __init__(self, data: bytes, roles: Sequence[Role]) -> None:
        super().__init__(io.BytesIO(data))
        self._parts = _role_parts(roles)

    def persistent_load(self, pid: object) -> object:
        if type(pid) is not int or not 0 <= pid < len(self._parts):
            raise pickle.UnpicklingError(f"no part {pid!r} of the roles")
        return self._parts[pid]


def compile_prepared(roles: Sequence[Role]) -> bytes:
    """The matcher and role indexes for `roles`, pickled (the roles themselves by
    their number: see load_prepared). Building them is most of a run's start-up,
    loading this a fraction of it (`benchmarks/tricks.py` prints both), so the
    wheel build ships them for the built-in roles. Only this file, inside the
    installed package and stamped with the version that wrote it, is ever
    unpickled."""
    matcher = build_matcher(roles)
    role_set = RoleSet(index_role(r, matcher) for r in roles)
    for index in role_set:
        index.digest  # noqa: B018  # worked out now, shipped with the index: every json report shows it
    buffer = io.BytesIO()
    _RolesByNumber(buffer, roles).dump((_PREPARED_STAMP, matcher, role_set))
    return buffer.getvalue()


def load_prepared(data: bytes | None, roles: Sequence[Role]) -> tuple[Matcher, RoleSet] | None:
    """The shipped matcher and indexes, their roles `roles` (the ones they were
    compiled with, as loaded), or None when absent or from another version."""
    loaded = packaged.unpickled(data, _PREPARED_STAMP, 2, lambda data: _RolesFromNumbers(data, roles).load())
    return None if loaded is None else (loaded[0], loaded[1])


def assessed_level(profile: Profile, level: Seniority | None) -> tuple[Seniority, bool]:
    """The level to assess at, and whether the person chose it: `--level`, else
    the file's `seniority`, else DEFAULT_SENIORITY."""
    chosen = level or profile.seniority
    return (chosen or DEFAULT_SENIORITY), chosen is not None


def assess(
    profile: Profile,
    roles: RoleSet,
    matcher: Matcher,
    steps: int | None = DEFAULT_STEPS,
    level: Seniority | None = None,
    today: date | None = None,
) -> Assessment:
    """`level` fixes the level to assess at (see assessed_level); `today` decides
    which skills were last used too long ago (default: the date today)."""
    from rolefit.scoring.fates import account

    if today is None:
        from datetime import date

        today = date.today()
    seniority, fixed = assessed_level(profile, level)
    matches = resolve_profile(profile, matcher)
    ranking = tuple(rank(roles.score(matches, seniority)))
    target = next((r for r in ranking if r.role.id == profile.target), None)
    detailed = target or ranking[0]
    return Assessment(
        profile=profile,
        ranking=ranking,
        detailed=detailed,
        detail_reason="target" if target is not None else "best fit",
        plan=build_plan(detailed, steps, plan_slot(detailed, fixed)),
        level=seniority,
        level_fixed=fixed,
        entries=account(profile, matches, detailed, roles, matcher, today),
    )
