"""Proficiency as people write it: one table of level words, numbers with
fractions, scales (`4/5`, `8/10`, `80%`), years (`3 yrs`), and a level written
into a skill's name (`Python (expert)`, `SQL - advanced`, `PyTorch 4/5`).

The rules, documented in the README ("Proficiency levels"):

- LEVEL_WORDS is the one table of words; case, a trailing dot and extra spaces
  do not matter.
- A number between two levels is rounded to the nearest level, halves down
  (3.5 -> 3, 3.6 -> 4): a self-rating is never read higher than written.
- A scale is brought to 0-5 by the same rule (`4/5` -> 4, `7/10` -> 3).
- Years with no level suggest one (years_level); years never suggest expert.
- A skill last used more than STALE_YEARS years ago is flagged, not discounted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from rolefit.model import LEVEL_NAMES, MAX_LEVEL

if TYPE_CHECKING:
    from datetime import date

# The one table of level words. Close to the Dreyfus scale people meet on CVs
# and in HR tools: novice 1, advanced beginner 2, competent 3, proficient 4,
# expert 5. "novice" is a beginner's first step, never "none".
LEVEL_WORDS: dict[str, int] = {
    **{name: level for level, name in enumerate(LEVEL_NAMES)},
    # 0: none
    "no experience": 0,
    "never used": 0,
    # 1: awareness
    "aware": 1,
    "novice": 1,
    "exposure": 1,
    "introductory": 1,
    "heard of": 1,
    # 2: beginner
    "beg": 2,
    "basic": 2,
    "basics": 2,
    "elementary": 2,
    "familiar": 2,
    "limited": 2,
    "learning": 2,
    "advanced beginner": 2,
    # 3: intermediate
    "int": 3,
    "inter": 3,
    "interm": 3,
    "working knowledge": 3,
    "working": 3,
    "competent": 3,
    "good": 3,
    "moderate": 3,
    "medium": 3,
    # 4: advanced
    "adv": 4,
    "proficient": 4,
    "proficiency": 4,
    "fluent": 4,
    "strong": 4,
    "very good": 4,
    "solid": 4,
    "experienced": 4,
    "skilled": 4,
    # 5: expert
    "excellent": 5,
    "mastery": 5,
    "master": 5,
    "native": 5,
}

STALE_YEARS = 5  # last used longer ago than this: flagged in the report


def years_level(years: float) -> int:
    """The level years of use suggest when no level is given: under a year 2
    (beginner), under three 3 (intermediate), more 4 (advanced). Never 5: only
    the person can say they are an expert."""
    if years < 1:
        return 2
    if years < 3:
        return 3
    return 4


def round_level(value: float) -> int:
    """Nearest whole level, halves down (3.5 -> 3)."""
    whole = int(value)
    return whole + 1 if value - whole > 0.5 else whole


class Reading(NamedTuple):
    """A level and years read from one piece of text; either may be None."""

    level: int | None
    years: float | None


# Digits are 0-9 only (re.ASCII): ², ③ and ٣ are refused with a hint (foreign_digits).
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+", re.ASCII)
_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*(5|10)", re.ASCII)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%", re.ASCII)
_STARS = re.compile(r"([★*]+)([☆]*)")
_YEAR_UNITS = r"\s*\+?\s*(?:years?|yrs?\.?|y)(?:\s+(?:of\s+)?(?:experience|exp\.?))?"
_YEARS = re.compile(r"(\d+(?:\.\d+)?)" + _YEAR_UNITS, re.ASCII)
MAX_YEARS = 80
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower()).rstrip(".").strip()


def read_word(text: str) -> Reading | None:
    """A level or years from one phrase ('expert', '3.5', '4/5', '80%', '3 yrs'),
    or None when the phrase is none of these (or out of range)."""
    text = _clean(text)
    if text in LEVEL_WORDS:
        return Reading(LEVEL_WORDS[text], None)
    if _NUMBER.fullmatch(text):
        number = float(text)
        return Reading(round_level(number), None) if number <= MAX_LEVEL else None
    if match := _SCALE.fullmatch(text):
        top = float(match[2])
        number = float(match[1])
        return Reading(round_level(number / top * MAX_LEVEL), None) if number <= top else None
    if match := _PERCENT.fullmatch(text):
        number = float(match[1])
        return Reading(round_level(number / 100 * MAX_LEVEL), None) if number <= 100 else None
    if (match := _STARS.fullmatch(text)) and len(match[1]) + len(match[2]) <= MAX_LEVEL and text != "*":
        return Reading(len(match[1]), None)
    if match := _YEARS.fullmatch(text):
        years = float(match[1])
        return Reading(None, years) if years <= MAX_YEARS else None
    return None


_SEPARATOR_OF_PARTS = r"\s*[,;]\s*|\s+and\s+"
_PARTS = re.compile(_SEPARATOR_OF_PARTS)


def read_phrase(text: str) -> Reading | None:
    """A level, years, or both from text such as 'expert', 'advanced, 5 years':
    each part must be readable, with at most one level and one years."""
    level: int | None = None
    years: float | None = None
    for part in _PARTS.split(text.strip()):
        found = read_word(part)
        if found is None:
            return None
        if found.level is not None:
            if level is not None:
                return None
            level = found.level
        if found.years is not None:
            if years is not None:
                return None
            years = found.years
    if level is None and years is None:
        return None
    return Reading(level, years)


def caseless(text: str) -> str:
    """A regular expression for the text `text` in any case (`[Ee][Xx]...`), a space
    as any run of whitespace: JSON Schema patterns (ECMA-262) have no case flag."""
    return "".join(
        r"\s+" if c == " " else f"[{c.upper()}{c.lower()}]" if c.lower() != c.upper() else re.escape(c) for c in text
    )


def _caseless_regex(pattern: str) -> str:
    """`pattern` (letters outside escapes only, no classes) matching in any case."""
    out, escaped = [], False
    for c in pattern:
        out.append(c if escaped or c.lower() == c.upper() else f"[{c.upper()}{c.lower()}]")
        escaped = c == "\\" and not escaped
    return "".join(out)


def _up_to(top: int, *, leading_dot: bool = False) -> str:
    """A decimal number from 0 to `top` (below 10, or tens up to 100), as _NUMBER reads it."""
    if top < 10:
        below = f"[0-{top - 1}]"
    elif top < 100:
        below = f"[0-{top // 10 - 1}]?[0-9]"
    else:
        below = "[0-9]{1,2}"
    dot = r"|\.[0-9]+" if leading_dot else ""
    return rf"(?:0*(?:{below}(?:\.[0-9]+)?|{top}(?:\.0+)?){dot})"


_STAR_MARKS = "★☆{0,4}|\\*☆{1,4}|[★*]{2}☆{0,3}|[★*]{3}☆{0,2}|[★*]{4}☆?|[★*]{5}"  # 1-5 marks; not a lone *


_YEARS_TEXT = _up_to(MAX_YEARS) + _caseless_regex(_YEAR_UNITS)
_END = r"(?:\s*\.+)?\s*"  # trailing dots, as in 'adv.'


def years_pattern() -> str:
    """The text a skill's `years:` reads as years ('3 yrs'), as level_pattern."""
    return rf"^\s*(?:{_YEARS_TEXT}){_END}$"


