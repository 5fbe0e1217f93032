"""Files shipped inside the package: the compiled roles, the vocabulary, the
prepared matcher, and the role files themselves.

Read through the import system (pkgutil.get_data), so they are found the same
way from a wheel, a zip or a checkout. importlib.resources would do the same,
but its import costs more than pkgutil's (`benchmarks/tricks.py`).
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any


def read(name: str) -> bytes | None:
    """The bytes of a shipped file (`name` relative to the package, with `/`), or None."""
    try:
        return pkgutil.get_data("rolefit", name)
    except OSError:
        return None


def folder(name: str) -> Path | None:
    """A shipped folder people may open and read, when the package is on disk."""
    path = Path(__file__).parent / name
    return path if path.is_dir() else None


def unpickled(
    data: bytes | None, stamp: object, parts: int, load: Callable[[bytes], Any] | None = None
) -> tuple[Any, ...] | None:
    """The `parts` objects after the stamp in a shipped pickle of (stamp, ...), or None
    when there is none, it is broken or another version wrote it. Only files inside the
    installed package, stamped by the version that wrote them, are ever unpickled."""
    if data is None:
        return None
    import pickle

    try:
        found, *contents = (load or pickle.loads)(data)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return tuple(contents) if found == stamp and len(contents) == parts else None
