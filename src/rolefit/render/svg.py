"""Charts as inline SVG, made from numbers the caller already prepared.

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>`, labels and
values written as text beside the marks (colour is never the only carrier), and
no `style` attribute: colours come from classes the page's one stylesheet sets,
so the page's Content-Security-Policy can allow that stylesheet alone and the
charts follow light and dark mode. The drawing is narrow (a 360-unit view box)
so that its text stays readable when a phone shrinks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rolefit.render.safe_html import escape

WIDTH = 360
_FONT = 14  # view-box units; the chart is shown at about 1x on a phone, up to 1.5x on a screen
_LABEL_GAP = 4
_BAR = 12
_ROW = _FONT + _LABEL_GAP + _BAR + 12


class Bar(NamedTuple):
    label: str  # user text allowed: escaped here
    value: float  # 0-100, the length of the bar
    shown: str  # the value as the page writes it ("64.3%")
    mark: str = ""  # a word after the value, so meaning never rests on colour ("ready")
    css: str = "bar"


def _open(chart_id: str, title: str, desc: str, height: float) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:g}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]


def bars(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[Bar],
    threshold: float | None = None,
    threshold_label: str = "",
) -> str:
    """Horizontal bars on a 0-100 scale, each under its label with its value at the right;
    an optional dashed line marks a threshold (readiness's 70)."""
    top = _FONT + 6 if threshold is not None else 0
    height = top + len(rows) * _ROW + 4
    parts = _open(chart_id, title, desc, height)
    if threshold is not None:
        x = WIDTH * threshold / 100
        parts.append(
            f'<text class="note" x="{x:.1f}" y="{_FONT}" text-anchor="middle">{escape(threshold_label)}</text>'
        )
        parts.append(
            f'<line class="threshold" x1="{x:.1f}" y1="{_FONT + 3}" x2="{x:.1f}" y2="{height - 4:g}" stroke-dasharray="4 3"/>'
        )
    for i, row in enumerate(rows):
        y = top + i * _ROW + _FONT
        value = f"{row.shown} {row.mark}".strip()
        parts.append(f"<g><title>{escape(row.label)}: {escape(value)}</title>")
        parts.append(f'<text class="label" x="0" y="{y}">{escape(_cut(row.label, 40))}</text>')
        parts.append(f'<text class="value" x="{WIDTH}" y="{y}" text-anchor="end">{escape(value)}</text>')
        bar_y = y + _LABEL_GAP
        parts.append(f'<rect class="track" x="0" y="{bar_y}" width="{WIDTH}" height="{_BAR}"/>')
        width = WIDTH * max(0.0, min(row.value, 100.0)) / 100
        if width > 0:
            parts.append(f'<rect class="{row.css}" x="0" y="{bar_y}" width="{width:.1f}" height="{_BAR}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts)


def histogram(chart_id: str, title: str, desc: str, counts: Sequence[int], unit: str) -> str:
    """Columns for equal bands of 0-100, each with its count written above it and
    the band edges below (0, 10, ... 100); `unit` names what is counted ("learners")."""
    height = 150
    base = height - _FONT - 8
    peak = max(counts, default=0) or 1
    column = WIDTH / len(counts)
    step = 100 / len(counts)
    parts = _open(chart_id, title, desc, height)
    parts.append(f'<line class="axis" x1="0" y1="{base}" x2="{WIDTH}" y2="{base}"/>')
    for i, n in enumerate(counts):
        x = i * column
        tall = (base - _FONT - 6) * n / peak
        band = f"{step * i:g} to {step * (i + 1):g}"
        parts.append(f"<g><title>{band}: {n} {escape(unit)}</title>")
        if tall > 0:
            parts.append(
                f'<rect class="bar" x="{x + 2:.1f}" y="{base - tall:.1f}" width="{column - 4:.1f}" height="{tall:.1f}"/>'
            )
        middle = x + column / 2
        parts.append(f'<text class="value" x="{middle:.1f}" y="{base - tall - 3:.1f}" text-anchor="middle">{n}</text>')
        parts.append("</g>")
    for i in range(len(counts) + 1):
        anchor = "start" if i == 0 else "end" if i == len(counts) else "middle"
        parts.append(
            f'<text class="note" x="{i * column:.1f}" y="{base + _FONT + 4}" text-anchor="{anchor}">{step * i:g}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _cut(text: str, width: int) -> str:
    """A label that fits its line; the full text stays in the row's <title> and the table."""
    return text if len(text) <= width else text[: width - 1] + "…"
