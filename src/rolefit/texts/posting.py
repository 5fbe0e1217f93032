"""A role built from a job posting's text, read the way a recruiter reads it.

- Sections: "Requirements", "What you'll bring", "Minimum qualifications", "Who you
  are", "Must have" give required skills; "Nice to have", "Preferred", "Bonus
  points" give preferred ones; duties ("What you'll do", "Responsibilities") count
  as required. The company blurb, benefits and the application notes give nothing.
  A posting without recognisable sections is read whole, as requirements.
- Inside a sentence, "... is a plus", "nice to have", "bonus", "preferred",
  "ideally" (or a line that starts "Bonus:") make its skills preferred; "must",
  "required" make them required. A line that starts "We offer", "Perks" or
  "Benefits" asks for nothing.
- Alternatives make one "one of" requirement: skills joined by "or", a list after
  "one of" / "any of" / "either", and skills joined by "/" when they are of one
  kind (languages, deep learning frameworks, cloud platforms): "Python/Go/C++" is
  a choice, "Docker/K8s" is both.
- Target levels: what the text states ("5+ years of Python" -> 4, "expert in" ->
  5, "familiarity with" -> 2: see extract.stated_level); otherwise 3, or 4 for a
  senior posting. The seniority comes from the title (intern, junior, graduate ->
  entry; senior, staff, principal, lead -> senior; else mid).
- Each requirement keeps the line it came from, shown as the requirement's `why`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from rolefit.errors import RolefitError
from rolefit.formats.profiles import has_skills_field
from rolefit.texts.documents import Document
from rolefit.texts.extract import (
    CATEGORY_ORDER,
    OTHER,
    VAGUE,
    Line,
    Mention,
    PhraseIndex,
    heading_of,
    split_lines,
    stated_level,
    strip_emphasis,
)
from rolefit.texts.prepared import regex

Importance = Literal["required", "preferred"]
Seniority = Literal["entry", "mid", "senior"]

_REQUIRED_SECTION = regex(
    r"requirement|qualification|what you['\u2019]?ll (?:bring|need)|what we(?:['\u2019]?re| are)? look(?:ing)? for|who you are|"
    r"must[- ]haves?|you (?:have|bring|should have)|about you|your (?:skills|profile|background|experience)|"
    r"skills|experience|essential|what you need|ideal candidate|you['\u2019]?ll be great",
    re.IGNORECASE,
)
_PREFERRED_SECTION = regex(
    r"nice[- ]to[- ]haves?|preferred|bonus|a plus|ideally|good to have|desirable|desired|extra (?:credit|points)|"
    r"even better|stand out|not required",
    re.IGNORECASE,
)
_DUTY_SECTION = regex(
    r"responsibilit|what you['\u2019]?ll do|what you will do|the role|your role|your job|in this role|you will|day[- ]to[- ]day|"
    r"your impact|what you['\u2019]?ll work on|the job|duties|mission",
    re.IGNORECASE,
)
_IGNORED_SECTION = regex(
    r"about (?:us|the company|the team|our)|who we are|benefits|perks|what we offer|compensation|salary|pay|"
    r"equal opportunit|eeo|diversity|how to apply|application|culture|our values|life at|location|"
    r"why join|why you['\u2019]?ll love|we offer|package",
    re.IGNORECASE,
)
_INLINE_PREFERRED = regex(
    r"\b(?:a plus|is a bonus|bonus points?|nice[- ]to[- ]have|preferred|ideally|is an advantage|desirable|"
    r"not required|would be great)\b|^\W*(?:bonus|plus|extra)\s*:",
    re.IGNORECASE,
)
# A line that tells what the employer gives, not what it asks: "We offer 30 days
# holiday, a learning budget and ...", "Perks: ...".
_OFFER_LINE = regex(r"^\W*(?:we offer|we provide|perks|benefits)\b", re.IGNORECASE)
_INLINE_REQUIRED = regex(r"\b(?:must[- ]have|must|required|essential|minimum)\b", re.IGNORECASE)
_ONE_OF = regex(r"\b(?:one of|any of|either|at least one)\b", re.IGNORECASE)
_TITLE_PREFIX = regex(r"^(?:job title|title|position|role)\s*:\s*", re.IGNORECASE)
_ENTRY_WORDS = regex(r"\b(?:intern(?:ship)?|junior|jr\.?|graduate|entry[- ]level|new grad|apprentice)\b", re.I)
_SENIOR_WORDS = regex(r"\b(?:senior|sr\.?|staff|principal|lead|head of|distinguished|director)\b", re.I)

# Kinds of skill where "A/B" offers a choice rather than asking for both.
_CHOICE_KINDS: tuple[frozenset[str], ...] = (
    frozenset(
        [
            "python",
            "r",
            "java",
            "scala",
            "go",
            "c++",
            "c",
            "julia",
            "rust",
            "javascript",
            "typescript",
            "matlab",
            "c#",
            "kotlin",
            "swift",
            "ruby",
            "php",
        ]
    ),
    frozenset(("pytorch", "tensorflow", "jax", "keras", "mxnet", "paddlepaddle")),
    frozenset(("aws", "gcp", "azure", "google cloud platform", "microsoft azure", "google cloud")),
)


@dataclass(frozen=True)
class PostingRequirement:
    name: str  # the skill, or for a choice "A or B"
    options: tuple[str, ...]  # the skills of a choice; empty for one skill
    keys: tuple[str, ...]  # the matcher's keys of the skills
    category: str
    importance: Importance
    level: int
    level_words: str | None
    line: int
    phrase: str

    @property
    def skills(self) -> tuple[str, ...]:
        return self.options or (self.name,)


@dataclass(frozen=True)
class Posting:
    source: str
    title: str
    seniority: Seniority
    requirements: tuple[PostingRequirement, ...]
    notes: tuple[str, ...] = ()


def seniority_of(title: str) -> Seniority:
    if _ENTRY_WORDS.search(title):
        return "entry"
    if _SENIOR_WORDS.search(title):
        return "senior"
    return "mid"


def _title(lines: Sequence[Line]) -> str:
    for line in lines[:5]:
        text = _TITLE_PREFIX.sub("", line.text.strip("#*_ ").strip())
        if text and len(text) <= 100:
            return text
    return "Job posting"


def _section_kinds(lines: Sequence[Line]) -> dict[int, str]:
    """Each line's section: required, preferred, duty, ignored or unknown."""
    kinds: dict[int, str] = {}
    current = "unknown"
    for line in lines:
        heading = heading_of(line.text) or _plain_heading(line.text)
        if heading is not None:
            # The most specific first: "Preferred qualifications" is preferred, not required.
            if _PREFERRED_SECTION.search(heading):
                current = "preferred"
            elif _IGNORED_SECTION.search(heading):
                current = "ignored"
            elif _REQUIRED_SECTION.search(heading):
                current = "required"
            elif _DUTY_SECTION.search(heading):
                current = "duty"
            else:
                current = "unknown"
            kinds[line.number] = "heading"
            continue
        kinds[line.number] = current
    return kinds


