"""Roles with levels and one-of requirements, scored: fit at each level, the
option that counted, and the level a person is assessed at."""

from __future__ import annotations

import re

import pytest

from rolefit.formats.profiles import parse_profile
from rolefit.formats.roles import load_role
from rolefit.scoring.assess import Assessment, assess, index_roles
from rolefit.scoring.fit import RequirementResult

from .conftest import DATA, RunCli

LEVELLED = DATA / "roles" / "levelled.yaml"


def credit(level: int, target: int) -> float:
    """The credit rule of docs/fit.md: below the target, the share of the work to it
    done, each level 1.5 times the work of the one before."""
    return 1.0 if level >= target else (1.5**level - 1) / (1.5**target - 1)


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
    # Python 4: targets 3/4/5; PyTorch 3: targets 2/3/4; Docker 1 (bonus/preferred/required, target 3);
    # no Mentoring (bonus/preferred/required). Weights: Programming 2, Communication 1.
    detailed = _assess(WORKED).detailed
    entry = 100.0  # required Python, framework met; no preferred at entry: all required pool
    # preferred: Docker (2) at 1 of 3: 0.5 / 2.375 = 0.21; Mentoring (1) missing;
    # the pool is full at half its weight, 1.5
    mid = 75 * 1 + 25 * (2 * 0.5 / 2.375) / (0.5 * (2 + 1))
    # Python 4 of 5: 4.0625 / 6.59375 = 0.62; PyTorch 3 of 4: 2.375 / 4.0625 = 0.58
    senior_required = (2 * 4.0625 / 6.59375 + 2 * 2.375 / 4.0625 + 2 * 0.5 / 2.375 + 1 * 0) / (2 + 2 + 2 + 1)
    senior = 100 * senior_required  # no preferred at senior
    assert detailed.own_fits == pytest.approx((entry, mid, senior))
    assert detailed.fits == pytest.approx((entry, mid, senior))  # already falling with seniority
    assert detailed.fit_by_level == pytest.approx({"entry": entry, "mid": mid, "senior": senior})
    assert detailed.level == "mid" and detailed.fit == pytest.approx(mid)


def test_assessed_level_sets_importance_and_target_shown() -> None:
    for level, importance, target in (("entry", "bonus", 2), ("mid", "preferred", 3), ("senior", "required", 4)):
        mentoring = _by_name(_assess("skills: {Mentoring: 3}\n", level))["Mentoring"]
        assert (mentoring.importance, mentoring.target) == (importance, target)
        assert mentoring.credit == pytest.approx(credit(3, target))


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
    assert [r.fit for r in fits.values()] == pytest.approx([100 * 1.25 / 2.375] * 3)  # 2 of 3: 52.6
    assert all(r.fit_by_level == fits["mid"].fit_by_level for r in fits.values())
    assert list(fits["mid"].fit_by_level) == ["any"]


def load_role_text(text: str):  # type: ignore[no-untyped-def]
    from rolefit.formats.roles import parse_role

    return parse_role(text, "role.yaml")


WORKED = "skills: {Python: 4, PyTorch: 3, Docker: 1}\n"  # the worked example of docs/fit.md


def test_worked_example_of_the_docs() -> None:
    assessment = _assess(WORKED)
    detailed = assessment.detailed
    assert {k: round(v, 1) for k, v in detailed.fit_by_level.items()} == {"entry": 100.0, "mid": 82.0, "senior": 40.3}
    assert detailed.missing_required == (0, 0, 1)  # Mentoring, required at senior only
    assert detailed.missing_share(2) == pytest.approx(1 / 7)  # within the quarter that may be missing
    assert detailed.ready_for == "mid"
    assert assessment.plan.level == "senior"  # the next level up from ready_for
    assert [(s.requirement.name, round(s.fit_gain, 1)) for s in assessment.plan.steps] == [
        ("Docker", 22.6),  # 2 x (1 - 0.21) of the required 7
        ("Mentoring", 14.3),  # 1 of 7
        ("Deep learning framework", 11.9),  # 2 x (1 - 0.58) of 7
        ("Python", 11.0),  # 2 x (1 - 0.62) of 7
    ]


@pytest.mark.parametrize(
    ("skills", "ready_for", "plan_level"),
    [
        ("skills: {Python: 1}\n", None, "entry"),  # ready for nothing: the plan aims at the first level
        # no framework: half the required weight missing at entry and mid, 2/7 at senior
        ("skills: {Python: 5, Docker: 5, Mentoring: 5}\n", None, "entry"),
        ("skills: {Python: 3, JAX: 2}\n", "entry", "mid"),
        ("skills: {Python: 5, JAX: 4, Docker: 3, Mentoring: 4}\n", "senior", "senior"),  # the top: stays there
    ],
)
def test_ready_for_and_the_level_the_plan_aims_at(skills: str, ready_for: str | None, plan_level: str) -> None:
    assessment = _assess(skills)
    assert assessment.detailed.ready_for == ready_for
    assert assessment.plan.level == plan_level


