"""Where results go: stdout, or the file the user named, written safely.

`-o FILE` writes into the file the user named and never leaves it half-written:

- a regular file (new or existing) is written to a temporary file beside it and
  renamed into place only when everything succeeded; on an error, Ctrl-C,
  SIGTERM or SIGHUP the temporary file is removed and the target is left as it
  was. An existing file keeps its permissions (and its owner, where allowed);
- a symlink is followed: its target is replaced as above, and the link stays a link;
- a device or a named pipe (`-o /dev/null`, `-o /dev/stderr`, a FIFO) is
  written to directly, since there is nothing to replace;
- `-o -` is stdout.

A report taller than the terminal is paged the way git pages: ROLEFIT_PAGER,
then PAGER, else `less -FRX` (F: quit at once when it fits, R: keep colour,
X: leave the text on screen); an empty value or `cat` turns paging off. Never
when stdout is not a terminal.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TextIO

from rolefit.errors import RolefitError, shown_path

STDOUT = "-"


def target(path: Path | None) -> Path | None:
    """The file to write, or None for stdout (no -o, or `-o -`)."""
    return None if path is None or str(path) == STDOUT else path


def check_not_input(
    path: Path | None, inputs: Iterable[str | Path], known: Mapping[tuple[int, int] | str, str] | None = None
) -> None:
    """Refuse to write the report over one of the files it is made from: `known`
    files by their (device, inode) (a cohort's, from cohort.batch.discover, which
    read them from its folder listings), and the few other `inputs` by name."""
    if path is None:
        return
    try:
        written = path.stat()
    except OSError:
        return  # not there yet, so not an input; any other problem is reported when writing
    if not stat.S_ISREG(written.st_mode):
        return
    identity = (written.st_dev, written.st_ino)
    same = (known or {}).get(identity) or next((name for name in inputs if file_identity(name) == identity), None)
    if same is not None:
        raise RolefitError.at(shown_path(path), f"-o names an input file ({shown_path(same)}); it would be overwritten")


def file_identity(name: str | Path) -> tuple[int, int] | None:
    """The (device, inode) of the file a name leads to, or None when it cannot be
    looked up: two names are one file when these are equal."""
    try:
        info = os.stat(name)  # noqa: PTH116
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """stdout when path is None or `-`, else a safe writer for path."""
    path = target(path)
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    real = Path(os.path.realpath(path))  # a symlink's target is written; the link stays
    try:
        info: os.stat_result | None = real.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise RolefitError.at(shown_path(path), "cannot write: is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _written_through(real, path) as handle:
            yield handle
        return
    with _replaced(real, path, info) as handle:
        yield handle


@contextlib.contextmanager
def _written_through(real: Path, named: Path) -> Iterator[TextIO]:
    """A device or a pipe: nothing to replace, so written as it comes."""
    try:
        handle = real.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _cannot_write(named, exc) from None
    try:
        with handle:
            yield handle
    except OSError as exc:
        raise _cannot_write(named, exc) from None


@contextlib.contextmanager
def _replaced(real: Path, named: Path, existing: os.stat_result | None) -> Iterator[TextIO]:
    """A regular file: a temporary file beside it, renamed over it at the end."""
    import tempfile  # only for -o: its import is start-up time otherwise (benchmarks/tricks.py)

    try:
        fd, temp_name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise _cannot_write(named, exc) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            temp.chmod(stat.S_IMODE(existing.st_mode))
            if hasattr(os, "chown") and (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.chown(temp, existing.st_uid, existing.st_gid)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temp.chmod(0o666 & ~umask)
        temp.replace(real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise _cannot_write(named, exc) from None
        raise


DEFAULT_PAGER = "less -FRX"
COMMAND_NOT_FOUND = 127  # the shell's exit code when the pager does not exist


def _cannot_write(path: Path, exc: OSError) -> RolefitError:
    return RolefitError.at(shown_path(path), f"cannot write: {exc.strerror or exc}")


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
