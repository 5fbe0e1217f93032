"""Scores checked by hand against the formulas in rolefit.scoring.fit."""

from __future__ import annotations

import itertools
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.formats.profiles import parse_profile
from rolefit.formats.roles import load_catalogue, parse_role
from rolefit.matching.matcher import Matcher
from rolefit.model import DEFAULT_LEVEL, Profile, Skill
from rolefit.scoring.assess import assess, index_roles
from rolefit.scoring.fit import RoleSet
from rolefit.scoring.plan import ORDER_RULE, _gaps_in_order, _key, _statics, build_plan

ROLE = """\
id: small
title: Small role
categories:
  - name: Core
    weight: 2
    skills:
      - {name: Python, importance: required, level: 4}
      - {name: SQL, importance: preferred, level: 2}
  - name: Ops
    weight: 1
    skills:
      - {name: Docker, importance: bonus, level: 2}
"""


def _assess(skills: str, role_text: str = ROLE, steps: int | None = 10):  # type: ignore[no-untyped-def]
    matcher, indexes = index_roles([parse_role(role_text, "role.yaml")])
    return assess(parse_profile(skills, "me.yaml"), indexes, matcher, steps)


def test_credit_coverage_fit_by_hand() -> None:
    result = _assess("skills: {Python: 3, SQL: 3}\n").detailed
    credits = {r.requirement.name: r.credit for r in result.requirements}
    # Python 3 of 4: (1.5**3 - 1) / (1.5**4 - 1) = 2.375 / 4.0625 = 0.585 (docs/fit.md)
    python = 2.375 / 4.0625
    assert credits == pytest.approx({"Python": python, "SQL": 1.0, "Docker": 0.0})
    core, ops = result.categories
    assert core.coverage == pytest.approx(100 * (3 * python + 2 * 1.0) / 5)  # 75.1
    assert ops.coverage == 0
    # required pool: Python, weight 2, credit 0.585 -> R = 0.585; preferred pool: SQL, weight 2,
    # credit 1 -> P = 1 (Docker, a bonus, would only add to a full pool)
    assert result.fit == pytest.approx(75 * python + 25 * 1)
    assert (result.required_met, result.required_total) == (0, 1)


def test_statuses_and_assumed_levels() -> None:
    result = _assess("skills: [Python, SQL]\n").detailed
    by_name = {r.requirement.name: r for r in result.requirements}
    assert by_name["Python"].status == "below" and by_name["Python"].level_assumed
    assert by_name["Python"].credit == pytest.approx(2.375 / 4.0625)  # 3 (assumed) of 4
    assert by_name["SQL"].status == "met"
    assert by_name["Docker"].status == "missing" and by_name["Docker"].matched_skill is None


@pytest.mark.parametrize(
    ("skills", "credited"),
    [
        ("skills: {python: 4, Python: 4}\n", "python"),  # a tie: the skill listed first
        ("skills: {Python: 4, python: 4}\n", "Python"),
        ("skills: {python: 2, Python: 4}\n", "Python"),  # more credit wins, wherever it is listed
        ("skills: {Python: 4, python: 2}\n", "Python"),
        ("skills: {Pyhton: 4, Python: 4}\n", "Python"),  # equal credit: the exact match over the typo
    ],
)
def test_the_best_of_several_matching_skills_is_credited(skills: str, credited: str) -> None:
    matcher, indexes = index_roles([parse_role(ROLE, "role.yaml")])
    for _ in range(2):  # and the same again, when what each skill earns is remembered
        result = assess(parse_profile(skills, "me.yaml"), indexes, matcher).detailed
        assert result.requirements[0].matched_skill == credited


def test_level_zero_is_not_credited() -> None:
    result = _assess("skills: {Python: 0}\n").detailed
    assert result.requirements[0].status == "missing"
    assert result.requirements[0].credit == 0


