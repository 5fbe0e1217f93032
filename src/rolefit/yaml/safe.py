"""Guarded YAML reading: size, encoding, depth, aliases, duplicate keys, and marks.

PyYAML on its own keeps the last of two duplicate keys, reads `no` as False,
expands aliases without limit, and crashes the process (a C stack overflow, not
an exception) on a few tens of thousands of nested brackets. Every file rolefit
reads comes through here, so every command gets the same protection and the
same `file:line:col: message` errors.

The usual skills file is read by the subset reader below; everything else goes
to yamlfull (PyYAML), which is imported only when such a file turns up.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from rolefit.errors import RolefitError, shown_path
from rolefit.yaml.nodes import MAX_DEPTH, typed_scalar

# Re-exported: the readers of loaded data import these from here.
from rolefit.yaml.nodes import Mark as Mark
from rolefit.yaml.nodes import MarkedMap as MarkedMap
from rolefit.yaml.nodes import item_marks as item_marks
from rolefit.yaml.nodes import key_mark as key_mark
from rolefit.yaml.nodes import mark_of as mark_of
from rolefit.yaml.nodes import value_mark as value_mark

MAX_BYTES = 1024 * 1024
T = TypeVar("T")


def read_text(path: str | Path, label: str | None = None) -> str:
    """Read a file as UTF-8 text, with a clear error for every way that can fail."""
    where = label or shown_path(path)
    try:
        data = _read_bytes(path)
    except FileNotFoundError:
        raise RolefitError.at(where, "no such file") from None
    except IsADirectoryError:
        raise RolefitError.at(where, "is a folder, not a file") from None
    except PermissionError:
        raise RolefitError.at(where, "permission denied") from None
    except NotRegularFileError:
        raise RolefitError.at(where, "is not a regular file (a socket or device); give - to read stdin") from None
    except SilentPipeError:
        raise RolefitError.at(where, f"is a pipe nothing was written to in {PIPE_WAIT_SECONDS:g} seconds") from None
    except OSError as exc:
        raise RolefitError.at(where, f"cannot read: {exc.strerror or exc}") from None
    return decode(data, where)


class NotRegularFileError(OSError):
    """A socket or device where a file was expected."""


class SilentPipeError(OSError):
    """A pipe nobody wrote to in PIPE_WAIT_SECONDS."""


PIPE_WAIT_SECONDS = 10.0


def _wait_for_a_writer(fd: int) -> None:
    """A named pipe (or `<(command)`) is read like stdin, once something writes to
    it; one nobody writes to is an error after a while, never a wait forever."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    if not poller.poll(PIPE_WAIT_SECONDS * 1000):
        raise SilentPipeError
    os.set_blocking(fd, True)