def level_pattern() -> str:
    """The text `read_level` reads, as one regular expression (a JSON Schema
    `pattern`, kept to what ECMA-262 and Python's re share). Built from the same
    table, units and limits as read_word and read_phrase; a property test holds
    the two to the same answer."""
    words = "|".join(caseless(w) for w in sorted(LEVEL_WORDS, key=len, reverse=True))
    level = "|".join(
        (
            words,
            _up_to(MAX_LEVEL, leading_dot=True),
            _up_to(5) + r"\s*/\s*5",
            _up_to(10) + r"\s*/\s*10",
            _up_to(100) + r"\s*%",
            _STAR_MARKS,
        )
    )
    one_level, one_years = rf"\s*(?:{level}){_END}", rf"\s*(?:{_YEARS_TEXT}){_END}"
    sep = f"(?:{_SEPARATOR_OF_PARTS})"
    phrase = "|".join((one_level, one_years, one_level + sep + one_years, one_years + sep + one_level))
    return f"^(?:{phrase})$"


def _level_words_hint() -> str:
    return ", ".join(f"{i} {name}" for i, name in enumerate(LEVEL_NAMES))


def read_level(value: Any) -> Reading | str:
    """The level (and years, for '3 yrs') of a `level` value; a message when it
    cannot be read."""
    if type(value) is int and 0 <= value <= MAX_LEVEL:  # the common case, first
        return Reading(value, None)
    if isinstance(value, bool) or value is None or not isinstance(value, (int, float, str)):
        from rolefit.formats.checks import describe

        return f"level must be 0-5 or a word ({_level_words_hint()}), not {describe(value)}"
    if isinstance(value, (int, float)):
        if 0 <= value <= MAX_LEVEL:
            return Reading(round_level(value), None)
        return f"level {value:g} is out of range; levels go from 0 (none) to {MAX_LEVEL} (expert)"
    found = read_phrase(value)
    if found is not None:
        return found
    text = _clean(value)
    if _NUMBER.fullmatch(text.lstrip("-")):
        return f"level {text} is out of range; levels go from 0 (none) to {MAX_LEVEL} (expert)"
    if any(c.isdigit() and not c.isascii() for c in text):
        from rolefit.formats.checks import foreign_digits

        return foreign_digits(text)
    from rolefit.formats.checks import nearest

    close = nearest(text, list(LEVEL_WORDS))
    if close is not None:
        return f"unknown level '{value}'; did you mean '{close}'? (or 0-5)"
    return f"unknown level '{value}'; expected 0-5 or a level word such as {', '.join(LEVEL_NAMES)}"


