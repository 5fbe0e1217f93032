"""Roles with levels and one-of requirements, scored: fit at each level, the
option that counted, and the level a person is assessed at."""

from __future__ import annotations

import pytest

from rolefit.assess import Assessment, assess, index_roles
from rolefit.profiles import parse_profile
from rolefit.roles import load_role
from rolefit.scoring import RequirementResult

from .conftest import DATA

LEVELLED = DATA / "roles" / "levelled.yaml"


def _assess(skills: str, level: str | None = None) -> Assessment:
    matcher, indexes = index_roles([load_role(LEVELLED)])
    return assess(parse_profile(skills, "me.yaml"), indexes, matcher, None, level)  # type: ignore[arg-type]


def _by_name(assessment: Assessment) -> dict[str, RequirementResult]:
    return {r.requirement.name: r for r in assessment.detailed.requirements}


def test_one_of_is_met_by_its_best_option_and_says_which() -> None:
    result = _by_name(_assess("skills: {PyTorch: 2, TensorFlow: 4, Python: 4}\n"))["Deep learning framework"]
    assert result.option == "TensorFlow"
    assert result.matched_skill == "TensorFlow"
    assert result.user_level == 4
    assert result.credit == 1.0


def test_one_of_option_found_by_a_vocabulary_alias() -> None:
    result = _by_name(_assess("skills: {torch: 3}\n"))["Deep learning framework"]
    assert (result.option, result.matched_skill, result.match_method) == ("PyTorch", "torch", "alias")


def test_one_of_label_is_not_a_skill() -> None:
    result = _by_name(_assess("skills: {Deep learning framework: 5}\n"))["Deep learning framework"]
    assert result.status == "missing"


def test_fit_at_each_level_by_hand() -> None:
    # Python 4: targets 3/4/5; PyTorch 3: targets 2/3/4; Docker 3 (bonus/preferred/required, target 3);
    # no Mentoring (bonus/preferred/required). Weights: Programming 2, Communication 1.
    detailed = _assess("skills: {Python: 4, PyTorch: 3, Docker: 3}\n").detailed
    entry = 100.0  # required Python, framework met; no preferred at entry: all required pool
    mid = 75 * 1 + 25 * (2 * 1) / (2 + 1)  # preferred: Docker (2) met, Mentoring (1) missing
    senior_required = (2 * 4 / 5 + 2 * 3 / 4 + 2 * 1 + 1 * 0) / (2 + 2 + 2 + 1)
    senior = 100 * senior_required  # no preferred at senior
    assert detailed.fits == pytest.approx((entry, mid, senior))
    assert detailed.fit_by_level == pytest.approx({"entry": entry, "mid": mid, "senior": senior})
    assert detailed.level == "mid" and detailed.fit == pytest.approx(mid)


def test_assessed_level_sets_importance_and_target_shown() -> None:
    for level, importance, target in (("entry", "bonus", 2), ("mid", "preferred", 3), ("senior", "required", 4)):
        mentoring = _by_name(_assess("skills: {Mentoring: 3}\n", level))["Mentoring"]
        assert (mentoring.importance, mentoring.target) == (importance, target)
        assert mentoring.credit == min(3 / target, 1)


def test_level_option_over_seniority_over_default() -> None:
    assert _assess("skills: [Python]\n").level == "mid"
    assert not _assess("skills: [Python]\n").level_fixed
    assert _assess("seniority: senior\nskills: [Python]\n").level == "senior"
    fixed = _assess("seniority: senior\nskills: [Python]\n", "entry")
    assert fixed.level == "entry" and fixed.level_fixed
    assert fixed.detailed.slot == 0


def test_one_level_role_reads_the_same_at_every_level() -> None:
    from .test_roles import MINIMAL

    matcher, indexes = index_roles([load_role_text(MINIMAL)])
    fits = {
        level: assess(parse_profile("skills: {Python: 2}\n", "me.yaml"), indexes, matcher, None, level).detailed
        for level in ("entry", "mid", "senior")
    }
    assert [r.fit for r in fits.values()] == pytest.approx([100 * 2 / 3] * 3)
    assert all(r.fit_by_level == fits["mid"].fit_by_level for r in fits.values())
    assert list(fits["mid"].fit_by_level) == ["any"]


def load_role_text(text: str):  # type: ignore[no-untyped-def]
    from rolefit.roles import parse_role

    return parse_role(text, "role.yaml")
