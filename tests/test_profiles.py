from __future__ import annotations

import pytest

from rolefit.errors import RolefitError
from rolefit.model import DEFAULT_LEVEL, Skill
from rolefit.profiles import parse_profile

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
