"""Guarded YAML reading: size, encoding, depth, aliases, duplicate keys, and marks.

PyYAML on its own keeps the last of two duplicate keys, reads `no` as False,
expands aliases without limit, and crashes the process (a C stack overflow, not
an exception) on a few tens of thousands of nested brackets. Every file rolefit
reads comes through here, so every command gets the same protection and the
same `file:line:col: message` errors.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from rolefit.errors import RolefitError

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 100
# The C composer recurses once per nesting level and overflows the C stack (a
# crash, not an exception) at about 30,000 levels here. Each level takes at
# least one character, so a text this short cannot get near that; _build
# then refuses anything deeper than MAX_DEPTH as it walks the nodes.
SMALL_TEXT = 4096

Mark = tuple[int, int]  # 1-based line, column
T = TypeVar("T")


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


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_PLAIN = "tag:rolefit,2026:plain"  # an untagged plain scalar, typed by _typed()
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Resolver(BaseResolver):
    """Tags for untagged nodes. Plain scalars are typed later by `_typed`, in
    one place and with one function call instead of PyYAML's resolver loop."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool] | None) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit is not None and implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def _typed(text: str) -> Any:
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
            return _int(text)
        if _FLOAT.fullmatch(text):
            return _float(text)
    return text


class PyLoader(Reader, Scanner, Parser, Composer, _Resolver):
    """The pure-Python parser: used where PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)


try:  # the C parser where PyYAML was built with libyaml; same behaviour, faster
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class CLoader(CParser, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    LOADERS: tuple[type[Any], ...] = (CLoader, PyLoader)
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    LOADERS = (PyLoader,)

_Loader = LOADERS[0]


# Building data from the parser's nodes. This replaces PyYAML's constructor:
# only the core-schema scalars exist, duplicate keys are refused, and it is a
# plain recursive walk (depth is checked before composing), several times
# faster than SafeConstructor, which matters when a cohort has thousands of files.


class _NodeProblem(Exception):
    def __init__(self, message: str, node: yaml.Node) -> None:
        super().__init__(message)
        self.message = message
        self.node = node


def _int(text: str) -> int:
    return int(text, 0) if text[:2].lower() in ("0o", "0x") else int(text)


def _float(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)


_SCALARS: dict[str, Any] = {
    _PLAIN: _typed,
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:bool": lambda text: text.lower() == "true",
    "tag:yaml.org,2002:null": lambda text: None,
}


def _tag(node: yaml.Node) -> str:
    return str(node.tag).replace("tag:yaml.org,2002:", "!!")


def _build(node: yaml.Node, marks: bool, depth: int = 0) -> Any:
    if isinstance(node, yaml.ScalarNode):
        convert = _SCALARS.get(node.tag)
        if convert is None:
            raise _NodeProblem(f"unsupported YAML tag {_tag(node)}", node)
        try:
            return convert(node.value)
        except ValueError:
            raise _NodeProblem(f"{node.value!r} is not a valid {node.tag.rsplit(':', 1)[-1]}", node) from None
    depth += 1
    if depth > MAX_DEPTH:
        raise _NodeProblem(f"nesting is deeper than {MAX_DEPTH} levels", node)
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        data: dict[Any, Any] = MarkedMap() if marks else {}
        if marks:
            assert isinstance(data, MarkedMap)
            data.mark = _mark(node)
            data.key_marks = {}
            data.value_marks = {}
        for key_node, value_node in node.value:
            key = _build(key_node, marks, depth)
            if isinstance(key, (dict, list)):
                raise _NodeProblem("a mapping key must be a plain value", key_node)
            if key in data:
                first = next(k for k, _ in node.value if _build(k, False) == key)
                raise _NodeProblem(f"duplicate key {key!r} (first at line {_mark(first)[0]})", key_node)
            data[key] = _build(value_node, marks, depth)
            if marks:
                assert isinstance(data, MarkedMap)
                data.key_marks[key] = _mark(key_node)
                data.value_marks[key] = _mark(value_node)
        return data
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        if not marks:
            return [_build(child, False, depth) for child in node.value]
        items = MarkedSeq(_build(child, True, depth) for child in node.value)
        items.mark = _mark(node)
        items.item_marks = [_mark(child) for child in node.value]
        return items
    raise _NodeProblem(f"unsupported YAML tag {_tag(node)}", node)


def read_text(path: str | Path, label: str | None = None) -> str:
    """Read a file as UTF-8 text, with a clear error for every way that can fail."""
    where = label or str(path)
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise RolefitError.at(where, "no such file") from None
    except IsADirectoryError:
        raise RolefitError.at(where, "is a folder, not a file") from None
    except PermissionError:
        raise RolefitError.at(where, "permission denied") from None
    except OSError as exc:
        raise RolefitError.at(where, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, where)


def _read_bytes(path: str | Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a file, with plain system calls: a cohort
    reads thousands of small files, and a buffered file object costs more than
    the reading."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        # A regular file in one read (and one more that finds its end); a pipe or
        # device reports size 0 and is read in pieces, up to the limit.
        want = size + 1 if 0 < size <= MAX_BYTES else MAX_BYTES + 1
        chunks, total = [], 0
        while total <= MAX_BYTES:
            chunk = os.read(fd, min(want, MAX_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (a BOM is fine), not too large, not binary."""
    if len(data) > MAX_BYTES:
        raise RolefitError.at(where, f"file is larger than {MAX_BYTES // 1024} KiB; is it the right file?")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RolefitError.at(where, "is UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise RolefitError.at(where, "is a binary file, not YAML text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start]
        raise RolefitError.at(where, f"is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", line, column) from None


