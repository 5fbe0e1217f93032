"""`rolefit explain TEXT...`: how rolefit reads a string, step by step. Data in, data out.

For people puzzled by a report ("why did my 'Monitoring' not count?") and for
people writing roles: the level written into the text, its normalised form, the
pieces of a compound entry, every skill it resolves to and by which layer, the
close names it was not read as and why, and which roles ask for each skill.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.formats.proficiency import Reading, split_name
from rolefit.model import DEFAULT_SENIORITY, Importance

if TYPE_CHECKING:
    from rolefit.matching.matcher import FuzzyPolicy, Matcher, MatchMethod
    from rolefit.scoring.fit import RoleIndex

NEAR_MISS_CUTOFF = 70  # rapidfuzz ratio of the normalised forms, 0-100
NEAR_MISSES_SHOWN = 3


@dataclass(frozen=True)
class Asked:
    """A role that asks for a skill, with how much and at what level."""

    role: str  # id
    title: str
    requirement: str  # the requirement's name in that role
    importance: Importance
    target: int


@dataclass(frozen=True)
class Resolved:
    """One skill the text is read as."""

    skill: str
    method: MatchMethod  # the layer: exact, alias, implied or fuzzy
    via: str  # the alias, implying skill or typo candidate; "" for exact
    part: str  # the piece of the text that matched
    score: float
    asked_by: tuple[Asked, ...]


@dataclass(frozen=True)
class NearMiss:
    """A known name close to the text that it was not read as."""

    written: str  # the name or alias, normalised
    skill: str
    similarity: float  # 0-100
    reason: str


@dataclass(frozen=True)
class Explanation:
    text: str
    name: str  # without a level written into it
    level: Reading | None  # a level or years written into the text
    normalised: str
    parts: tuple[str, ...]  # the pieces of a compound entry; empty when whole
    resolved: tuple[Resolved, ...]
    near_misses: tuple[NearMiss, ...]


def explain(texts: Iterable[str], matcher: Matcher, roles: Sequence[RoleIndex]) -> tuple[Explanation, ...]:
    forms = matcher.known_forms()
    return tuple(explain_one(text, matcher, roles, forms) for text in texts)


def explain_one(
    text: str, matcher: Matcher, roles: Sequence[RoleIndex], forms: Mapping[str, tuple[str, ...]] | None = None
) -> Explanation:
    """`forms`: the matcher's known names (Matcher.known_forms), fetched when not given."""
    from rolefit.matching.matcher import split_compound
    from rolefit.matching.normalise import normalise

    written = " ".join(text.split())
    split = split_name(written)
    name, level = (split[0], split[1]) if split is not None else (written, None)
    hits = matcher.resolve(name)
    resolved = tuple(
        Resolved(
            skill=matcher.display_name(key),
            method=hit.method,
            via=hit.via,
            part=hit.part,
            score=round(hit.score, 1),
            asked_by=_asked_by(key, roles),
        )
        for key, hit in sorted(hits.items(), key=lambda item: (_METHOD_ORDER[item[1].method], item[0]))
    )
    parts = split_compound(name)
    found = {r.skill for r in resolved}
    ambiguous = _in_context(parts or (name,), found, matcher) + tuple(
        NearMiss(normalise(part), matcher.display_name(key), 100.0, EVERYDAY_REASON)
        for part, key in matcher.everyday_senses(name)
        if matcher.display_name(key) not in found
    )
    return Explanation(
        text=text,
        name=name,
        level=level,
        normalised=normalise(name),
        parts=parts if len(parts) > 1 else (),
        resolved=resolved,
        near_misses=ambiguous
        + _near_misses(name, found | {m.skill for m in ambiguous}, matcher, forms or matcher.known_forms()),
    )


CONTEXT_SHOWN = 4  # skills named in an in-context reason
EVERYDAY_REASON = (
    "a name that is also an everyday word, read here in that sense: in a longer entry it counts "
    "with a level, in a list of names, beside another skill or on a line about technical work"
)


