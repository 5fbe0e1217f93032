"""What guarded YAML reading yields: data that remembers its places, and typed scalars.

Shared by the subset reader (yamlsafe) and the libyaml path (yamlfull), so that
neither imports the other at import time: yamlsafe -> yamlfull -> yamlnodes, and
yamlsafe -> yamlnodes.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 100

Mark = tuple[int, int]  # 1-based line, column


class MarkedMap(dict[Any, Any]):
    """A mapping that remembers where it, its keys and its values stand in the file."""

    mark: Mark = (1, 1)
    key_marks: dict[Any, Mark]
    value_marks: dict[Any, Mark]


class MarkedSeq(list[Any]):
    """A sequence that remembers where it and each item stand in the file."""

    mark: Mark = (1, 1)
    item_marks: list[Mark]


# Marks of loaded data; plain dicts and lists (from JSON) have none.


def mark_of(data: Any) -> Mark | None:
    return getattr(data, "mark", None)


def key_mark(data: Any, key: Any) -> Mark | None:
    marks: dict[Any, Mark] = getattr(data, "key_marks", {})
    return marks.get(key)


def value_mark(data: Any, key: Any) -> Mark | None:
    marks: dict[Any, Mark] = getattr(data, "value_marks", {})
    return marks.get(key)


def item_marks(data: list[Any]) -> list[Mark | None]:
    marks: list[Mark | None] | None = getattr(data, "item_marks", None)
    return marks if marks is not None else [None] * len(data)


_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def typed_scalar(text: str) -> Any:
    """YAML 1.2 core-schema scalars: only true/false are booleans.

    YAML 1.1 (PyYAML's default) reads `yes`, `no`, `on`, `off` as booleans, so a
    skill called NO became False and `level: yes` became True; `1:30` became 90
    and `2024-05-01` a date. Here they stay the strings the person wrote.
    """
    if text in _BOOLS:
        return _BOOLS[text]
    if text in _NULLS:
        return None
    if text[:1] in "-+0123456789.":
        if _INT.fullmatch(text):
            return scalar_int(text)
        if _FLOAT.fullmatch(text):
            return scalar_float(text)
    return text


def scalar_int(text: str) -> int:
    return int(text, 0) if text[:2].lower() in ("0o", "0x") else int(text)


def scalar_float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)