def test_plan_orders_by_fit_gain() -> None:
    assessment = _assess("skills: {Python: 2, SQL: 3}\n")
    gains = {s.requirement.name: s.fit_gain for s in assessment.plan.steps}
    # Python at 2 of 4: credit (1.5**2 - 1) / (1.5**4 - 1) = 1.25 / 4.0625, so the gap is the
    # rest of the required pool, 75 x (1 - 0.308); Docker: the preferred pool is full already
    assert gains == pytest.approx({"Python": 75 * (1 - 1.25 / 4.0625), "Docker": 0.0})
    assert list(gains) == ["Python", "Docker"]
    # closing every gap in the plan brings the fit to 100
    assert assessment.detailed.fit + sum(gains.values()) == pytest.approx(100)


PREREQ_ROLE = """\
id: prereq
title: Prerequisites
categories:
  - name: ML
    weight: 5
    skills:
      - {name: Deep learning, importance: required, level: 4, prerequisites: [Linear algebra, Python]}
      - {name: Python, importance: required, level: 3}
  - name: Maths
    weight: 1
    skills:
      - {name: Linear algebra, importance: bonus, level: 3}
"""


def test_prerequisites_that_are_gaps_come_first() -> None:
    plan = _assess("skills: {Python: 5}\n", PREREQ_ROLE).plan
    assert [s.requirement.name for s in plan.steps] == ["Linear algebra", "Deep learning"]
    assert plan.steps[0].needed_for == ("Deep learning",)


def test_steps_limit_and_total() -> None:
    plan = build_plan(_assess("skills: {Git: 3}\n").detailed, limit=1)
    assert len(plan.steps) == 1 and plan.total_gaps == 3


def test_target_role_is_detailed_else_best_fit() -> None:
    matcher, roles = index_roles([parse_role(ROLE, "a.yaml"), parse_role(PREREQ_ROLE, "b.yaml")])
    profile = parse_profile("target: small\nskills: {Deep learning: 4, Python: 5}\n", "me.yaml")
    result = assess(profile, roles, matcher)
    assert result.ranking[0].role.id == "prereq"
    assert (result.detailed.role.id, result.detail_reason) == ("small", "target")
    untargeted = parse_profile("skills: {Deep learning: 4, Python: 5}\n", "me.yaml")
    assert assess(untargeted, roles, matcher).detail_reason == "best fit"


_NAMES = st.one_of(
    st.sampled_from(["Python", "torch", "k8s", "pandsa", "NumPy/SciPy", "SQL (advanced)", "Deep learning", "R", "C#"]),
    st.text(min_size=1, max_size=20),
)


def _generated_profile(skills: dict[str, int | None]) -> Profile | None:
    """A profile of generated names and levels (None for a blank name); no level: 3, assumed."""
    written = [" ".join(name.split()) for name in skills]
    if not all(written):
        return None
    levels = [(DEFAULT_LEVEL, True) if level is None else (level, False) for level in skills.values()]
    return Profile("f", tuple(Skill(w, *lv) for w, lv in zip(written, levels, strict=True)))


@lru_cache(maxsize=1)
def _builtin() -> tuple[Matcher, RoleSet]:
    return index_roles(load_catalogue())


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_NAMES, st.one_of(st.none(), st.integers(0, 5)), min_size=1, max_size=12))
def test_scores_stay_in_range_and_plans_only_list_gaps(skills: dict[str, int | None]) -> None:
    profile = _generated_profile(skills)
    if profile is None:
        return
    matcher, indexes = _builtin()
    result = assess(profile, indexes, matcher, None)
    for role in result.ranking:
        assert 0 <= role.fit <= 100
        assert all(0 <= c.coverage <= 100 for c in role.categories)
        assert all(0 <= r.credit <= 1 for r in role.requirements)
        assert 0 <= role.required_met <= role.required_total
    assert [r.fit for r in result.ranking] == sorted((r.fit for r in result.ranking), reverse=True)
    planned = {s.requirement.name for s in result.plan.steps}
    met = {r.requirement.name for r in result.detailed.requirements if r.status == "met"}
    assert not planned & met
    assert len(result.plan.steps) == result.plan.total_gaps
    for role in result.ranking:  # every gap, biggest gain first
        gaps = [i for i in range(len(role.index.requirements)) if role.credit(i) < 1]
        ordered = list(_gaps_in_order(role, role.slot))
        assert sorted(ordered) == gaps
        gains = [role.fit_gain(i) for i in ordered]
        assert all(a >= b - 1e-9 for a, b in itertools.pairwise(gains))
        for slot in range(len(role.index.levels)):  # the lazy order is the full sort by _key, at every level
            fixed = _statics(role.index, slot)[0]
            gaps = [i for i in range(len(role.index.requirements)) if role.credit(i, slot) < 1]
            level = {i: found.level for i, found in role.matched.items()}
            by_key = sorted(gaps, key=lambda i: (_key(fixed[i], role.fit_gain(i, slot), level.get(i)), i))
            assert list(_gaps_in_order(role, slot)) == by_key


