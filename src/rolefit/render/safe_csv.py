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
