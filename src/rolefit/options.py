"""The choices and defaults the command line offers.

Imported at start-up (typer needs them to build the commands), so this module
imports nothing heavy: `rolefit --help` and shell completion stay fast.
"""

from __future__ import annotations

import enum

DEFAULT_STEPS = 10  # learning-plan length


class ReportFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class BatchFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"


class ListFormat(str, enum.Enum):
    table = "table"
    json = "json"


class SchemaKind(str, enum.Enum):
    skills = "skills"
    role = "role"
    report = "report"
    batch = "batch"
    explain = "explain"


class ColorOption(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"