_SHORT_LINE = regex(r"[A-Z][\w'\u2019&/ -]{2,44}")


def _plain_heading(text: str) -> str | None:
    """A plain-text section heading written without a colon or capitals
    ("Minimum qualifications", "Bonus points", "Benefits"): a short line of a few
    words, no list item, no sentence, that names a known kind of section."""
    if len(text.split()) > 5 or not _SHORT_LINE.fullmatch(text):
        return None
    if any(kind.search(text) for kind in (_PREFERRED_SECTION, _IGNORED_SECTION, _REQUIRED_SECTION, _DUTY_SECTION)):
        return text
    return None


def read_posting(document: Document, index: PhraseIndex, categories: Mapping[str, str]) -> Posting:
    lines = split_lines(document.text)
    if not lines:
        raise RolefitError.at(document.source, "the posting has no text")
    _not_a_rolefit_file(document)
    title = _title(lines)
    seniority = seniority_of(title)
    kinds = _section_kinds(lines)
    structured = any(kind in ("required", "preferred", "duty") for kind in kinds.values())
    asked = frozenset(n for n, kind in kinds.items() if kind in ("required", "preferred", "duty"))
    mentions = index.find(lines, skill_lines=asked)
    default_level = 4 if seniority == "senior" else 3
    by_line: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.key not in VAGUE and mention.line != lines[0].number:
            by_line.setdefault(mention.line, []).append(mention)
    found: dict[tuple[str, ...], PostingRequirement] = {}
    for number, line_mentions in by_line.items():
        kind = kinds.get(number, "unknown")
        if kind in ("ignored", "heading") or (kind == "unknown" and structured):
            continue
        text = line_mentions[0].line_text
        if _OFFER_LINE.match(text):
            continue
        importance: Importance = "preferred" if kind == "preferred" else "required"
        if _INLINE_PREFERRED.search(text):
            importance = "preferred"
        elif kind == "preferred" and _INLINE_REQUIRED.search(text):
            importance = "required"
        for group in _groups(line_mentions):
            levels = [stated_level(m, line_mentions) for m in group]
            stated = max((s for s in levels if s is not None), key=lambda s: s.level, default=None)
            names = tuple(dict.fromkeys(m.skill for m in group))
            keys = tuple(dict.fromkeys(m.key for m in group))
            requirement = PostingRequirement(
                name=names[0] if len(names) == 1 else " or ".join(names),
                options=names if len(names) > 1 else (),
                keys=keys,
                category=categories.get(keys[0], OTHER) or OTHER,
                importance=importance,
                level=stated.level if stated is not None else default_level,
                level_words=stated.words if stated is not None else None,
                line=number,
                phrase=text,
            )
            _merge(found, requirement)
    if not found:
        raise RolefitError.at(document.source, "no skills found in the posting; is it a job ad? (no role was built)")
    return Posting(document.source, title, seniority, tuple(_without_repeats(found.values())), document.notes)


