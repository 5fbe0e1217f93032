"""The calibration set: people written, with a hiring manager's expectations, before
rolefit was run on them (tests/data/personas/expectations.yaml says how).

What holds is asserted: the best role, every pair of roles the expectations are
sure of, the fit bands at each level and the readiness. What does not hold yet is
a strict xfail, one per persona and aspect (KNOWN_MISSES): each one that starts to
pass fails the suite, so the expectations file is never quietly outrun or edited
to match. The misses left (calibration round 3, credit below a target growing
1.5 times per level): the senior fit of three people who are not senior yet is
still too HIGH (the 4th-year NLP PhD by 8 points, the physicist by 4, the
statistician by 0.1: they sit at 4 on many skills a senior needs at 5, and a 4
earns 0.62 of a 5); the Kaggle master ranks research engineer above ML engineer;
the junior MSc graduate's pairs at mid (ML engineer and research scientist
within a point: none of the four roles fits a new graduate at mid).
Too LOW, all people whose files leave out basics their record shows: the vision
engineer at entry and mid (no SQL, pandas, feature engineering, pipelines or
MLOps listed) and so not ready for mid; the RL researcher at entry and mid (no
supervised learning, research prototyping or reproducibility listed); the data
engineer moving to MLOps at entry; the e-commerce applied scientist at entry and
mid and not ready for entry (an applied scientist without production
engineering). Of the four written for round 3, before any run: the speech
research engineer is ready for entry, not mid (his mid fit is 63), and the LLM
applications engineer for none, not entry (her entry fit is 60): both inside
their bands, below the readiness bar of 70. The calibration is not done.
`python benchmarks/personas.py` prints the whole table.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml

from rolefit.formats.profiles import load_profile
from rolefit.formats.roles import builtin_roles
from rolefit.scoring.assess import assess, index_roles
from rolefit.scoring.fit import RoleResult
from tests.conftest import DATA

PERSONAS = DATA / "personas"
EXPECTATIONS: list[dict[str, Any]] = yaml.safe_load((PERSONAS / "expectations.yaml").read_text())["personas"]
IDS = [p["file"].removesuffix(".yaml") for p in EXPECTATIONS]

# Persona aspects that do not meet the expectations today (measured, not tuned):
# each is a strict xfail below.
KNOWN_MISSES: dict[str, set[str]] = {
    "nlp-phd-year4": {"senior"},
    "kaggle-self-taught": {"best"},
    "statistician": {"senior"},
    "physics-phd-to-ml": {"senior"},
    "junior-masters": {"pairs"},
    # the overfitting check: four people written after the first calibration (see the README there)
    "cv-edge-engineer": {"entry", "mid", "ready"},
    "rl-lab-researcher": {"entry", "mid"},
    # three written after the second, before rolefit was run on them
    "data-engineer-to-mlops": {"entry"},
    "ecommerce-applied-scientist": {"entry", "mid", "ready"},
    # and four written in the third, before rolefit was run on them
    "speech-research-engineer": {"ready"},
    "llm-apps-engineer": {"ready"},
}


@cache
def _ranking(file: str) -> tuple[RoleResult, ...]:
    matcher, indexes = index_roles(builtin_roles())
    profile = load_profile(PERSONAS / file)
    return assess(profile, indexes, matcher, None, "mid").ranking


def _fits(persona: dict[str, Any]) -> dict[str, float]:
    main = next(r for r in _ranking(persona["file"]) if r.role.id == persona["main_role"])
    return main.fit_by_level


def _ready(persona: dict[str, Any]) -> str:
    main = next(r for r in _ranking(persona["file"]) if r.role.id == persona["main_role"])
    return main.ready_for or "none"


def _case(persona: dict[str, Any], aspect: str) -> Any:
    name = persona["file"].removesuffix(".yaml")
    marks = []
    if aspect in KNOWN_MISSES.get(name, set()):
        marks.append(pytest.mark.xfail(strict=True, reason="a known miss of the calibration, see the module docstring"))
    return pytest.param(persona, id=f"{name}-{aspect}", marks=marks)


@pytest.mark.parametrize("persona", [_case(p, "best") for p in EXPECTATIONS])
def test_the_best_role_is_one_a_hiring_manager_would_name(persona: dict[str, Any]) -> None:
    assert _ranking(persona["file"])[0].role.id in persona["best_role_acceptable"]


@pytest.mark.parametrize("persona", [_case(p, "pairs") for p in EXPECTATIONS])
def test_every_sure_pair_of_roles_is_in_order(persona: dict[str, Any]) -> None:
    fits = {r.role.id: r.fit for r in _ranking(persona["file"])}
    for better, worse in persona.get("sure_pairs", []):
        assert fits[better] > fits[worse], (better, worse)


@pytest.mark.parametrize("level", ["entry", "mid", "senior"])
@pytest.mark.parametrize("persona", EXPECTATIONS, ids=IDS)
def test_fit_bands_at_each_level(persona: dict[str, Any], level: str, request: pytest.FixtureRequest) -> None:
    name = persona["file"].removesuffix(".yaml")
    if level in KNOWN_MISSES.get(name, set()):
        request.applymarker(pytest.mark.xfail(strict=True, reason="a known miss of the calibration"))
    low, high = persona["fit"][level]
    assert low <= _fits(persona)[level] <= high


@pytest.mark.parametrize("persona", [_case(p, "ready") for p in EXPECTATIONS])
def test_readiness(persona: dict[str, Any]) -> None:
    assert _ready(persona) in persona["ready_for_acceptable"]
