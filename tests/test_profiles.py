from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.model import DEFAULT_LEVEL, Skill
from rolefit.profiles import parse_profile

from .conftest import EXAMPLES

STYLES = {
    "names": "skills: [Python, SQL]\n",
    "mappings": "skills:\n  - name: Python\n  - name: SQL\n",
    "mapping of levels": "skills:\n  Python:\n  SQL:\n",
}


@pytest.mark.parametrize("text", STYLES.values(), ids=list(STYLES))
def test_three_styles_normalise_to_one_model(text: str) -> None:
    profile = parse_profile(text, "f")
    assert [(s.name, s.level, s.level_assumed) for s in profile.skills] == [
        ("Python", DEFAULT_LEVEL, True),
        ("SQL", DEFAULT_LEVEL, True),
    ]


@pytest.mark.parametrize(
    ("written", "level"),
    [("0", 0), ("5", 5), ("expert", 5), ("Advanced", 4), ("BEGINNER", 2), ("awareness", 1), ("none", 0), ("3.0", 3)],
)
def test_levels_as_numbers_or_words(written: str, level: int) -> None:
    profile = parse_profile(f"skills:\n  Python: {written}\n", "f")
    assert profile.skills[0].level == level
    assert profile.skills[0].level_assumed is False


def test_details_and_context_are_kept() -> None:
    profile = parse_profile(
        "name: Ada\ntarget: ml-engineer\nskills:\n"
        "  - name: PyTorch\n    level: 4\n    years: 2.5\n    evidence: thesis\n    last_used: 2024-05\n",
        "f",
    )
    assert profile.name == "Ada" and profile.target == "ml-engineer"
    assert profile.skills == (Skill("PyTorch", 4, years=2.5, evidence="thesis", last_used="2024-05"),)


def test_a_skill_called_no_is_a_skill() -> None:
    assert [s.name for s in parse_profile("skills: [NO, 'yes', R, C++, C#]\n", "f").skills] == [
        "NO",
        "yes",
        "R",
        "C++",
        "C#",
    ]


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(RolefitError) as info:
        parse_profile("naem: x\nskills:\n  Python: 9\n  SQL: guru\n", "f")
    assert [str(p) for p in info.value.problems] == [
        "f:1:1: unknown field 'naem'; did you mean 'name'?",
        "f:3:11: skill 'Python': level 9 is out of range; levels go from 0 (none) to 5 (expert)",
        "f:4:8: skill 'SQL': unknown level 'guru'; expected one of: none, awareness, beginner, intermediate, "
        "advanced, expert (or 0-5)",
    ]


def test_seniority_is_read_and_checked() -> None:
    assert parse_profile("seniority: Senior\nskills: [Python]\n", "f").seniority == "senior"
    assert parse_profile("skills: [Python]\n", "f").seniority is None
    with pytest.raises(RolefitError) as info:
        parse_profile("seniority: junior\nskills: [Python]\n", "f")
    assert str(info.value) == "f:1:12: 'seniority' is 'junior'; did you mean 'entry'?"


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 90),
    st.floats(-1, 90, allow_nan=False),
    st.sampled_from(["", " ", "Python", " C++ ", "expert", "Advanced", "guru", "3", "7", "x  y", "2024-05"]),
    st.text(max_size=6),
)
_SKILL = st.one_of(
    _SCALARS,
    st.dictionaries(
        st.sampled_from(["name", "level", "years", "evidence", "last_used", "levle"]), _SCALARS, max_size=5
    ),
)
_DOCUMENT = st.one_of(
    _SCALARS,
    st.fixed_dictionaries(
        {},
        optional={
            "name": _SCALARS,
            "target": _SCALARS,
            "seniority": st.one_of(_SCALARS, st.sampled_from(["entry", "mid", "senior", "Senior", "junior"])),
            "skills": st.one_of(
                _SCALARS, st.lists(_SKILL, max_size=4), st.dictionaries(_SCALARS, _SCALARS, max_size=4)
            ),
            "skils": _SCALARS,
        },
    ),
)


@given(_DOCUMENT)
def test_the_shortcut_for_usual_files_agrees_with_the_checks(document: object) -> None:
    """profile_from_data takes a shortcut for the usual, valid shapes; it must give
    exactly what the full checks give, and decline everything they would refuse."""
    from rolefit.checks import Checker
    from rolefit.profiles import _simple_profile

    shortcut = _simple_profile(document, "f")
    if shortcut is None:
        return
    # The full checks, run on their own: a valid file gives the same profile.
    check = Checker("f")
    top = check.top_mapping(document, "skills file")
    from rolefit.profiles import _seniority, _skills

    skills = _skills(check, top.get("skills"), None)
    assert check.problems == []
    assert shortcut.skills == tuple(skills)
    assert shortcut.name == check.text(top, "name", "") and shortcut.target == check.text(top, "target", "")
    assert shortcut.seniority == _seniority(check, top)
    assert check.problems == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_take_the_shortcut(path: Path) -> None:
    from rolefit.profiles import _simple_profile
    from rolefit.yamlsafe import load_file

    data = load_file(path, marks=False)
    assert _simple_profile(data, "f") is not None


def test_a_remembered_skill_never_stands_in_for_an_equal_key_of_another_type() -> None:
    """Skills given by name and level are remembered across files; 1, 1.0 and
    true are equal dictionary keys, but only the first two are levels."""
    assert parse_profile("skills: {Python: 1}\n", "f").skills[0].level == 1
    assert parse_profile("skills: {Python: 1.0}\n", "f").skills[0].level == 1
    with pytest.raises(RolefitError, match="not true/false"):
        parse_profile("skills: {Python: true}\n", "f")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_remembering_skills_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rolefit import profiles
    from rolefit.profiles import load_profile

    remembered = load_profile(path)
    monkeypatch.setattr(profiles, "_NAMED_SKILLS", {})
    monkeypatch.setattr(profiles, "_NAMED_MEMO_SIZE", 0)
    assert load_profile(path) == remembered
    assert profiles._NAMED_SKILLS == {}  # the bound holds
