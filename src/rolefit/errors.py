"""The one error type for expected failures: bad files, unknown roles, bad options."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we know."""

    path: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class RolefitError(Exception):
    """An expected failure; the CLI prints it on stderr and exits 2."""

    def __init__(self, problems: Problem | list[Problem] | tuple[Problem, ...]) -> None:
        if isinstance(problems, Problem):
            problems = (problems,)
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, message: str, line: int | None = None, column: int | None = None) -> RolefitError:
        return cls(Problem(path, message, line, column))


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as rolefit shows it everywhere (messages, every output format):
    as given, except that a byte that is not UTF-8 (a name from another system)
    is written `\\xNN`, so that every format can hold it and it means the same in each."""
    name = os.fspath(path)
    if name.isascii():  # the usual name, at no cost
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")