def _read_bytes(path: str | Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a file, with plain system calls: they open
    a named pipe without waiting and tell a regular file from a pipe or device
    before reading. (Faster than a buffered file object too: `benchmarks/tricks.py`
    measures by how much.)"""
    # O_NONBLOCK: opening a pipe nobody writes to would otherwise wait forever.
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if stat.S_ISREG(mode):
            if 0 < size <= MAX_BYTES:
                # The usual file: asked for one byte more than its size, it gives
                # its size, so its end is reached in one read.
                data = os.read(fd, size + 1)
                if len(data) == size:
                    return data
                return _read_rest(fd, [data], len(data), size + 1)
        elif stat.S_ISDIR(mode):
            raise IsADirectoryError
        elif stat.S_ISFIFO(mode):
            _wait_for_a_writer(fd)
        else:
            raise NotRegularFileError
        # A pipe reports size 0 and is read in pieces, up to the limit; so is a file
        # that reports no size, or too large a size.
        return _read_rest(fd, [], 0, MAX_BYTES + 1)
    finally:
        os.close(fd)


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def _read_rest(fd: int, chunks: list[bytes], total: int, want: int) -> bytes:
    """`chunks` (`total` bytes) and what follows them, up to MAX_BYTES + 1 bytes in all."""
    while total <= MAX_BYTES:
        chunk = os.read(fd, min(want, MAX_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 (a BOM is fine), not too large, not binary."""
    if len(data) > MAX_BYTES:
        raise RolefitError.at(where, f"file is larger than {MAX_BYTES // 1024} KiB; is it the right file?")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RolefitError.at(where, "is UTF-16 text; save it as UTF-8")
    if data.startswith(b"%PDF-"):
        raise RolefitError.at(where, "is a PDF file, not YAML text")
    if b"\x00" in data:
        raise RolefitError.at(where, "is a binary file, not YAML text")
    # The BOM cut off by hand: plain "utf-8" is decoded in C, where "utf-8-sig"
    # is a codec lookup and a Python-level function per file. Places of a bad
    # byte are in the text after the BOM, as every other place in the file is.
    text = data[3:] if data.startswith(_BOM) else data
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = text.count(b"\n", 0, exc.start) + 1
        column = exc.start - (text.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = text[exc.start]
        raise RolefitError.at(where, f"is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", line, column) from None


_BOM = b"\xef\xbb\xbf"


def parse(text: str, where: str, loader_class: type[Any] | None = None, *, marks: bool = True) -> Any:
    """Parse one YAML document into data: MarkedMap/MarkedSeq with their places in
    the file when `marks`, plain dicts and lists (faster) otherwise. Without marks,
    a file in the simple subset is read here; anything else goes to PyYAML."""
    if not text.strip():
        raise RolefitError.at(where, "file is empty")
    if not marks and loader_class is None:
        simple = parse_simple(text)
        if simple is not None:
            return simple
    # Imported here: PyYAML takes longer to import than a usual skills file takes to read
    # (benchmarks/tricks.py).
    from rolefit.yaml import full as yamlfull

    data = yamlfull.parse(text, where, loader_class, marks=marks)
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
    where = label or shown_path(path)
    return parse(read_text(path, where), where, marks=marks)


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
# libyaml refuses; and document markers at its start (_MARKERS). (The `+` changes
# no answer of search(), and spares compiling the class twice at import, once
# more as a prefix for searching.)
_UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]+")
_MARKERS = ("---", "...")
# A plain scalar: a first character that starts no other token, then any
# characters but ": " and " #" (written as runs between those two characters,
# which the regex engine scans far faster than one alternative per character).
_PLAIN_RE = r"""(?:[^\ \-?:,\[\]{}\#&*!|>'"%@`]|[-?:](?=[^\ ]))[^:\#]*(?:(?::(?=[^\ ])|(?<=[^\ ])\#)[^:\#]*)*"""
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
    return typed_scalar(text.rstrip(" "))


def _tokens(text: str) -> list[_Token]:
    """Each line as a token; a `- key: value` line becomes an item token followed
    by a key token at the key's column. A cohort's files repeat the same lines
    (`  - Python`, `    level: 4`, `skills:`) thousands of times, so each distinct
    line is read once and remembered; the person's own lines (`name: ...`, one
    per file) are not. Raises _NotSimple at the first line outside the subset."""
    tokens: list[_Token] = []
    memo = _LINE_TOKENS
    for line in text.split("\n"):
        found = memo.get(line)
        if found is None:
            found = _line_tokens(line)
            if (not line or line.startswith(_REPEATING)) and len(memo) < _LINE_MEMO_SIZE:
                memo[line] = found
        tokens += found
    return tokens


_LINE_TOKENS: dict[str, tuple[_Token, ...]] = {}
_LINE_MEMO_SIZE = 50_000  # distinct lines remembered; past that, lines are read afresh
# How the lines that repeat across a cohort start: those inside `skills`, and the
# top-level fields a cohort shares (not `name:`, which is each person's own);
# blank lines (the "" after a file's last newline) are remembered too.
_REPEATING = (" ", "-", "skills:", "target:", "seniority:")


def _line_tokens(line: str) -> tuple[_Token, ...]:
    """The tokens of one line: none for a blank or comment line; _NotSimple for
    a line outside the subset."""
    # An ASCII line is usual unless it holds a control character (isprintable
    # says so in C); any other line is checked character by character.
    if (not (line.isascii() and line.isprintable()) and _UNUSUAL.search(line)) or line.startswith(_MARKERS):
        raise _NotSimple
    stripped = line.lstrip(" ")
    if not stripped or stripped[0] == "#":
        return ()
    match = _LINE.fullmatch(line)
    if match is None:
        raise _NotSimple
    spaces, dash, key, value = match.groups()
    if key is None:
        if dash is None or value is None:
            raise _NotSimple  # a lone scalar (a continuation line, or not a mapping), or "-" with the item below it
        return ((len(spaces), True, False, None, True, _scalar_of(value)),)
    token = (
        len(spaces) if dash is None else match.start(3),  # `- key: value`: the key's column
        False,
        True,
        _scalar_of(key),
        value is not None,
        None if value is None else _scalar_of(value),
    )
    return (token,) if dash is None else ((len(spaces), True, False, None, False, None), token)


# The reader: functions over the token list that take the place to read from and
# give back the place after what they read (plain locals: a cohort reads each
# token of thousands of files, and an attribute per step costs more).


def _block(tokens: list[_Token], at: int, indent: int, depth: int) -> tuple[Any, int]:
    if depth > MAX_DEPTH:
        raise _NotSimple
    if tokens[at][1]:
        return _sequence(tokens, at, indent, depth)
    return _mapping(tokens, at, indent, depth)


def _mapping(tokens: list[_Token], at: int, indent: int, depth: int) -> tuple[dict[Any, Any], int]:
    data: dict[Any, Any] = {}
    end = len(tokens)
    while at < end:
        at_indent, is_item, _, key, has_value, value = tokens[at]
        if at_indent < indent:
            break
        if at_indent > indent or is_item or key in data:
            raise _NotSimple  # stray indentation, an item among keys, or a duplicate key
        at += 1
        if not has_value:  # `key:` then an indented block (or a list at the same indent), or null
            value = None
            if at < end:
                below, below_is_item = tokens[at][0], tokens[at][1]
                if below > indent or (below == indent and below_is_item):
                    value, at = _block(tokens, at, below, depth + 1)
        data[key] = value
    return data, at


def _sequence(tokens: list[_Token], at: int, indent: int, depth: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    end = len(tokens)
    while at < end:
        at_indent, is_item, _, _, has_value, value = tokens[at]
        if at_indent < indent or (at_indent == indent and not is_item):
            break
        if at_indent > indent or not is_item:
            raise _NotSimple
        at += 1
        if not has_value:  # `- key: value` opens a mapping at the key's column
            value, at = _mapping(tokens, at, tokens[at][0], depth + 1)
        items.append(value)
    return items, at


def parse_simple(text: str) -> dict[Any, Any] | None:
    """A file in the simple subset as plain data, or None for anything else."""
    try:
        tokens = _tokens(text)
        if not tokens or tokens[0][0] != 0 or tokens[0][1]:
            return None
        data, at = _mapping(tokens, 0, 0, 1)
    except (_NotSimple, RecursionError):
        return None
    return data if at == len(tokens) else None