# A role file given where a posting was expected: its field of categories.
_ROLE_FILE = regex(r"^categories[ \t]*:", re.MULTILINE)


def _not_a_rolefit_file(document: Document) -> None:
    """A YAML skills file or role file is not a job posting: read as one, it builds
    a role out of someone's skills (`assess job.txt --posting me.yaml`, swapped)."""
    if not document.source.casefold().endswith((".yaml", ".yml")):
        return
    if has_skills_field(document.text):
        raise RolefitError.at(
            document.source,
            "is a skills file, not a job posting; give it to assess as FILE and the posting to --posting",
        )
    if _ROLE_FILE.search(document.text):
        raise RolefitError.at(document.source, "is a role file, not a job posting; give it with --role")


def _merge(found: dict[tuple[str, ...], PostingRequirement], requirement: PostingRequirement) -> None:
    """The same skill asked twice (a repeated paragraph, a summary and a list) is one
    requirement: required beats preferred, the higher level wins, the first phrase stays."""
    key = tuple(sorted(s.casefold() for s in requirement.skills))
    current = found.get(key)
    if current is None:
        found[key] = requirement
        return
    importance: Importance = "required" if "required" in (current.importance, requirement.importance) else "preferred"
    higher = requirement if requirement.level > current.level else current
    found[key] = replace(current, importance=importance, level=higher.level, level_words=higher.level_words)


