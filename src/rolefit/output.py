"""Where results go: stdout, a pager, or a file written atomically (never half-written).

A file target is written to a temporary file beside it and renamed into place
only when everything succeeded; on an error or Ctrl-C the temporary file is
removed and the target is left as it was.

A report taller than the terminal is paged the way git pages: ROLEFIT_PAGER,
then PAGER, else `less -FRX` (F: quit at once when it fits, R: keep colour,
X: leave the text on screen); an empty value or `cat` turns paging off. Never
when stdout is not a terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
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


DEFAULT_PAGER = "less -FRX"
COMMAND_NOT_FOUND = 127  # the shell's exit code when the pager does not exist


def emit(text: str, path: Path | None, pager: bool = False) -> None:
    """Write the result; with pager=True, through the pager when a person reads it on
    a terminal too short for it."""
    if pager and path is None and sys.stdout.isatty():
        import shutil

        command = pager_command(os.environ)
        if command and text.count("\n") > shutil.get_terminal_size().lines and page(text, command):
            return
    with open_output(path) as handle:
        handle.write(text)


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The pager to use, or None for none: ROLEFIT_PAGER, then PAGER, then less -FRX."""
    for name in ("ROLEFIT_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in ("", "cat") else command
    return DEFAULT_PAGER


def page(text: str, command: str) -> bool:
    """Show text through the pager command (run by the shell, as git does). False
    when the command does not exist, so that the caller prints the text instead."""
    import subprocess

    environ = dict(os.environ)
    environ.setdefault("LESS", "FRX")  # what git sets, for a PAGER=less without options
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: that is fine
        pass
    while True:
        try:
            returncode = process.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C is the pager's to handle, as in git
            continue
    return returncode != COMMAND_NOT_FOUND


def read_stdin(limit: int) -> bytes:
    return sys.stdin.buffer.read(limit + 1)
