"""The Rich consoles: stdout for the result, stderr for everything else."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console

ColorChoice = Literal["auto", "always", "never"]


def stdout_console(color: ColorChoice = "auto") -> Console:
    """Colour follows the conventions: off when stdout is not a terminal, off with
    NO_COLOR, on with FORCE_COLOR (Rich reads both); --color overrides them."""
    from rich.console import Console

    if color == "always":
        return Console(file=sys.stdout, force_terminal=True, highlight=False)
    if color == "never":
        return Console(file=sys.stdout, no_color=True, highlight=False, emoji=False)
    return Console(file=sys.stdout, highlight=False, emoji=False)


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
