"""Where results go: stdout, or a file written atomically (never half-written).

A file target is written to a temporary file beside it and renamed into place
only when everything succeeded; on an error or Ctrl-C the temporary file is
removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from rolefit.errors import RolefitError


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """stdout when path is None, else an atomic writer for path."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    import tempfile  # only for -o: ~1 ms of start-up otherwise

    folder = path.parent if str(path.parent) else Path()
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise RolefitError.at(str(path), f"cannot write: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        temp.chmod(0o666 & ~umask)
        temp.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise RolefitError.at(str(path), f"cannot write: {exc.strerror or exc}") from None
        raise


def emit(text: str, path: Path | None) -> None:
    with open_output(path) as handle:
        handle.write(text)


def read_stdin(limit: int) -> bytes:
    return sys.stdin.buffer.read(limit + 1)