def _in_context(parts: Sequence[str], found: set[str], matcher: Matcher) -> tuple[NearMiss, ...]:
    """The short forms among ``parts`` that mean different skills to different people
    and were not read as one here, each with what would make it count."""
    from rolefit.matching.normalise import normalise

    misses = []
    for part in parts:
        form = normalise(part)
        for skill, beside, kind in matcher.context_readings(form):
            if skill in found:
                continue
            shown = ", ".join(beside[:CONTEXT_SHOWN]) + (", ..." if len(beside) > CONTEXT_SHOWN else "")
            where = f"beside a skill of its field in the same entry ({shown})"
            if kind == "alone":
                reason = f"alone it is, but beside other skills only {where}"
            elif kind == "entry":
                reason = f"as a whole entry it is, but in a longer one only {where}"
            else:
                reason = f"too ambiguous alone: only {where}, or as a whole entry of a skills file that lists one"
            misses.append(NearMiss(form, skill, 100.0, reason))
    return tuple(misses)


_METHOD_ORDER = {"exact": 0, "alias": 1, "fuzzy": 2, "implied": 3}


def _asked_by(key: str, roles: Sequence[RoleIndex]) -> tuple[Asked, ...]:
    asked = []
    for index in roles:
        slot = index.role.slot(DEFAULT_SENIORITY)  # as roles are ranked by default
        for position, _ in index.terms.get(key, ()):
            requirement = index.requirements[position]
            asked.append(
                Asked(
                    index.role.id,
                    index.role.title,
                    requirement.name,
                    requirement.importance_at(slot),
                    requirement.target_at(slot),
                )
            )
    return tuple(asked)


def _near_misses(
    name: str, found: set[str], matcher: Matcher, forms: Mapping[str, tuple[str, ...]]
) -> tuple[NearMiss, ...]:
    from rapidfuzz import fuzz, process

    from rolefit.matching.normalise import normalise

    form = normalise(name)
    misses: list[NearMiss] = []
    seen = set(found)
    for candidate, similarity, _ in process.extract(
        form, list(forms), scorer=fuzz.ratio, score_cutoff=NEAR_MISS_CUTOFF, limit=20
    ):
        skill = forms[candidate][0]
        if skill in seen or candidate == form:
            continue
        seen.add(skill)
        misses.append(NearMiss(candidate, skill, round(similarity, 1), _why_not(form, candidate, matcher, bool(found))))
        if len(misses) == NEAR_MISSES_SHOWN:
            break
    return tuple(misses)


_WORD_SPLIT = re.compile(r"[\s\-_/]+")


def _why_not(typed: str, known: str, matcher: Matcher, matched: bool) -> str:
    """Why `typed` was not read as `known`: the typo rules (matching.typo_distance)
    in words. The verdict is the matcher's; only the wording is worked out here."""
    from rolefit.matching.matcher import typo_distance

    policy = matcher.policy
    a = tuple(w for w in _WORD_SPLIT.split(typed) if w)
    b = tuple(w for w in _WORD_SPLIT.split(known) if w)
    if len("".join(a)) < policy.min_length:
        return f"too short to be read as a typo (under {policy.min_length} letters)"
    if matcher.context_readings(typed):
        return "it means different skills to different people, so it is no typo of another name either"
    if typo_distance(a, b, policy) is not None:
        if matched:
            return "a typo is looked for only when nothing matches exactly"
        return "another skill is as close, or the two are kept apart on purpose (never_match)"
    if len(a) != len(b):
        return "a different number of words: a typo changes letters, not words"
    return _word_reason(a, b, policy)


def _word_reason(a: tuple[str, ...], b: tuple[str, ...], policy: FuzzyPolicy) -> str:
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        shorter, longer = sorted((x, y), key=len)
        if len(longer) <= policy.max_exact_word_length:
            return f"'{x}' and '{y}' are short words, which must be spelt exactly"
        if x[0] != y[0]:
            return f"'{x}' and '{y}' start differently"
        if shorter in longer:
            return f"'{longer}' is '{shorter}' plus a piece: another word, not a typo"
        from rapidfuzz.distance import OSA

        edits = OSA.distance(x, y)
        if edits > (2 if len(longer) >= policy.two_edit_word_length else 1):
            return (
                f"'{x}' is {edits} edits from '{y}'; a word of under {policy.two_edit_word_length} letters "
                "may differ by one"
            )
        if len(longer) <= policy.max_no_substitution_length and len(x) == len(y) and sorted(x) != sorted(y):
            return (
                f"a changed letter in a word of {policy.max_no_substitution_length} letters or fewer makes another word"
            )
    return f"more edits than a typo (at most {policy.max_total_edits} in all, one per short word)"