def _without_repeats(requirements: Sequence[PostingRequirement] | Any) -> list[PostingRequirement]:
    """A skill asked on its own is not also an option of a choice: "Python" required
    and "Python or Go" keep only the plain requirement."""
    alone = {r.name.casefold() for r in requirements if not r.options}
    kept = []
    seen: set[str] = set()
    for requirement in requirements:
        if requirement.options:
            kept_at = [
                i
                for i, option in enumerate(requirement.options)
                if option.casefold() not in alone and option.casefold() not in seen
            ]
            options = tuple(requirement.options[i] for i in kept_at)
            keys = tuple(requirement.keys[i] for i in kept_at)
            if not options:
                continue
            name = options[0] if len(options) == 1 else " or ".join(options)
            requirement = replace(requirement, name=name, options=options if len(options) > 1 else (), keys=keys)
        seen.update(s.casefold() for s in requirement.skills)
        kept.append(requirement)
    return kept


def _groups(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The line's skills, alternatives grouped: joined by "or" ("FAISS or a vector
    database"), listed after "one of", joined by "/" within one kind of skill; and a
    comma list that ends in "or" ("Spark, PySpark, or Databricks") or in "or
    similar" / "or another" ("Slurm, Kubernetes or another scheduler") is one choice."""
    if not mentions:
        return []
    text = mentions[0].line_text
    one_of = _ONE_OF.search(text)
    gaps = [strip_emphasis(text[previous.end : mention.start]) for previous, mention in itertools.pairwise(mentions)]
    linked: list[bool] = []
    for (previous, mention), gap in zip(itertools.pairwise(mentions), gaps, strict=True):
        joined_by_or = _OR_GAP.fullmatch(gap) is not None
        in_one_of = one_of is not None and one_of.end() <= previous.start and _ONE_OF_GAP.fullmatch(gap) is not None
        if joined_by_or and "/" in gap and "or" not in gap.lower():
            joined_by_or = _same_kind(previous.key, mention.key)
        linked.append(joined_by_or or in_one_of)
    for i, gap in enumerate(gaps):
        if i + 1 < len(gaps) and _COMMA_GAP.fullmatch(gaps[i + 1]):
            continue  # the list goes on: "Python, PyTorch or TF, Docker" offers only PyTorch or TF
        start = i
        while start > 0 and _COMMA_GAP.fullmatch(gaps[start - 1]):
            start -= 1
        items = mentions[start : i + 2]
        # "A, B, or C" (a comma before "or"), or "A, B or C" of one kind (languages,
        # frameworks, clouds), or "A, B or similar".
        serial_or = _OR_GAP.fullmatch(gap) is not None and re.search(r",\s*or\b", gap, re.IGNORECASE) is not None
        same_kind_or = (
            _OR_GAP.fullmatch(gap) is not None
            and "or" in gap.lower()
            and all(_same_kind(items[0].key, m.key) for m in items[1:])
        )
        or_similar = _COMMA_GAP.fullmatch(gap) is not None and _OR_SIMILAR.match(text, mentions[i + 1].end) is not None
        ends_a_list = (start < i and (serial_or or same_kind_or)) or or_similar
        if ends_a_list:  # the commas before it belong to the choice too
            j = i if _COMMA_GAP.fullmatch(gap) else i - 1
            while j >= 0 and _COMMA_GAP.fullmatch(gaps[j]):
                linked[j] = True
                j -= 1
            linked[i] = True
    groups: list[list[Mention]] = [[mentions[0]]]
    for mention, link in zip(mentions[1:], linked, strict=True):
        if link:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


_OR_GAP = regex(r"[\s,]*(?:,?\s*or\s+(?:an?\s+|the\s+)?|/)\s*", re.IGNORECASE)
_COMMA_GAP = regex(r"\s*,\s*")
# After "one of": commas, "and"/"or", and items with no vocabulary name ("Argo").
_ONE_OF_GAP = regex(r"[\s,/]*(?:[\w.+-]+(?:\s+[\w.+-]+)?\s*,[\s,]*)*(?:(?:and|or)\s+)?", re.IGNORECASE)
_OR_SIMILAR = regex(
    r",?\s*(?:or|and/or)\s+(?:similar|another|other|equivalent|comparable|any other|an equivalent)\b", re.IGNORECASE
)


def _same_kind(a: str, b: str) -> bool:
    return any(a in kind and b in kind for kind in _CHOICE_KINDS)


# --- the role ---------------------------------------------------------------------------


def role_data(posting: Posting, learn: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, Any]:
    """The posting as a role file's data (a one-level role), ready for the role loader;
    `learn` gives the learning steps of the shipped roles, by skill key then role id.
    A skill's steps come from the shipped role most like the posting that has some
    (see _closest_roles): Experimental design in an ML engineering ad is learnt
    the way a research engineer learns it, not from a researcher's reading list."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    closest = _closest_roles(posting, learn)
    for requirement in posting.requirements:
        skill: dict[str, Any] = {"name": requirement.name}
        if requirement.options:
            skill["one_of"] = list(requirement.options)
        skill["importance"] = requirement.importance
        skill["level"] = requirement.level
        steps = [step for key in requirement.keys for step in _steps(learn.get(key, {}), closest)[:2]]
        if steps:
            skill["learn"] = steps[:3]
        skill["why"] = f"posting, line {requirement.line}: {_excerpt(requirement.phrase)}"
        grouped.setdefault(requirement.category, []).append(skill)
    return {
        "id": role_id(posting.title),
        "title": f"{posting.title} (posting)",
        "summary": f"Built by rolefit from the job posting {posting.source} ({posting.seniority} level).",
        "levels": [posting.seniority],
        "sources": [posting.source],
        "categories": [
            {"name": name, "weight": 1, "skills": grouped[name]}
            for name in sorted(grouped, key=lambda n: (CATEGORY_ORDER.index(n) if n in CATEGORY_ORDER else 99, n))
        ],
    }


def _closest_roles(posting: Posting, learn: Mapping[str, Mapping[str, tuple[str, ...]]]) -> dict[str, int]:
    """The shipped roles' ranks by likeness to the posting (0 the most alike): first a
    role the title names (every word of its id starts a word of the title, "machine
    learning" read as "ml": "Machine Learning Engineering Intern" and "MLOps
    Engineer" name ml-engineer), then by the cosine of the posting's skills and the
    skills each role teaches, ties in the roles' own order."""
    title = set(re.findall(r"[a-z]+", re.sub(r"machine[\s-]+learning", "ml", posting.title.casefold())))
    taught: dict[str, int] = {}  # skills each role teaches, and how many of them the posting asks
    shared: dict[str, int] = {}
    for by_role in learn.values():
        for role in by_role:
            taught[role] = taught.get(role, 0) + 1
    for requirement in posting.requirements:
        for role in {role for key in requirement.keys for role in learn.get(key, {})}:
            shared[role] = shared.get(role, 0) + 1
    order = list(taught)

    def likeness(role: str) -> tuple[bool, float, int]:
        named = all(any(word.startswith(part) for word in title) for part in role.split("-"))
        return (not named, -shared.get(role, 0) / taught[role] ** 0.5, order.index(role))

    return {role: rank for rank, role in enumerate(sorted(order, key=likeness))}


def _steps(by_role: Mapping[str, tuple[str, ...]], closest: Mapping[str, int]) -> tuple[str, ...]:
    """One skill's learning steps from the role closest to the posting that has some."""
    if not by_role:
        return ()
    return by_role[min(by_role, key=lambda role: closest.get(role, len(closest)))]


def role_id(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:40].strip("-")
    return f"posting-{slug}" if slug else "posting"


def _excerpt(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def role_yaml(data: Mapping[str, Any]) -> str:
    """A role's data as a role file people can read, edit and pass to --role."""
    import yaml

    header = (
        "# A role built by rolefit from a job posting. Edit it as you like and use it\n"
        "# with --role FILE; each skill's `why` is the line of the posting it came from.\n"
    )
    body: str = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return header + body
