"""The full YAML reader, on PyYAML (libyaml where it was built with it).

yamlsafe reads the usual skills files itself; everything else comes here:
flow collections, quoting and escapes, anchors, tags, block scalars, and every
kind of broken file, whose problem libyaml locates. PyYAML is imported only
when such a file turns up.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from rolefit.errors import RolefitError
from rolefit.yaml.nodes import MAX_DEPTH, Mark, MarkedMap, MarkedSeq, scalar_float, scalar_int, typed_scalar

# The C composer recurses once per nesting level and overflows the C stack (a
# crash, not an exception) at about 30,000 levels here. Each level takes at
# least one character, so a text this short cannot get near that; _build
# then refuses anything deeper than MAX_DEPTH as it walks the nodes.
SMALL_TEXT = 4096


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_PLAIN = "tag:rolefit,2026:plain"  # an untagged plain scalar, typed by typed_scalar()
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class _Resolver(BaseResolver):
    """Tags for untagged nodes. Plain scalars are typed later by `typed_scalar`, in
    one place and with one function call instead of PyYAML's resolver loop."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool] | None) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit is not None and implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


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


_SCALARS: dict[str, Any] = {
    _PLAIN: typed_scalar,
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": scalar_int,
    "tag:yaml.org,2002:float": scalar_float,
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


def _check_depth_again(text: str, where: str) -> None:
    """Raise rolefit's own depth error when the text nests too deep before its
    first real problem.

    libyaml builds since PyYAML 6.0.3 stop at 1,000 flow levels while scanning,
    and that scanner reads a whole line of brackets ahead before it gives the
    first event, so the event walk never sees the 101st level; its message and
    place would then stand in for ours. The pure-Python scanner has no such
    limit and looks at most 1,024 characters ahead, so its events reach the
    101st level and locate it. It runs only on a file libyaml refused.
    """
    try:
        _check_events(text, where, PyLoader)
    except yaml.YAMLError:
        return


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
    """One YAML document as data (None when it has no content), or a located RolefitError."""
    loader_class = loader_class or _Loader
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
        if loader_class is not PyLoader and text.count("[") + text.count("{") > MAX_DEPTH:
            _check_depth_again(text, where)
        raise _yaml_problem(exc, where) from None
    except _NodeProblem as exc:
        line, column = _mark(exc.node)
        raise RolefitError.at(where, exc.message, line, column) from None
    except RecursionError:
        raise RolefitError.at(where, f"nesting is deeper than {MAX_DEPTH} levels") from None
    return data
