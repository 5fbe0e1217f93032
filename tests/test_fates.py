"""What became of every entry of a skills file: exactly one fate each, and the right one."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.formats.profiles import parse_profile
from rolefit.formats.roles import builtin_roles, parse_role
from rolefit.matching.normalise import normalise
from rolefit.scoring.assess import Assessment, assess, build_matcher
from rolefit.scoring.fates import FATES
from rolefit.scoring.fit import RoleIndex, RoleSet

from .conftest import RunCli

ASKING = """\
id: asking
title: Asking role
categories:
  - name: Programming
    weight: 1
    skills:
      - name: Python
        level: 4
      - name: SQL
        importance: preferred
        level: 3
      - name: Containerization
        importance: bonus
        level: 3
"""
OTHER = """\
id: other
title: Other role
categories:
  - name: Writing
    weight: 1
    skills:
      - name: LaTeX
        level: 3
"""
ROLES = [parse_role(ASKING, "asking.yaml"), parse_role(OTHER, "other.yaml")]
MATCHER = build_matcher(ROLES)
ROLE_SET = RoleSet(RoleIndex(role, MATCHER) for role in ROLES)
TODAY = date(2026, 1, 15)


def _assess(text: str) -> Assessment:
    return assess(parse_profile("target: asking\n" + text, "f"), ROLE_SET, MATCHER, today=TODAY)


def _fates(text: str) -> list[tuple[str, str, int | None]]:
    return [(e.skill.as_written, e.fate, e.other) for e in _assess(text).entries]


def test_counted_with_requirement_and_how() -> None:
    entry = _assess("skills: {python3: 4}\n").entries[0]
    assert entry.fate == "counted"
    assert [(r.requirement.name, r.match_method, r.credit) for r in entry.counted_for] == [("Python", "exact", 1.0)]


def test_a_duplicate_names_the_entry_that_counted() -> None:
    assert _fates("skills:\n  Python: 4\n  python: 2\n") == [("Python", "counted", None), ("python", "duplicate", 1)]
    # The higher level counts wherever it is listed; the other line is the duplicate.
    assert _fates("skills:\n  python: 2\n  Python 3: 4\n") == [
        ("python", "duplicate", 2),
        ("Python 3", "counted", None),
    ]


def test_counted_through_another_entry() -> None:
    # Docker implies Containerization, which Kubernetes also implies: the first listed at equal credit counts.
    fates = _fates("skills:\n  Docker: 3\n  Kubernetes: 3\n")
    assert fates == [("Docker", "counted", None), ("Kubernetes", "through_other", 1)]


def test_recognised_but_not_asked_names_the_roles_that_ask() -> None:
    entries = _assess("skills: [LaTeX, Rust]\n").entries
    assert [(e.fate, e.asked_by, e.recognised_as) for e in entries] == [
        ("not_asked", ("other",), ("LaTeX",)),
        ("not_asked", (), ("Rust",)),
    ]


def test_not_recognised_with_a_close_name() -> None:
    entries = _assess("skills: [Kers, Basket weaving]\n").entries
    assert [(e.fate, e.suggestion) for e in entries] == [("not_recognised", "Keras"), ("not_recognised", None)]


def test_level_zero_is_listed_not_hidden() -> None:
    assert _fates("skills: {Python: 0, SQL: none}\n") == [("Python", "level_zero", None), ("SQL", "level_zero", None)]


def test_stale_entries_are_flagged_but_still_count() -> None:
    entry = _assess("skills:\n  - name: Python\n    level: 4\n    last_used: 2019\n").entries[0]
    assert (entry.fate, entry.stale) == ("counted", True)


_NAMES = st.sampled_from(
    ["Python", "python", "Python 3", "SQL", "sql", "Docker", "Kubernetes", "LaTeX", "Rust", "Kers", "Cobol", "torch"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.integers(0, 5)), min_size=1, max_size=10))
def test_every_entry_gets_exactly_one_fate(entries: list[tuple[str, int]]) -> None:
    text = "skills:\n" + "".join(f"  - name: {json.dumps(n)}\n    level: {level}\n" for n, level in entries)
    assessment = _assess(text)
    fates = assessment.entries
    assert [e.number for e in fates] == list(range(1, len(entries) + 1))
    assert all(e.fate in FATES for e in fates)
    by_number = {e.number: e for e in fates}
    for entry in fates:
        assert (entry.fate == "counted") == bool(entry.counted_for)
        assert (entry.fate == "level_zero") == (entry.skill.level == 0 and entry.fate != "duplicate")
        if entry.fate == "duplicate":
            kept = by_number[entry.other or 0]
            assert kept.fate != "duplicate" and normalise(kept.skill.name) == normalise(entry.skill.name)
        if entry.fate == "through_other":
            # the entry the role took instead: counted, or the person's own rating of 0,
            # which outranks what another entry implies
            assert entry.other is not None and by_number[entry.other].fate in ("counted", "level_zero")
    assert assessment.not_counted == tuple(e for e in fates if not e.counted_for)
    # Every requirement that earned credit is in the counted_for of exactly one entry.
    earned = [r.requirement.name for r in assessment.detailed.requirements if r.credit > 0]
    listed = [r.requirement.name for e in fates for r in e.counted_for]
    assert sorted(earned) == sorted(listed)


def test_the_builtin_roles_account_for_every_entry_of_the_examples() -> None:
    from rolefit.formats.profiles import load_profile

    from .conftest import EXAMPLES

    roles = builtin_roles()
    matcher = build_matcher(roles)
    role_set = RoleSet(RoleIndex(r, matcher) for r in roles)
    for path in EXAMPLES:
        profile = load_profile(path)
        assert len(assess(profile, role_set, matcher).entries) == len(profile.skills)


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_every_format_says_what_became_of_each_entry(cli: RunCli, fmt: str) -> None:
    text = "skills:\n  Zorbling: 3\n  python3: 4\n  Basket weaving: 2\n  Python: 1\n  Java: 0\n  Kers: 2\n"
    details = ["--details"] if fmt == "table" else []  # the one-screen table leaves entries to --details
    result = cli(["assess", "-", "--role", "ml-engineer", "-f", fmt, *details], stdin=text)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        entries = json.loads(result.stdout)["entries"]
        assert [(e["written"], e["fate"]) for e in entries] == [
            ("Zorbling", "not_recognised"),
            ("python3", "counted"),
            ("Basket weaving", "not_recognised"),
            ("Python", "duplicate"),
            ("Java", "level_zero"),
            ("Kers", "not_recognised"),
        ]
        assert entries[5]["suggestion"] == "Keras"
        not_counted = json.loads(result.stdout)["not_counted"]
        assert not_counted == [
            {"entry": e["entry"], "written": e["written"], "fate": e["fate"]} for e in entries if e["fate"] != "counted"
        ]
        return
    out = re.sub(r"\\(.)", r"\1", " ".join(result.stdout.split()))  # Markdown escapes user text
    assert "Zorbling" in out and "Basket weaving" in out and "not recognised" in out
    assert "did you mean Keras?" in out
    assert "the same skill as entry 2 (python3)" in out
    assert "rated 0 (none)" in out


def test_a_stale_skill_is_flagged_in_its_plan_step(cli: RunCli) -> None:
    text = "skills:\n  - name: Python\n    level: 2\n    last_used: 2001\n    evidence: A thesis in 2001\n"
    document = json.loads(cli(["assess", "-", "--role", "ml-engineer", "-f", "json", "--steps", "0"], text).stdout)
    (step,) = [s for s in document["plan"]["steps"] if s["matched_skill"] == "Python"]
    assert step["stale"] is True
    assert all(s["stale"] is False for s in document["plan"]["steps"] if s["matched_skill"] != "Python")
    (entry,) = document["entries"]
    assert (entry["stale"], entry["evidence"], entry["last_used"]) == (True, "A thesis in 2001", "2001")
    markdown = cli(["assess", "-", "--role", "ml-engineer", "-f", "markdown", "--steps", "0"], text).stdout
    assert "last used 2001: refresh it first" in markdown
    assert "| A thesis in 2001 |" in markdown
    table = cli(["assess", "-", "--role", "ml-engineer", "--steps", "0"], text).stdout
    assert "last used 2001: refresh it" in " ".join(table.split())
