"""What reading a text (a résumé, a posting) needs, prepared when the wheel is built.

Reading a text against the built-in roles needs the phrase index (every name the
matcher knows, by token tuple: ``extract.PhraseIndex``). Building it costs more
than reading a 5-page résumé (``benchmarks/extraction.py`` prints both), so the
wheel build (``hatch_build.py``, through ``rolefit.texts.build``) ships its tables in
``text.pickle``, stamped like the prepared matcher they were built from
(``assess.PREPARED``): they are used only with that matcher. Editable installs
build the index at run time.

The text readers make their patterns with ``regex``: ``re.compile`` (Python's own
cache makes a pattern used twice cost nothing more).
"""

from __future__ import annotations

import re
from typing import Any

from rolefit import __version__, packaged

TEXT_PREPARED = "text.pickle"
TEXT_STAMP = (__version__, 2)  # rolefit version, format

_shipped: list[tuple[Any, dict[str, Any]] | None] = []


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`: the one way the text readers make a pattern."""
    return re.compile(pattern, flags)


def shipped_tables() -> tuple[Any, dict[str, Any]] | None:
    """The phrase index's tables, and the stamp of the prepared matcher they were built
    for (assess._PREPARED_STAMP), or None (an editable install, or a stale or broken file)."""
    if not _shipped:
        loaded = packaged.unpickled(packaged.read(TEXT_PREPARED), TEXT_STAMP, 1)
        _shipped.append(None if loaded is None else loaded[0])
    return _shipped[0]
