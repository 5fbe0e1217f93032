"""Consoles and output conventions: results go to stdout (or a file), everything else to stderr."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from rolefit.render import Style

ColorChoice = Literal["auto", "always", "never"]


def make_console(file: TextIO, style: Style) -> Console:
    """The one way rolefit builds a Rich console for a result: colour and width as
    decided by use_color() and output_width(), never Rich's own guesses."""
    from rich.console import Console

    console = Console(
        file=file,
        width=style.width,
        force_terminal=style.color,
        no_color=not style.color,
        color_system="standard" if style.color else None,
        highlight=False,
        emoji=False,
    )
    console.on_broken_pipe = _broken_pipe  # type: ignore[method-assign]
    return console


def _broken_pipe() -> None:
    """Rich exits with 1 when stdout's reader goes away, the code that means
    "below --fail-under"; the CLI decides what a closed pipe means."""
    raise BrokenPipeError


def stderr_console() -> Console:
    from rich.console import Console

    return Console(file=sys.stderr, highlight=False, emoji=False)


def use_color(choice: ColorChoice, is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """--color wins; then NO_COLOR (off) and FORCE_COLOR (on); then whether we write to a terminal."""
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return is_terminal


def output_width(is_terminal: bool, environ: Mapping[str, str]) -> int:
    import shutil

    if is_terminal:
        return shutil.get_terminal_size((80, 24)).columns
    columns = environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) >= 40 else 80