_DEEP_INDENT = re.compile(r"^[ \t]{48}", re.MULTILINE)
_COMPACT_RUN = re.compile(r"(?:[-?:][ \t]+){8}")


def _could_be_deep(text: str) -> bool:
    """A cheap over-estimate: False guarantees nesting well under MAX_DEPTH.

    Flow nesting is bounded by the number of brackets, block nesting by the
    indentation plus the compact indicators (`- - -`) on one line.
    """
    flow = text.count("[") + text.count("{")
    return flow > 32 or bool(_DEEP_INDENT.search(text)) or bool(_COMPACT_RUN.search(text))


def _event_mark(event: yaml.Event) -> tuple[int | None, int | None]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


def _check_events(text: str, where: str, loader_class: type[Any]) -> None:
    """Walk the parser's events (no recursion, unlike composing) to refuse
    nesting that would crash the loader and aliases that could expand a small
    file into a huge one."""
    depth = 0
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                line, column = _event_mark(event)
                raise RolefitError.at(
                    where,
                    f"YAML aliases (*{event.anchor}) are not supported; write the value out",
                    line,
                    column,
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    line, column = _event_mark(event)
                    raise RolefitError.at(where, f"nesting is deeper than {MAX_DEPTH} levels", line, column)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def _yaml_problem(exc: yaml.YAMLError, where: str) -> RolefitError:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = exc.problem or "invalid YAML"
        if (exc.context or "").startswith("expected a single document"):
            problem = "expected one YAML document, found a second one ('---')"
        else:
            context = f" {exc.context}" if exc.context else ""
            hint = next((h for key, h in _HINTS.items() if key in problem), "")
            problem = f"invalid YAML: {problem}{context}{hint}"
        return RolefitError.at(where, problem, mark.line + 1, mark.column + 1)
    return RolefitError.at(where, f"invalid YAML: {exc}")


_HINTS = {
    "mapping values are not allowed": " (a ': ' inside a value? put the value in quotes)",
    "expected <block end>": " (check the indentation)",
    "did not find expected '-' indicator": " (check the indentation)",
    "did not find expected key": " (check the indentation)",
    "found character '\\t'": " (indent with spaces, not tabs)",
}


def parse(text: str, where: str, loader_class: type[Any] | None = None, *, marks: bool = True) -> Any:
    """Parse one YAML document into data: MarkedMap/MarkedSeq with their places in
    the file when `marks`, plain dicts and lists (faster) otherwise."""
    loader_class = loader_class or _Loader
    if not text.strip():
        raise RolefitError.at(where, "file is empty")
    if not marks and loader_class is _Loader:
        simple = parse_simple(text)
        if simple is not None:
            return simple
    try:
        if "*" in text or (len(text) > SMALL_TEXT and _could_be_deep(text)):
            _check_events(text, where, loader_class)
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        data = None if node is None else _build(node, marks)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, where) from None
    except _NodeProblem as exc:
        line, column = _mark(exc.node)
        raise RolefitError.at(where, exc.message, line, column) from None
    except RecursionError:
        raise RolefitError.at(where, f"nesting is deeper than {MAX_DEPTH} levels") from None
    if data is None:
        raise RolefitError.at(where, "file has no content (only comments or blank lines)")
    return data