def strict_level(value: Any) -> int | str:
    """The level by the strict rules (`validate --strict`): 0-5 or the six words.
    A word only the lenient table knows is named as such, never "corrected" to a
    strict word it does not mean (novice is not none)."""
    from rolefit.formats.checks import parse_level

    parsed = parse_level(value)
    if isinstance(parsed, int):
        return parsed
    lenient = read_level(value)
    if isinstance(lenient, str):
        return parsed
    if lenient.level is not None:
        read = f"{lenient.level} ({LEVEL_NAMES[lenient.level]})"
    else:
        read = f"{lenient.years:g} years"
    return (
        f"level '{value}' is not 0-5 or one of {', '.join(LEVEL_NAMES)} (strict); without --strict it reads as {read}"
    )


# A level written into a skill's name: "Python (expert)", "Rust (2 years)",
# "SQL - advanced", "Go: 3 yrs", "PyTorch 4/5". Only a tail that reads entirely
# as a level or years is taken: "SQL (PostgreSQL)" and "Python 3" keep their name.
_BRACKETED_TAIL = re.compile(r"^(?P<name>.*\S)\s*\((?P<tail>[^()]+)\)$")
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+|\s*:\s+|\s*,\s+")
_SPACED_TAIL = re.compile(
    r"^(?P<name>.*\S)\s+(?P<tail>\d+(?:\.\d+)?\s*/\s*(?:5|10)|\d+(?:\.\d+)?\s*\+?\s*(?:years?|yrs?\.?))$"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
_BARE_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*")
_MAYBE_LEVEL = re.compile(r"[(:|,/\-\u2013\u2014]|\d")  # a quick test before the patterns


def _stem_and_tail(name: str) -> tuple[str, Reading] | None:
    match = _BRACKETED_TAIL.match(name)
    # "Python (3)" is as likely a version as a level: a number in brackets is not read.
    if match is not None and not _BARE_NUMBER.fullmatch(match["tail"]):
        found = read_phrase(match["tail"])
        if found is not None:
            return match["name"], found
    for separator in _SEPARATOR.finditer(name):  # the leftmost separator whose tail reads whole
        found = read_phrase(name[separator.end() :])
        if found is not None and separator.start() > 0:
            return name[: separator.start()], found
    match = _SPACED_TAIL.match(name)
    if match is not None:
        found = read_phrase(match["tail"])
        if found is not None:
            return match["name"], found
    return None


def split_name(name: str) -> tuple[str, Reading] | None:
    """The skill name without the level written into it, and that level; None
    when the name holds no level."""
    if _MAYBE_LEVEL.search(name) is None:
        return None
    found = _stem_and_tail(name)
    if found is None:
        return None
    stem = found[0].strip()
    if not _HAS_LETTER.search(stem) or read_phrase(stem) is not None:
        return None
    return stem, found[1]


# When a skill was last used.
_YEAR_MONTH = re.compile(r"((?:19|20)\d\d)(?:[-/.](\d{1,2}))?(?:[-/.]\d{1,2})?")
_NOW = frozenset(("now", "present", "current", "currently", "today", "ongoing"))


def last_used_year(text: str) -> float | None:
    """The time of `last_used` as a fractional year (2024-07 -> 2024.5); None
    when unreadable. 'now' and 'present' are today."""
    cleaned = _clean(text)
    if cleaned in _NOW:
        from datetime import date

        today = date.today()
        return today.year + (today.month - 1) / 12
    match = _YEAR_MONTH.fullmatch(cleaned)
    if match is None:
        return None
    month = int(match[2]) if match[2] else 12
    if not 1 <= month <= 12:
        return None
    return int(match[1]) + (month - 1) / 12


def is_stale(last_used: str | None, today: date) -> bool:
    """Last used more than STALE_YEARS years before `today` (a year alone counts
    as its end: 2019 is stale from 2025 on)."""
    if last_used is None:
        return False
    when = last_used_year(last_used)
    if when is None:
        return False
    return today.year + (today.month - 1) / 12 - when > STALE_YEARS
