"""The choices and defaults the command line offers.

Imported at start-up (typer needs them to build the commands), so this module
imports nothing heavy: `rolefit --help` and shell completion stay fast.
"""

from __future__ import annotations

import enum

DEFAULT_STEPS = 10  # learning-plan length
SUMMARY_STEPS = 4  # the plan's length in the one-screen table (no --steps, no --details)


class ReportFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class BatchFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"
    matrix = "matrix"


class DiffFormat(str, enum.Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


class DraftFormat(str, enum.Enum):
    yaml = "yaml"
    json = "json"


class ListFormat(str, enum.Enum):
    table = "table"
    json = "json"


class SchemaKind(str, enum.Enum):
    skills = "skills"
    role = "role"
    report = "report"
    batch = "batch"
    explain = "explain"


class LevelChoice(str, enum.Enum):
    """Seniorities, as rolefit.model.SENIORITIES (a test holds the two together)."""

    entry = "entry"
    mid = "mid"
    senior = "senior"


class ColorOption(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"