def read_checked(text: str, where: str, build: Callable[[Any, str], T]) -> T:
    """build(data, where) on data read without marks (fast); when it finds a
    problem, read again keeping every value's place, so each problem names its line."""
    try:
        return build(parse(text, where, marks=False), where)
    except RolefitError:
        return build(parse(text, where), where)


def load_file(path: Path, label: str | None = None, *, marks: bool = True) -> Any:
    return parse(read_text(path, label), label or str(path), marks=marks)


# The block-YAML subset skills files are written in -------------------------------
#
# A cohort is thousands of small files in a few simple shapes: `key: value` lines,
# `- item` lines and `- name: value` items, with plain or quoted scalars. This
# reads that subset directly, several times faster than composing libyaml's
# nodes; anything else (flow collections, anchors, tags, block scalars,
# multi-line scalars, escapes, tabs, duplicate keys, odd indentation) returns
# None and goes through libyaml, which also gives every error its place. Values
# come out exactly as parse() would give them: the tests compare the two.

# In one line: tabs, CR, YAML 1.1's other line breaks (NEL, LS, PS) and anything
# libyaml refuses; and document markers at its start.
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]|^(?:---|\\.\\.\\.)")
_PLAIN_RE = r"""(?:[^\ \-?:,\[\]{}\#&*!|>'"%@`]|[-?:](?=[^\ ]))(?:[^:\#]|:(?=[^\ ])|(?<=[^\ ])\#)*"""
_QUOTED_RE = r"""\"[^"\\]*"|'(?:[^']|'')*'"""
# One line of the subset: indentation, an optional "- ", an optional key and colon,
# an optional scalar, an optional comment. Plain scalars stop before ": " and " #".
_LINE = re.compile(
    rf"""(?P<indent>\ *)
    (?:(?P<dash>-)(?:\ +|$))?
    (?:(?P<key>{_QUOTED_RE}|{_PLAIN_RE})\ *:(?:\ +|$))?
    (?P<value>{_QUOTED_RE}|{_PLAIN_RE})?
    \ *(?:(?<=\ )\#.*)?""",  # a comment's "#" follows a space
    re.VERBOSE,
)

# (indent of the node, is a "- " item, has a key, key, has a value, value)
_Token = tuple[int, bool, bool, Any, bool, Any]


class _NotSimple(Exception):
    pass


def _scalar_of(text: str) -> Any:
    if text[0] == '"':
        return text[1:-1]
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    return _typed(text.rstrip(" "))


