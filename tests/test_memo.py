"""The memos a run keeps are bounded, and remembering changes no result."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from rolefit.assess import assess, index_roles
from rolefit.memo import Memo
from rolefit.profiles import load_profile
from rolefit.render.json import report_data
from rolefit.roles import builtin_roles

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.yaml"))


def test_a_memo_stops_growing_at_its_size() -> None:
    memo: Memo[str, int] = Memo(2)
    assert [memo.remember(k, v) for k, v in (("a", 1), ("b", 2), ("c", 3))] == [1, 2, 3]
    assert memo == {"a": 1, "b": 2}


def test_full_memos_change_no_result() -> None:
    """A matcher and a role set whose memos are full work everything out afresh, to the same report."""
    roles = builtin_roles()
    fresh_matcher, fresh_indexes = index_roles(roles)
    remembered = [report_data(assess(load_profile(p), fresh_indexes, fresh_matcher)) for p in EXAMPLES]
    matcher, indexes = index_roles(roles)
    matcher._resolved = Memo(0)
    matcher._fuzzy_found = Memo(0)
    indexes._credits = Memo(0)
    for path, expected in zip(EXAMPLES, remembered, strict=True):
        assert report_data(assess(load_profile(path), indexes, matcher)) == expected
    assert not matcher._resolved and not matcher._fuzzy_found and not indexes._credits


def test_what_a_plan_remembers_of_a_role_goes_with_its_index() -> None:
    matcher, indexes = index_roles(list(builtin_roles()))
    assess(load_profile(EXAMPLES[0]), indexes, matcher)
    gone = [weakref.ref(index) for index in indexes]
    del matcher, indexes
    gc.collect()
    assert all(ref() is None for ref in gone)
