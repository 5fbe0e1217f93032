"""Figures shown agree with the thresholds applied: one rule for every format."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.scoring.figures import below, count, decided, rounded, whole

from .conftest import RunCli

FITS = st.floats(min_value=0, max_value=100, allow_nan=False)


def _same(a: float, b: float) -> bool:
    """The same float, zeros by their sign too."""
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([0, 1, 6, 9, 12, 15]))
def test_rounded_is_round_to_the_last_bit(value: float, digits: int) -> None:
    assert _same(rounded(value, digits), round(value, digits))


@given(st.integers(-(10**12), 10**12), st.sampled_from([1, 6, 9]), st.sampled_from([0.0, 1e-15, -1e-15, 5e-13]))
def test_rounded_agrees_with_round_at_halves(whole_part: int, digits: int, nudge: float) -> None:
    """Values at and a hair from a half, where a scaled value's error could tip the rounding."""
    value = (whole_part + 0.5) / 10**digits + nudge
    assert _same(rounded(value, digits), round(value, digits))


@given(FITS, st.integers(0, 100))
def test_a_whole_percent_shown_passes_that_threshold(fit: float, threshold: int) -> None:
    assert (whole(fit) >= threshold) is not below(fit, threshold)


@given(FITS, st.integers(0, 1000))
def test_a_decimal_shown_passes_that_threshold(fit: float, tenths: int) -> None:
    threshold = tenths / 10
    assert (decided(fit) >= threshold) is not below(fit, threshold)


@given(FITS)
def test_no_figure_claims_more_than_the_fit(fit: float) -> None:
    assert whole(fit) <= decided(fit) <= fit + 1e-6
    assert decided(fit) > fit - 0.1 - 1e-6


def test_float_noise_under_a_round_figure_is_not_cut_down() -> None:
    assert whole(74.99999999999999) == 75 and decided(28.799999999999997) == 28.8


# A role whose fit for "Python: 3" is 28.86: a whole percent 28, one decimal 28.8.
BOUNDARY_ROLE = """\
id: boundary
title: Boundary
categories:
  - name: Held
    weight: 0.2886
    skills: [{name: Python, importance: required, level: 3}]
  - name: Missing
    weight: 0.7114
    skills: [{name: Rust, importance: required, level: 3}]
"""


def _shown_fit(fmt: str, stdout: str) -> float:
    if fmt == "json":
        fit: float = json.loads(stdout)["roles"][0]["fit"]
        return fit
    line = next(line for line in stdout.splitlines() if "Boundary" in line and "%" in line)
    return float(re.findall(r"(\d+)%", line)[0])


@pytest.mark.parametrize(("fmt", "unit"), [("table", 1), ("markdown", 1), ("json", 0.1)])
def test_the_fit_shown_decides_fail_under(cli: RunCli, tmp_path: Path, fmt: str, unit: float) -> None:
    """The figure shown passes --fail-under at that figure, and the next figure up fails."""
    role = tmp_path / "boundary.yaml"
    role.write_text(BOUNDARY_ROLE)
    args = ["assess", "-", "--role", str(role), "-f", fmt, "--color", "never"]
    shown = _shown_fit(fmt, cli(args, stdin="skills: {Python: 3}\n").stdout)
    assert shown == {1: 28, 0.1: 28.8}[unit]
    passing = cli([*args, "--fail-under", f"{shown:g}"], stdin="skills: {Python: 3}\n")
    failing = cli([*args, "--fail-under", f"{shown + unit:g}"], stdin="skills: {Python: 3}\n")
    assert passing.exit_code == 0
    assert failing.exit_code == 1
    assert f"fit 28.8 is below --fail-under {shown + unit:g}" in failing.stderr


def test_fit_28_8_fails_fail_under_29_and_shows_28(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "boundary.yaml"
    role.write_text(BOUNDARY_ROLE.replace("0.2886", "0.288").replace("0.7114", "0.712"))
    result = cli(["assess", "-", "--role", str(role), "--fail-under", "29"], stdin="skills: {Python: 3}\n")
    assert result.exit_code == 1
    assert "28%" in result.stdout and "29%" not in result.stdout
    assert "fit 28.8 is below --fail-under 29" in result.stderr


@pytest.mark.parametrize(("number", "text"), [(0, "0 learners"), (1, "1 learner"), (2, "2 learners")])
def test_counts_read_right(number: int, text: str) -> None:
    assert count(number, "learner") == text
