"""Renderers: they read results and never compute them. One module per format,
each with `render_report(assessment, style) -> str`."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.options import ReportFormat

if TYPE_CHECKING:
    from rolefit.assess import Assessment


@dataclass(frozen=True)
class Style:
    color: bool = False
    width: int = 80


# Modules are imported when used, so `--format json` never imports Rich.
REPORT_MODULES: dict[ReportFormat, str] = {
    ReportFormat.table: "rolefit.render.table",
    ReportFormat.json: "rolefit.render.json",
    ReportFormat.markdown: "rolefit.render.markdown",
}


def render_report(fmt: ReportFormat, assessment: Assessment, style: Style) -> str:
    module = importlib.import_module(REPORT_MODULES[fmt])
    text: str = module.render_report(assessment, style)
    return text