IMPLIED_ROLE = """\
id: implied
title: Implied credit
categories:
  - name: Core
    weight: 1
    skills:
      - {name: Python, level: 5}
      - {name: NumPy, level: 5}
      - {name: Kubernetes, level: 5}
      - {name: AWS, level: 5}
"""


def _credited(skills: str) -> dict[str, tuple[int | None, str | None, str | None]]:
    result = _assess(skills, IMPLIED_ROLE).detailed
    return {r.requirement.name: (r.user_level, r.match_method, r.matched_skill) for r in result.requirements}


def test_the_persons_own_rating_beats_implied_credit() -> None:
    """Python: 1 with NumPy: 5 -- NumPy implies Python, but the person said 1."""
    credited = _credited("skills: {Python: 1, NumPy: 5}\n")
    assert credited["Python"] == (1, "exact", "Python")
    assert credited["NumPy"] == (5, "exact", "NumPy")
    # listed the other way round, the same
    assert _credited("skills: {NumPy: 5, Python: 1}\n")["Python"] == (1, "exact", "Python")


def test_implied_credit_is_one_level_below_its_evidence() -> None:
    """Amazon EKS: 5 -- Kubernetes and AWS implied, at most 4."""
    credited = _credited("skills: {Amazon EKS: 5}\n")
    assert credited["Kubernetes"] == (4, "implied", "Amazon EKS")
    assert credited["AWS"] == (4, "implied", "Amazon EKS")
    assert _credited("skills: {NumPy: 1}\n")["Python"] == (1, "implied", "NumPy")  # at least 1
    nothing = _assess("skills: {NumPy: 0}\n", IMPLIED_ROLE).detailed.requirements
    assert [r.status for r in nothing] == ["missing"] * 4  # a level of 0 implies nothing


def test_a_direct_rating_counts_even_below_the_implied_level() -> None:
    credited = _credited("skills: {Amazon EKS: 5, Kubernetes: 2}\n")
    assert credited["Kubernetes"] == (2, "exact", "Kubernetes")
    assert credited["AWS"] == (4, "implied", "Amazon EKS")


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(_NAMES, st.one_of(st.none(), st.integers(0, 5)), min_size=1, max_size=12))
def test_the_plan_keeps_the_order_it_states(skills: dict[str, int | None]) -> None:
    """ORDER_RULE, which the reports print, against what build_plan does: a step
    that some later step needs comes before it; every other step is in order of
    gain, biggest first."""
    profile = _generated_profile(skills)
    if profile is None:
        return
    matcher, indexes = _builtin()
    steps = assess(profile, indexes, matcher, None).plan.steps
    position = {s.requirement.name: n for n, s in enumerate(steps)}
    for n, step in enumerate(steps):
        assert all(position[needer] > n for needer in step.needed_for if needer in position)
    free = [s.fit_gain for n, s in enumerate(steps) if not any(position.get(x, -1) > n for x in s.needed_for)]
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(free))
    assert "prerequisites" in ORDER_RULE and "biggest gain first" in ORDER_RULE


def test_a_prerequisite_moved_ahead_says_what_needs_it() -> None:
    """Linear algebra adds less fit than Deep learning, yet comes first, and says why."""
    steps = _assess("skills: {Python: 5}\n", PREREQ_ROLE).plan.steps
    assert steps[0].fit_gain < steps[1].fit_gain
    assert steps[0].needed_for == (steps[1].requirement.name,)
