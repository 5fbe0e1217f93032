"""The memos a run's matcher and role set keep are bounded, and remembering changes no result."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolefit.formats.profiles import load_profile
from rolefit.formats.roles import builtin_roles
from rolefit.matching import matcher as matching
from rolefit.render.json import report_data
from rolefit.scoring import fit as scoring
from rolefit.scoring.assess import assess, index_roles

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.yaml"))


def test_full_memos_change_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """A matcher and a role set that may remember nothing work everything out afresh, to the same reports."""
    roles = builtin_roles()
    fresh_matcher, fresh_indexes = index_roles(roles)
    remembered = [report_data(assess(load_profile(p), fresh_indexes, fresh_matcher)) for p in EXAMPLES]
    monkeypatch.setattr(matching, "MEMO_SIZE", 0)
    monkeypatch.setattr(scoring, "MEMO_SIZE", 0)
    matcher, indexes = index_roles(roles)
    for path, expected in zip(EXAMPLES, remembered, strict=True):
        assert report_data(assess(load_profile(path), indexes, matcher)) == expected
    assert not matcher._resolved and not matcher._fuzzy_found  # the bounds hold
    assert not indexes._credits and not indexes._in_file
