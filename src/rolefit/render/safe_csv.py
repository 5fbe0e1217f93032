"""User text made safe for CSV: the one place that does it.

Rows are written with the RFC 4180 line ending (CR LF), so Python's csv module
quotes any cell holding a CR or an LF and a name can never split a row. A cell
a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
CR: `=HYPERLINK(...)`, `=cmd|' /C calc'!A0`) gets a leading apostrophe, which
spreadsheets show as text; pandas and other readers see the apostrophe.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """User text for one cell: never a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def writer(out: TextIO) -> Any:
    """A csv writer whose rows no cell can split (the csv module's writer type is private)."""
    return csv.writer(out, lineterminator="\r\n")


class RowWriter:
    """writer(out)'s rows of text cells, the usual ones (no cell holds a comma, a
    quote or a line break, so none is quoted) joined and written at once: the
    csv module looks at every character of every cell, a cohort's rows are many."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.quoting = writer(out)

    def writerow(self, cells: list[str]) -> None:
        line = ",".join(cells)
        plain = line.count(",") == len(cells) - 1 and '"' not in line and "\r" not in line and "\n" not in line
        if plain and len(cells) > 1:  # the csv module quotes a row of one empty cell
            self.out.write(line + "\r\n")
        else:
            self.quoting.writerow(cells)