def _tokens(text: str) -> list[_Token]:
    """Each line as a token; a `- key: value` line becomes an item token followed
    by a key token at the key's column. A cohort's files repeat the same lines
    (`  - Python`, `    level: 4`) thousands of times, so each distinct line is
    read once and remembered; top-level keys (`name: ...`, one per file) are not."""
    tokens: list[_Token] = []
    memo = _LINE_TOKENS
    for line in text.split("\n"):
        found = memo.get(line)
        if found is None:
            found = _line_tokens(line)
            if line[:1] in _REPEATING and len(memo) < _LINE_MEMO_SIZE:
                memo[line] = found
        if found is _NOT_SIMPLE:
            raise _NotSimple
        tokens += found
    return tokens


_NOT_SIMPLE: tuple[_Token, ...] = ((-1, False, False, None, False, None),)  # a line outside the subset
_LINE_TOKENS: dict[str, tuple[_Token, ...]] = {}
_LINE_MEMO_SIZE = 50_000  # distinct lines remembered; past that, lines are read afresh
_REPEATING = (" ", "-")  # how lines inside `skills` start


def _line_tokens(line: str) -> tuple[_Token, ...]:
    """The tokens of one line: none for a blank or comment line, _NOT_SIMPLE for
    a line outside the subset."""
    stripped = line.lstrip(" ")
    if not stripped or stripped[0] == "#":
        return () if _UNUSUAL.search(line) is None else _NOT_SIMPLE
    match = _LINE.fullmatch(line)
    if match is None or _UNUSUAL.search(line):
        return _NOT_SIMPLE
    indent = len(match["indent"])
    key, value = match["key"], match["value"]
    has_key = key is not None
    if match["dash"] is not None:
        if not has_key:
            if value is None:
                return _NOT_SIMPLE  # "-" with the item below it
            return ((indent, True, False, None, True, _scalar_of(value)),)
        item: _Token = (indent, True, False, None, False, None)
        indent = match.start("key")
    elif not has_key:
        return _NOT_SIMPLE  # a lone scalar: a continuation line, or not a mapping
    has_value = value is not None
    token = (indent, False, True, _scalar_of(key), has_value, _scalar_of(value) if has_value else None)
    return (item, token) if match["dash"] is not None else (token,)


class _Reader:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0

    def block(self, indent: int, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _NotSimple
        if self.tokens[self.at][1]:
            return self.sequence(indent, depth)
        return self.mapping(indent, depth)

    def mapping(self, indent: int, depth: int) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        tokens = self.tokens
        while self.at < len(tokens):
            at_indent, is_item, _, key, has_value, value = tokens[self.at]
            if at_indent < indent:
                break
            if at_indent > indent or is_item or key in data:
                raise _NotSimple  # stray indentation, an item among keys, or a duplicate key
            self.at += 1
            if not has_value:  # `key:` then an indented block (or a list at the same indent), or null
                value = None
                if self.at < len(tokens):
                    below, below_is_item = tokens[self.at][0], tokens[self.at][1]
                    if below > indent or (below == indent and below_is_item):
                        value = self.block(below, depth + 1)
            data[key] = value
        return data

    def sequence(self, indent: int, depth: int) -> list[Any]:
        items: list[Any] = []
        tokens = self.tokens
        while self.at < len(tokens):
            at_indent, is_item, _, _, has_value, value = tokens[self.at]
            if at_indent < indent or (at_indent == indent and not is_item):
                break
            if at_indent > indent or not is_item:
                raise _NotSimple
            self.at += 1
            if has_value:
                items.append(value)
            else:  # `- key: value` opens a mapping at the key's column
                items.append(self.mapping(tokens[self.at][0], depth + 1))
        return items


def parse_simple(text: str) -> dict[Any, Any] | None:
    """A file in the simple subset as plain data, or None for anything else."""
    try:
        tokens = _tokens(text)
        if not tokens or tokens[0][0] != 0 or tokens[0][1]:
            return None
        reader = _Reader(tokens)
        data = reader.mapping(0, 1)
    except (_NotSimple, RecursionError):
        return None
    return data if reader.at == len(tokens) else None