def test_a_fit_over_70_with_over_a_quarter_of_the_required_weight_missing_is_not_ready() -> None:
    detailed = _assess("skills: {Python: 5, JAX: 4, Mentoring: 4}\n").detailed  # no Docker: 2 of 7 at senior
    assert detailed.own_fits[2] >= 70 and detailed.missing_share(2) == pytest.approx(2 / 7)
    assert detailed.ready_slot == 1


def test_below_target_is_not_missing() -> None:
    # Mentoring at 1 (target 4 at senior): credited in part (0.5 / 4.0625 = 0.12),
    # so senior is judged by its fit alone
    detailed = _assess("skills: {Python: 5, JAX: 4, Docker: 3, Mentoring: 1}\n").detailed
    assert detailed.missing_required == (0, 0, 0)
    assert detailed.fits[2] == pytest.approx(100 * (2 + 2 + 2 + credit(1, 4)) / 7)
    assert detailed.ready_for == "senior"


def test_a_fixed_level_is_the_level_the_plan_aims_at() -> None:
    assessment = _assess(WORKED, "entry")
    assert assessment.level == "entry" and assessment.plan.level == "entry"
    # at entry, only bonus skills are left, and they add nothing to a fit of 100
    assert [(s.requirement.name, s.importance, s.target, s.fit_gain) for s in assessment.plan.steps] == [
        ("Docker", "bonus", 3, 0.0),
        ("Mentoring", "bonus", 2, 0.0),
    ]


def test_one_level_role_is_ready_or_not() -> None:
    from .test_roles import MINIMAL

    matcher, indexes = index_roles([load_role_text(MINIMAL)])
    ready = assess(parse_profile("skills: {Python: 3}\n", "me.yaml"), indexes, matcher).detailed
    not_ready = assess(parse_profile("skills: {Python: 2}\n", "me.yaml"), indexes, matcher).detailed
    assert (ready.ready_for, not_ready.ready_for) == ("any", None)


def test_level_choices_are_the_seniorities() -> None:
    from rolefit.model import SENIORITIES
    from rolefit.options import LevelChoice

    assert tuple(c.value for c in LevelChoice) == SENIORITIES


def test_json_report_carries_levels_readiness_and_options(cli: RunCli) -> None:
    import json

    import jsonschema

    from rolefit.formats.schemas import report_schema

    result = cli(["assess", "-", "--role", str(LEVELLED), "-f", "json", "--level", "senior"], stdin=WORKED)
    document = json.loads(result.stdout)
    jsonschema.validate(document, report_schema())
    assert document["schema_version"] == 2
    assert (document["level"], document["ready_for"]) == ("senior", "mid")
    role = document["roles"][0]
    assert (role["level"], role["fit"], role["ready_for"]) == ("senior", 40.3, "mid")
    assert role["fit_by_level"] == {"entry": 100.0, "mid": 82.0, "senior": 40.3}
    requirements = {r["requirement"]: r for c in role["categories"] for r in c["requirements"]}
    framework = requirements["Deep learning framework"]
    assert (framework["option"], framework["target_level"]) == ("PyTorch", 4)
    assert framework["credit"] == round(credit(3, 4), 4)  # 3 of 4: 0.5846
    assert (requirements["Docker"]["importance"], requirements["Python"]["option"]) == ("required", None)
    assert document["plan"]["level"] == "senior"  # fixed by --level


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_readiness_in_one_line(cli: RunCli, fmt: str) -> None:
    result = cli(["assess", "-", "--role", str(LEVELLED), "-f", fmt], stdin=WORKED)
    assert "Levelled role" in result.stdout
    assert "ready for mid (82) · entry 100 · senior 40" in result.stdout
    assert re.search(r"(Learning plan|Next steps)[^\n]* at senior level", result.stdout)  # the next level up


def test_roles_show_gives_values_per_level_and_options(cli: RunCli) -> None:
    result = cli(["roles", "show", str(LEVELLED)], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "bonus/preferred/required" in result.stdout and "3/4/5" in result.stdout
    assert "one of: PyTorch, TensorFlow, JAX" in result.stdout
    assert "importance and target per level: entry/mid/senior" in result.stdout
