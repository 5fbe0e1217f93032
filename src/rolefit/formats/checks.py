"""Shape checks for loaded YAML: collect every problem with its line and column."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from rolefit.errors import Problem, RolefitError
from rolefit.model import LEVEL_NAMES, MAX_LEVEL, SENIORITIES
from rolefit.yaml.safe import Mark, item_marks, key_mark, mark_of, value_mark

# No number in a rolefit file needs more; beyond it, sums of weights and
# salaries could overflow to inf and every score after them would be NaN.
MAX_NUMBER = 1e12

_TYPE_NAMES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    dict: "a mapping",
    list: "a list",
    type(None): "nothing (null)",
}


def describe(value: Any) -> str:
    for kind in type(value).__mro__:
        if kind in _TYPE_NAMES:
            return _TYPE_NAMES[kind]
    return type(value).__name__


def nearest(word: str, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    import difflib  # only when something is wrong

    found = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=cutoff)
    return found[0] if found else None


def suggestion(word: str, choices: Sequence[str]) -> str:
    close = nearest(word, choices)
    if close is not None:
        return f"did you mean '{close}'?"
    return "expected one of: " + ", ".join(choices)


def seniority_suggestion(word: str) -> str:
    """The nearest seniority name; "junior" is the usual word for entry."""
    if word.strip().lower() == "junior":
        return "did you mean 'entry'?"
    return suggestion(word, SENIORITIES)


def first_at(mark: Mark | None) -> str:
    return f" (first at line {mark[0]})" if mark is not None else ""


_LEVEL_WORDS = ", ".join(f"{i} {name}" for i, name in enumerate(LEVEL_NAMES))
_LEVEL_OF = {name: i for i, name in enumerate(LEVEL_NAMES)}


def parse_level(value: Any) -> int | str:
    """A 0-5 level from a number or a word; a message string when it is neither."""
    if type(value) is int and 0 <= value <= MAX_LEVEL:  # the common case, first
        return value
    if isinstance(value, bool) or value is None:
        return f"level must be 0-5 or a word ({_LEVEL_WORDS}), not {describe(value)}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text.isascii() and text.isdigit():
            value = int(text)
        elif text in _LEVEL_OF:
            return _LEVEL_OF[text]
        elif any(not c.isascii() and c.isdigit() for c in text):
            return foreign_digits(value)
        else:
            return f"unknown level '{value}'; {suggestion(text, LEVEL_NAMES)} (or 0-5)"
    if isinstance(value, int):
        if 0 <= value <= MAX_LEVEL:
            return value
        return f"level {value} is out of range; levels go from 0 (none) to {MAX_LEVEL} (expert)"
    return f"level must be a whole number 0-5 or a word ({_LEVEL_WORDS}), not {value!r}"


def foreign_digits(value: str) -> str:
    """A level like `²`, `③` or `٣`: Python calls them digits, but int() takes only
    some of them; levels are written with 0-5, and the message says which was meant."""
    import unicodedata

    meant = [unicodedata.digit(c, None) for c in value.strip()]
    hint = f" (did you mean {''.join(map(str, meant))}?)" if None not in meant else ""
    return f"level '{value}' is not written with the digits 0-5{hint}"


class Checker:
    """Collects problems for one file; `raise_if_any` turns them into one error.

    Warnings are things read but not used (an unknown field); `strict` makes
    them problems, and so the readings that only the lenient view accepts."""

    def __init__(self, where: str, *, strict: bool = False) -> None:
        self.where = where
        self.strict = strict
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, message: str, mark: Mark | None = None) -> None:
        line, column = mark if mark is not None else (None, None)
        self.problems.append(Problem(self.where, message, line, column))

    def warn(self, message: str, mark: Mark | None = None) -> None:
        if self.strict:
            self.add(message, mark)
            return
        line, column = mark if mark is not None else (None, None)
        self.warnings.append(Problem(self.where, message, line, column))

    def lenient(self, message: str, mark: Mark | None = None) -> None:
        """A way of writing that only the lenient view reads: a problem when strict."""
        if self.strict:
            self.add(message, mark)

    def raise_if_any(self) -> None:
        """One error with every problem, and the warnings with them: a field
        that is not used may be why something is missing (`skils:`)."""
        if self.problems:
            raise RolefitError(sorted(self.problems + self.warnings, key=_problem_order))

    def top_mapping(self, data: Any, kind: str) -> dict[Any, Any]:
        if not isinstance(data, dict):
            raise RolefitError.at(
                self.where,
                f"a {kind} must be a YAML mapping (key: value lines), not {describe(data)}",
                1,
                1,
            )
        return data

    def fields(self, data: dict[Any, Any], allowed: Sequence[str], context: str) -> None:
        """Report keys that are not field names, naming the nearest valid one."""
        known = frozenset(allowed)
        for key in data:
            if key not in known or not isinstance(key, str):
                name = str(key)
                self.add(
                    f"unknown field '{name}'{context}; {suggestion(name, allowed)}",
                    key_mark(data, key),
                )

    def require(self, data: dict[Any, Any], key: str, context: str) -> bool:
        if key not in data or data[key] is None:
            self.add(f"missing field '{key}'{context}", mark_of(data))
            return False
        return True

    def text(self, data: dict[Any, Any], key: str, context: str, *, required: bool = False) -> str | None:
        if key not in data or data[key] is None:
            if required:
                self.add(f"missing field '{key}'{context}", mark_of(data))
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(f"'{key}'{context} must be text, not {describe(value)}", value_mark(data, key))
            return None
        text = str(value).strip()
        if not text:
            self.add(f"'{key}'{context} is empty", value_mark(data, key))
            return None
        return text

    def number(self, data: dict[Any, Any], key: str, context: str) -> float | None:
        if key not in data or data[key] is None:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(f"'{key}'{context} must be a number, not {describe(value)}", value_mark(data, key))
            return None
        if not abs(value) <= MAX_NUMBER:  # also false for nan; an int of any size compares without overflow
            shown = f"{value}" if isinstance(value, float) else "one that large"
            self.add(
                f"'{key}'{context} must be a finite number of at most {MAX_NUMBER:g}, not {shown}",
                value_mark(data, key),
            )
            return None
        return float(value)

    def text_list(self, data: dict[Any, Any], key: str, context: str) -> tuple[str, ...]:
        if key not in data or data[key] is None:
            return ()
        value = data[key]
        if isinstance(value, str):
            value_list: list[Any] = [value]
            marks = [value_mark(data, key)]
        elif isinstance(value, list):
            value_list, marks = list(value), item_marks(value)
        else:
            self.add(
                f"'{key}'{context} must be a list of text, not {describe(value)}",
                value_mark(data, key),
            )
            return ()
        out: list[str] = []
        for item, mark in zip(value_list, marks, strict=True):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                self.add(f"each item of '{key}'{context} must be non-empty text", mark)
            else:
                out.append(str(item).strip())
        return tuple(out)

    def items(self, data: dict[Any, Any], key: str, context: str) -> Iterator[tuple[Any, Mark | None]]:
        """The items of a list field with their marks; a problem when it is not a list."""
        value = data.get(key)
        if not isinstance(value, list):
            self.add(
                f"'{key}'{context} must be a list, not {describe(value)}",
                value_mark(data, key) or mark_of(data),
            )
            return
        yield from zip(value, item_marks(value), strict=True)


def _problem_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)
