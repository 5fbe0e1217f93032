"""Guarded YAML reading: size, encoding, depth, aliases, duplicate keys, and marks.

PyYAML on its own keeps the last of two duplicate keys, reads `no` as False,
expands aliases without limit, and crashes the process (a C stack overflow, not
an exception) on a few tens of thousands of nested brackets. Every file rolefit
reads comes through here, so every command gets the same protection and the
same `file:line:col: message` errors.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from rolefit.errors import RolefitError

MAX_BYTES = 1024 * 1024
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


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Resolver(BaseResolver):
    """YAML 1.2 core-schema scalars: only true/false are booleans.

    YAML 1.1 (PyYAML's default) reads `yes`, `no`, `on`, `off` as booleans, so a
    skill called NO became False and `level: yes` became True; `1:30` became 90
    and `2024-05-01` a date. Here they stay the strings the person wrote.
    """


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null",
    re.compile(r"^(?:~|null|Null|NULL|)$"),
    ["~", "n", "N", ""],
)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Constructor(SafeConstructor):
    """Builds MarkedMap/MarkedSeq and refuses duplicate keys as it goes."""

    def construct_marked_map(self, node: yaml.MappingNode) -> Any:
        data = MarkedMap()
        data.mark = _mark(node)
        data.key_marks = {}
        data.value_marks = {}
        yield data
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=False)
            try:
                hash(key)
            except TypeError:
                raise _DuplicateKey(None, None, "a mapping key must be a plain value", key_node.start_mark) from None
            if key in data:
                first = data.key_marks[key][0]
                raise _DuplicateKey(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {first})",
                    key_node.start_mark,
                )
            data[key] = self.construct_object(value_node, deep=False)
            data.key_marks[key] = _mark(key_node)
            data.value_marks[key] = _mark(value_node)

    def construct_marked_seq(self, node: yaml.SequenceNode) -> Any:
        data = MarkedSeq()
        data.mark = _mark(node)
        data.item_marks = [_mark(child) for child in node.value]
        yield data
        data.extend(self.construct_object(child, deep=False) for child in node.value)

    def construct_plain_str(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))


_Constructor.add_constructor("tag:yaml.org,2002:map", _Constructor.construct_marked_map)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:seq", _Constructor.construct_marked_seq)  # type: ignore[type-var]
_Constructor.add_constructor("tag:yaml.org,2002:str", _Constructor.construct_plain_str)  # type: ignore[type-var]
# Sets, ordered maps, binary and timestamps are YAML 1.1 extras no rolefit file uses.
for _tag in ("set", "omap", "pairs", "binary", "timestamp"):
    _Constructor.yaml_constructors.pop(f"tag:yaml.org,2002:{_tag}", None)


class PyLoader(Reader, Scanner, Parser, Composer, _Constructor, _Resolver):
    """The pure-Python loader: used where PyYAML was built without libyaml."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


try:  # the C parser where PyYAML was built with libyaml; same behaviour, faster
    from yaml import CParser  # type: ignore[attr-defined]

    class CLoader(CParser, _Constructor, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Constructor.__init__(self)
            _Resolver.__init__(self)

    LOADERS: tuple[type[Any], ...] = (CLoader, PyLoader)
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    LOADERS = (PyLoader,)

_Loader = LOADERS[0]


def read_text(path: Path, label: str | None = None) -> str:
    """Read a file as UTF-8 text, with a clear error for every way that can fail."""
    where = label or str(path)
    try:
        if path.is_dir():
            raise RolefitError.at(where, "is a folder, not a file")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise RolefitError.at(where, "no such file") from None
    except PermissionError:
        raise RolefitError.at(where, "permission denied") from None
    except OSError as exc:
        raise RolefitError.at(where, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, where)


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
        elif isinstance(exc, yaml.constructor.ConstructorError):
            problem = f"unsupported YAML: {problem}"
        elif not isinstance(exc, _DuplicateKey):
            context = f" {exc.context}" if exc.context else ""
            hint = next((h for key, h in _HINTS.items() if key in problem), "")
            problem = f"invalid YAML: {problem}{context}{hint}"
        return RolefitError.at(where, problem, mark.line + 1, mark.column + 1)
    return RolefitError.at(where, f"invalid YAML: {exc}")


_HINTS = {
    "mapping values are not allowed": " (a ': ' inside a value? put the value in quotes)",
    "expected <block end>": " (check the indentation)",
    "found character '\\t'": " (indent with spaces, not tabs)",
}


def parse(text: str, where: str, loader_class: type[Any] | None = None) -> Any:
    """Parse one YAML document into plain data (MarkedMap, MarkedSeq, scalars)."""
    loader_class = loader_class or _Loader
    if not text.strip():
        raise RolefitError.at(where, "file is empty")
    try:
        if _could_be_deep(text) or "*" in text:
            _check_events(text, where, loader_class)
        loader = loader_class(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, where) from None
    except RecursionError:
        raise RolefitError.at(where, f"nesting is deeper than {MAX_DEPTH} levels") from None
    if data is None:
        raise RolefitError.at(where, "file has no content (only comments or blank lines)")
    return data


def load_file(path: Path, label: str | None = None) -> Any:
    return parse(read_text(path, label), label or str(path))
