"""`rolefit diff OLD NEW`: what changed between two assessments of one person.

Both sides are `assess --format json` documents (a skills file is assessed on
the spot and turned into one), so a report saved a month ago compares with one
made today. Each role's content is summed up in a digest stored in the report:
when a role changed between the two runs, a fit that moved may have moved with
the role, not with the person, and the diff says so first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolefit.errors import RolefitError, shown_path

if TYPE_CHECKING:
    from pathlib import Path

    from rolefit.matching.matcher import Matcher
    from rolefit.model import Seniority
    from rolefit.scoring.fit import RoleSet

Report = Mapping[str, Any]


@dataclass(frozen=True)
class RequirementChange:
    name: str
    category: str
    importance: str  # now
    target: int  # now
    status_before: str
    status_after: str
    level_before: int | None
    level_after: int | None


@dataclass(frozen=True)
class LevelFit:
    level: str
    before: float | None  # None: the role had no such level then
    after: float | None


@dataclass(frozen=True)
class RoleDiff:
    id: str
    title: str
    level_before: str  # the level each report assessed requirements at
    level_after: str
    fits: tuple[LevelFit, ...]
    ready_before: str | None
    ready_after: str | None
    role_changed: bool  # the digests differ
    digest_known: bool  # both reports hold a digest
    newly_met: tuple[RequirementChange, ...]
    newly_below: tuple[RequirementChange, ...]  # met then, below target or missing now
    improved: tuple[RequirementChange, ...]  # not met either time, a higher level now
    still_missing: tuple[RequirementChange, ...]

    @property
    def fit_change(self) -> float | None:
        """At the level assessed now."""
        for fit in self.fits:
            if fit.level == self.level_after and fit.before is not None and fit.after is not None:
                return round(fit.after - fit.before, 1)
        return None


@dataclass(frozen=True)
class SkillChange:
    name: str  # as written now (then, for a removed skill)
    before: int | None
    after: int | None


@dataclass(frozen=True)
class ReportDiff:
    old: str  # where each side came from
    new: str
    name: str | None
    level_before: str
    level_after: str
    roles_changed: tuple[str, ...]  # ids of roles whose content differs
    roles_unknown: tuple[str, ...]  # ids without a digest on one side (an older report)
    roles_only_before: tuple[str, ...]
    roles_only_after: tuple[str, ...]
    detailed: str  # the role in focus now
    roles: tuple[RoleDiff, ...]  # the role in focus first, then in the order of the newer ranking
    plan_role: str
    plan_done: tuple[str, ...]  # steps of the earlier plan now met
    plan_left: tuple[str, ...]  # steps of the earlier plan still to do
    skills_added: tuple[SkillChange, ...]
    skills_removed: tuple[SkillChange, ...]
    levelled_up: tuple[SkillChange, ...]
    levelled_down: tuple[SkillChange, ...]


def read_report(path: Path) -> Report:
    """An `assess --format json` report, checked enough to compare."""
    where = shown_path(path)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise RolefitError.at(where, f"cannot read: {exc.strerror or exc}") from None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise RolefitError.at(
            where, "is not JSON (give a skills file or `rolefit assess --format json` output)"
        ) from None
    return check_report(document, where)


def check_report(document: Any, where: str) -> Report:
    shape = isinstance(document, dict) and all(k in document for k in ("person", "roles", "plan", "level"))
    if not shape or not isinstance(document["roles"], list):
        raise RolefitError.at(
            where, "is not an assess report (give a skills file or `rolefit assess --format json` output)"
        )
    return document  # type: ignore[no-any-return]


def looks_like_json(path: Path) -> bool:
    """A report, rather than a skills file: by its name, else by its first character."""
    if path.suffix.lower() == ".json":
        return True
    try:
        with path.open("rb") as handle:
            start = handle.read(64).lstrip()
    except OSError:
        return False
    return start.startswith(b"{")


def diff_reports(old: Report, new: Report, old_source: str, new_source: str) -> ReportDiff:
    """What changed from `old` to `new` (two assess reports of one person)."""
    try:
        return _diff(old, new, old_source, new_source)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise RolefitError.at(f"{old_source}, {new_source}", "a report has an unexpected shape") from None


def _diff(old: Report, new: Report, old_source: str, new_source: str) -> ReportDiff:
    before = {r["id"]: r for r in old["roles"]}
    after = {r["id"]: r for r in new["roles"]}
    common = [i for i in after if i in before]
    changed = tuple(
        i
        for i in common
        if before[i].get("digest") and after[i].get("digest") and before[i]["digest"] != after[i]["digest"]
    )
    unknown = tuple(i for i in common if not (before[i].get("digest") and after[i].get("digest")))
    detailed = new.get("detailed_role") or new["roles"][0]["id"]
    ordered = sorted(common, key=lambda i: (i != detailed, common.index(i)))
    plan = old["plan"]
    plan_role = plan["role"]
    met_now = _met(after.get(plan_role))
    steps = [s["skill"] for s in plan["steps"]]
    added, removed, up, down = _skills(old["person"]["skills"], new["person"]["skills"])
    return ReportDiff(
        old=old_source,
        new=new_source,
        name=new["person"].get("name") or old["person"].get("name"),
        level_before=old["level"],
        level_after=new["level"],
        roles_changed=changed,
        roles_unknown=unknown,
        roles_only_before=tuple(i for i in before if i not in after),
        roles_only_after=tuple(i for i in after if i not in before),
        detailed=detailed,
        roles=tuple(_role(before[i], after[i], i in changed, i not in unknown) for i in ordered),
        plan_role=plan_role,
        plan_done=tuple(s for s in steps if s in met_now),
        plan_left=tuple(s for s in steps if s not in met_now),
        skills_added=added,
        skills_removed=removed,
        levelled_up=up,
        levelled_down=down,
    )


def _requirements(role: Report | None) -> dict[str, Report]:
    if role is None:
        return {}
    return {r["requirement"]: r for c in role["categories"] for r in c["requirements"]}


def _met(role: Report | None) -> set[str]:
    return {name for name, r in _requirements(role).items() if r["status"] == "met"}


def _role(old: Report, new: Report, changed: bool, known: bool) -> RoleDiff:
    then, now = _requirements(old), _requirements(new)
    newly_met, newly_below, improved, missing = [], [], [], []
    for name, r in now.items():
        was = then.get(name)
        status_before = was["status"] if was else "missing"
        level_before = was["user_level"] if was else None
        move = RequirementChange(
            name=name,
            category=r["category"],
            importance=r["importance"],
            target=r["target_level"],
            status_before=status_before,
            status_after=r["status"],
            level_before=level_before,
            level_after=r["user_level"],
        )
        if r["status"] == "met":
            if status_before != "met":
                newly_met.append(move)
        elif status_before == "met":
            newly_below.append(move)
        elif (r["user_level"] or 0) > (level_before or 0):
            improved.append(move)
        elif r["status"] == "missing" and status_before == "missing":
            missing.append(move)
    levels = list(new["fit_by_level"]) + [level for level in old["fit_by_level"] if level not in new["fit_by_level"]]
    return RoleDiff(
        id=new["id"],
        title=new["title"],
        level_before=old["level"],
        level_after=new["level"],
        fits=tuple(LevelFit(level, old["fit_by_level"].get(level), new["fit_by_level"].get(level)) for level in levels),
        ready_before=old["ready_for"],
        ready_after=new["ready_for"],
        role_changed=changed,
        digest_known=known,
        newly_met=tuple(newly_met),
        newly_below=tuple(newly_below),
        improved=tuple(improved),
        still_missing=tuple(m for m in missing if m.importance == "required")
        + tuple(m for m in missing if m.importance != "required"),
    )


def _skills(
    old: Sequence[Report], new: Sequence[Report]
) -> tuple[tuple[SkillChange, ...], tuple[SkillChange, ...], tuple[SkillChange, ...], tuple[SkillChange, ...]]:
    """Skills by name, regardless of case and spacing; the first entry of a name counts."""

    def by_key(skills: Sequence[Report]) -> dict[str, Report]:
        found: dict[str, Report] = {}
        for skill in skills:
            found.setdefault(" ".join(str(skill["name"]).casefold().split()), skill)
        return found

    then, now = by_key(old), by_key(new)
    added = tuple(SkillChange(s["name"], None, s["level"]) for k, s in now.items() if k not in then)
    removed = tuple(SkillChange(s["name"], s["level"], None) for k, s in then.items() if k not in now)
    both = [(then[k], s) for k, s in now.items() if k in then]
    up = tuple(SkillChange(s["name"], t["level"], s["level"]) for t, s in both if s["level"] > t["level"])
    down = tuple(SkillChange(s["name"], t["level"], s["level"]) for t, s in both if s["level"] < t["level"])
    return added, removed, up, down


def report_of(
    path: Path, prepared: tuple[Matcher, RoleSet], catalogue_ids: Sequence[str], level: Seniority | None
) -> Report:
    """One side of a diff: an assess report as saved, or a skills file assessed
    now with the run's roles (the same for both sides)."""
    if looks_like_json(path):
        return read_report(path)
    from rolefit.formats.profiles import load_profile
    from rolefit.render.json import report_data
    from rolefit.scoring.assess import assess, check_target

    profile = load_profile(path)
    check_target(profile, catalogue_ids)
    matcher, indexes = prepared
    return report_data(assess(profile, indexes, matcher, level=level))
