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
_POWERS = tuple(10.0**digits for digits in range(16))  # exact as floats
_ROUNDER = 1.5 * 2.0**52  # added to and taken from a float under 2**51, rounds it to a whole number


def rounded(value: float, digits: int) -> float:
    """round(value, digits), the same float to the last bit, and faster.

    Python rounds the exact decimal value of `value`, which is slow. Here `value`
    is scaled and rounded to a whole number, which is the same whole number unless
    the scaled value sits within its rounding error of a half (the error is under
    2**-12 below 2**40); then, and far from that range, Python's own round does it.
    The whole number divided by the power of ten is the float nearest that decimal,
    which is what round returns. The whole number is found in float arithmetic
    (_ROUNDER), not with round(), which would make an int of it.
    tests/test_figures.py holds the two equal."""
    scale = _POWERS[digits]
    scaled = value * scale
    if -1099511627776.0 < scaled < 1099511627776.0:  # 2**40
        whole = scaled + _ROUNDER - _ROUNDER
        if -0.49 < scaled - whole < 0.49:
            return whole / scale if whole else 0.0 * value  # 0.0 * value: the sign of a zero, as round keeps it
    return round(value, digits)


def decided(value: float) -> float:
    """The figure to one decimal, cut: the one json, csv and --fail-under use."""
    return math.floor(rounded(value * 10, _NOISE_DIGITS)) / 10


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
