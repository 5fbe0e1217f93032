"""How figures are shown: fits and coverages (one rule for every format), and counts.

A figure is cut, never rounded up, to the precision it is shown at: one decimal
in json, csv and messages (28.86 -> 28.8), a whole percent in the table,
Markdown and the batch summaries (28.8 -> 28%). `--fail-under` tests the
one-decimal figure. So a fit shown as N% passes `--fail-under N`, a fit shown
as 28.8 passes `--fail-under 28.8`, and no figure anywhere claims more than the
fit that was computed.
"""

from __future__ import annotations

import math

# Float sums can land a hair under a round figure (74.99999999999999 for 75);
# rounding at this precision first keeps such a figure whole before it is cut.
_NOISE_DIGITS = 6


def decided(value: float) -> float:
    """The figure to one decimal, cut: the one json, csv and --fail-under use."""
    return math.floor(round(value * 10, _NOISE_DIGITS)) / 10


def whole(value: float) -> int:
    """The figure as a whole percent, cut: what the table and Markdown show.
    Cut from the decided figure, so that the two never disagree."""
    return math.floor(decided(value))


def percent(value: float) -> str:
    return f"{whole(value)}%"


def below(value: float, threshold: float) -> bool:
    """Whether a fit fails `--fail-under threshold`."""
    return decided(value) < threshold


def count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 learner`, `2 learners`, `0 learners`: a count that reads right."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
