"""What reading a text (a résumé, a posting) needs, prepared when the wheel is built.

Reading a text against the built-in roles needs the phrase index (every name the
matcher knows, by token tuple: ``extract.PhraseIndex``) and some 140 regular
expressions (``extract``, ``phrasing``, ``draft``, ``posting``). Building the one
and compiling the others cost far more than reading a 5-page résumé
(``benchmarks/extraction.py`` prints both), so the wheel build (``hatch_build.py``)
ships them in ``text.pickle``:

- the phrase index's tables, stamped like the prepared matcher they were built
  from (``assess.PREPARED``): they are used only with that matcher;
- each pattern as the program Python's regular-expression engine runs, made by
  the ``re`` module's own compiler at build time. A program is used only by the
  Python that wrote it (the same version and engine, checked), and the engine
  validates it when it is loaded; anything else falls back to ``re.compile``.

Every pattern of those modules is made with ``regex``, which records it (the build,
``rolefit.textbuild``, ships what was recorded) and takes the shipped program where
there is one.
Editable installs and other Pythons compile and build at run time, as before.
"""

from __future__ import annotations

import pickle
import re
import sys
from typing import Any

from rolefit import __version__, packaged

TEXT_PREPARED = "text.pickle"
TEXT_STAMP = (__version__, 1)  # rolefit version, format
# The engine a compiled program is for: the interpreter and the engine's own version.
_sre: Any = sys.modules.get("_sre")  # CPython's engine, imported by `re`
ENGINE = (sys.implementation.cache_tag, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))

_WANTED: set[tuple[str, int]] = set()  # every (pattern, flags) made with `regex`
_shipped: tuple[tuple[Any, dict[str, Any]] | None, dict[tuple[str, int], tuple[Any, ...]]] | None = None


def _load() -> tuple[tuple[Any, dict[str, Any]] | None, dict[tuple[str, int], tuple[Any, ...]]]:
    """The shipped phrase-index tables (or None) and compiled programs (or none)."""
    global _shipped
    if _shipped is None:
        _shipped = (None, {})
        data = packaged.read(TEXT_PREPARED)
        if data is not None:
            try:
                stamp, engine, programs, tables = pickle.loads(data)
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
                stamp = None
            if stamp == TEXT_STAMP:
                _shipped = (tables, programs if engine == ENGINE else {})
    return _shipped


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program the wheel ships when it has it."""
    flags = int(flags)  # a RegexFlag does not pickle
    _WANTED.add((pattern, flags))
    program = _load()[1].get((pattern, flags))
    if program is not None:
        try:
            return from_program(pattern, program)
        except Exception:  # not a program this engine accepts (or no such engine): compile
            pass
    return re.compile(pattern, flags)


def recorded() -> list[tuple[str, int]]:
    """Every (pattern, flags) made with `regex` in this process, in order."""
    return sorted(_WANTED)


def from_program(pattern: str, program: tuple[Any, ...]) -> re.Pattern[str]:
    """The pattern the engine makes of a program (see program_of)."""
    compiled: re.Pattern[str] = _sre.compile(pattern, *program)
    return compiled


def shipped_tables() -> tuple[Any, dict[str, Any]] | None:
    """The phrase index's tables, and the stamp of the prepared matcher they were built
    for (assess._PREPARED_STAMP), or None (an editable install)."""
    return _load()[0]


def program_of(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re.compile` hands the engine for a pattern (re._compiler.compile, in parts)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_compile as _compiler
        import sre_parse as _parser
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # the opcodes as plain numbers
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
