"""`draft`: a skills file drafted from a résumé, for the person to check and edit.

Each skill found is written with its canonical name and, as a comment, the line it
came from. A level is written only where the text states one (see
``extract.stated_level``); where several lines state one, the highest counts.
Otherwise no level is written, so ``assess`` says it assumed one. Skills are
grouped by category (the categories of the built-in roles), in a stable order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rolefit.errors import RolefitError
from rolefit.texts.documents import Document
from rolefit.texts.extract import (
    CATEGORY_ORDER,
    OTHER,
    VAGUE,
    Line,
    Mention,
    PhraseIndex,
    find_mentions,
    heading_of,
    stated_level,
)
from rolefit.texts.prepared import regex

# Sections of a résumé whose words are not claims of skill.
_IGNORED_SECTIONS = regex(r"\b(?:hobbies|interests|references|volunteering|personal)\b", re.IGNORECASE)
_NAME_WORD = r"(?:[A-Z]\.|[A-Z\u00c0-\u00de][a-zA-Z'\u00c0-\u024f-]+)"
_NAME_LINE = regex(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
_NOT_A_NAME = regex(r"\b(?:resume|résumé|curriculum|vitae|cv|profile|summary|engineer|scientist)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DraftedSkill:
    name: str
    category: str
    level: int | None
    level_words: str | None  # what the text says, e.g. "5+ years"
    line: int  # where it was first found
    text: str  # that line


@dataclass(frozen=True)
class Draft:
    source: str
    person: str | None
    skills: tuple[DraftedSkill, ...]
    notes: tuple[str, ...] = ()


def draft(document: Document, index: PhraseIndex, categories: Mapping[str, str]) -> Draft:
    lines, mentions = find_mentions(document.text, index)
    ignored = _ignored_lines(lines)
    by_line: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_line.setdefault(mention.line, []).append(mention)
    found: dict[str, DraftedSkill] = {}
    for mention in mentions:
        if mention.line in ignored or mention.key in VAGUE:
            continue
        stated = stated_level(mention, by_line[mention.line])
        current = found.get(mention.key)
        if current is None:
            found[mention.key] = DraftedSkill(
                name=mention.skill,
                category=categories.get(mention.key, OTHER),
                level=stated.level if stated else None,
                level_words=stated.words if stated else None,
                line=mention.line,
                text=mention.line_text,
            )
        elif stated is not None and (current.level is None or stated.level > current.level):
            found[mention.key] = DraftedSkill(
                current.name, current.category, stated.level, stated.words, mention.line, mention.line_text
            )
    if not found:
        raise RolefitError.at(document.source, "no skills found in the text; is it a résumé or CV?")
    order = {name: i for i, name in enumerate(CATEGORY_ORDER)}
    skills = sorted(found.values(), key=lambda s: (order.get(s.category, len(order)), s.category, s.name.casefold()))
    return Draft(document.source, _person(lines), tuple(skills), document.notes)


def _ignored_lines(lines: Sequence[Line]) -> set[int]:
    ignored: set[int] = set()
    skipping = False
    for line in lines:
        heading = heading_of(line.text)
        if heading is not None:
            skipping = bool(_IGNORED_SECTIONS.search(heading))
        if skipping:
            ignored.add(line.number)
    return ignored


def _person(lines: Sequence[Line]) -> str | None:
    """The person's name, when the first line of the text is one."""
    if not lines:
        return None
    text = lines[0].text.strip("#*_ ")
    if _NAME_LINE.fullmatch(text) and not _NOT_A_NAME.search(text):
        return text
    return None


# --- writing the draft ------------------------------------------------------------------

_PLAIN_SCALAR = regex(r"[^\W\d_][\w +#./-]*")
_COMMENT_WIDTH = 100


def yaml_scalar(text: str) -> str:
    """A YAML scalar that reads back as `text` exactly."""
    if _PLAIN_SCALAR.fullmatch(text) and not text.endswith(" ") and text.lower() not in ("true", "false", "null"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _COMMENT_WIDTH else text[: _COMMENT_WIDTH - 1] + "…"


def to_yaml(result: Draft, today: str) -> str:
    out = [
        f"# Skills drafted by rolefit from {_excerpt(result.source)} on {today}.",
        "# Check every line: remove what is wrong, add what is missing, and give levels",
        "# (0-5, or none, awareness, beginner, intermediate, advanced, expert). A skill",
        "# without a level is taken as 3, and the report says it assumed that.",
    ]
    if result.person:
        out.append(f"name: {yaml_scalar(result.person)}")
    out.append("skills:")
    category = None
    for skill in result.skills:
        if skill.category != category:
            category = skill.category
            out.append(f"  # {category}")
        source = f"line {skill.line}: {_excerpt(skill.text)}"
        if skill.level is None:
            out.append(f"  - {yaml_scalar(skill.name)}  # {source}")
        else:
            out.append(f"  - name: {yaml_scalar(skill.name)}")
            out.append(f"    level: {skill.level}  # {_excerpt(skill.level_words or '')}; {source}")
    return "\n".join(out) + "\n"


DRAFT_SCHEMA_VERSION = "1.0"


def to_json_data(result: Draft) -> dict[str, object]:
    return {
        "schema_version": DRAFT_SCHEMA_VERSION,
        "source": result.source,
        "name": result.person,
        "notes": list(result.notes),
        "skills": [
            {
                "name": s.name,
                "category": s.category,
                "level": s.level,
                "level_from": s.level_words,
                "line": s.line,
                "text": s.text,
            }
            for s in result.skills
        ],
    }
