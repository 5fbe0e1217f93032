"""What became of every entry of a skills file, in the role in focus. Data in, data out.

Each entry gets exactly one fate, the first that applies:

1. duplicate: the same skill written again (same name after normalising case,
   spacing and versions: `Python: 4` and `python: 2`); the entry that counted,
   or else the first, keeps its own fate and the others point to it;
2. level 0: rated 0 (none), so it earns nothing; listed, never hidden;
3. counted: credited for one or more requirements of the role (which, and how);
4. counted through another entry: it matches requirements of the role, but
   another entry earned more for each of them;
5. not asked: recognised, but the role does not ask for it (the roles of the
   run that do are named);
6. not recognised: no skill rolefit knows, with a "did you mean" when a known
   name is close; or a short form too ambiguous alone ("CV", "Transformers") that
   the file's other entries did not settle, with the skills to write instead.

An entry last used more than proficiency.STALE_YEARS years ago is flagged (`stale`),
whatever its fate: it still counts, as the person rated it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from rolefit.formats.proficiency import is_stale
from rolefit.model import Profile, Skill

if TYPE_CHECKING:
    from rolefit.matching.matcher import Hit, Matcher
    from rolefit.scoring.fit import RequirementResult, RoleResult, RoleSet

Fate = Literal["counted", "through_other", "not_asked", "not_recognised", "level_zero", "duplicate"]
FATES: tuple[Fate, ...] = ("counted", "through_other", "not_asked", "not_recognised", "level_zero", "duplicate")
SUGGESTION_CUTOFF = 80  # rapidfuzz ratio of the normalised forms, 0-100


@dataclass(frozen=True)
class EntryFate:
    """One entry of the skills file and what became of it."""

    number: int  # 1-based, in file order
    skill: Skill
    fate: Fate
    counted_for: tuple[RequirementResult, ...] = ()  # counted: the requirements it earned credit in
    other: int | None = None  # through_other, duplicate: the number of the entry that counted instead
    recognised_as: tuple[str, ...] = ()  # the skills rolefit read it as (not for not_recognised)
    asked_by: tuple[str, ...] = ()  # not_asked: ids of the run's roles that ask for it
    suggestion: str | None = None  # not_recognised: a close known name
    # not_recognised: a short form too ambiguous alone ("CV", "Transformers"): the
    # skills to write instead (those the file's other entries point to, else all)
    choices: tuple[str, ...] = ()
    stale: bool = False  # last used more than proficiency.STALE_YEARS years ago


def counted_for_nothing(entries: Sequence[EntryFate]) -> tuple[EntryFate, ...]:
    """The entries that earned nothing in the role in focus, in file order: every
    fate but counted (the report's "not counted for this role")."""
    return tuple(entry for entry in entries if entry.fate != "counted")


def account(
    profile: Profile,
    matches: Sequence[tuple[Skill, Mapping[str, Hit]]],
    detailed: RoleResult,
    roles: RoleSet,
    matcher: Matcher,
    today: date,
) -> tuple[EntryFate, ...]:
    """The fate of every entry of `profile` in the role `detailed`, in file order."""
    from rolefit.matching.normalise import normalise

    skills = profile.skills
    first_of: dict[tuple[str, int], int] = {}  # a skill's name and level -> its first entry (see RoleResult.skill_of)
    for number, skill in enumerate(skills, start=1):
        first_of.setdefault((skill.name, skill.level), number)

    counted: dict[int, list[int]] = {}  # entry -> positions it earned credit in
    earner: dict[int, int] = {}  # position -> entry credited
    for position, credited in detailed.matched.items():
        number = first_of[credited.source]
        earner[position] = number
        if detailed.credit(position) > 0:
            counted.setdefault(number, []).append(position)

    groups: dict[str, list[int]] = {}
    for number, skill in enumerate(skills, start=1):
        groups.setdefault(normalise(skill.name), []).append(number)
    keeper: dict[int, int] = {}  # entry -> the entry of its group that keeps its fate
    for members in groups.values():
        kept = next((n for n in members if n in counted), members[0])
        for number in members:
            keeper[number] = kept

    terms = detailed.index.terms
    forms: Mapping[str, tuple[str, ...]] | None = None  # the known names, fetched when first needed
    fates = []
    for number, (skill, hits) in enumerate(matches, start=1):
        fate: Fate
        results: tuple[RequirementResult, ...] = ()
        other: int | None = None
        asked_by: tuple[str, ...] = ()
        suggestion: str | None = None
        choices: tuple[str, ...] = ()
        asked = [p for key in hits for p, _ in terms.get(key, ())]
        if keeper[number] != number:
            fate, other = "duplicate", keeper[number]
        elif skill.level == 0:
            fate = "level_zero"
        elif number in counted:
            fate, results = "counted", tuple(detailed.result(p) for p in sorted(counted[number]))
        elif asked:
            fate = "through_other"
            other = next((earner[p] for p in asked if earner.get(p, number) != number), None)
        elif hits:
            fate = "not_asked"
            asked_by = tuple(i.role.id for i in roles if any(key in i.terms for key in hits))
        else:
            fate = "not_recognised"
            others = (other for n, (_, other) in enumerate(matches, start=1) if n != number)
            choices = matcher.choices_in_file(skill.name, others)
            if not choices:
                if forms is None:
                    forms = matcher.known_forms()
                suggestion = suggest(skill.name, forms)
        fates.append(
            EntryFate(
                number=number,
                skill=skill,
                fate=fate,
                counted_for=results,
                other=other,
                recognised_as=tuple(dict.fromkeys(matcher.display_name(key) for key in hits)),
                asked_by=asked_by,
                suggestion=suggestion,
                choices=choices,
                stale=is_stale(skill.last_used, today),
            )
        )
    return tuple(fates)


def suggest(text: str, forms: Mapping[str, tuple[str, ...]]) -> str | None:
    """A known skill name close to `text`, for "did you mean"; None if none is close.
    `forms` are the matcher's known names (Matcher.known_forms)."""
    from rapidfuzz import fuzz, process

    from rolefit.matching.normalise import normalise

    found = process.extractOne(normalise(text), forms.keys(), scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF)
    if found is None:
        return None
    return forms[found[0]][0]
