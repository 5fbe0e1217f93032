"""The plan's lazy order and SlotGains against plain, slow definitions, on
generated roles: levels with and without a preferred or a required pool, full
preferred pools, ties, prerequisites."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.formats.profiles import parse_profile
from rolefit.formats.roles import parse_role
from rolefit.model import SENIORITIES
from rolefit.scoring.assess import assess, index_roles
from rolefit.scoring.fit import RoleResult, level_credit, level_fit
from rolefit.scoring.plan import BASICS_LEVEL, _gaps_in_order, _key, _statics, plan_order

SKILLS = ("Python", "SQL", "Docker", "Kubernetes", "Spark", "Rust", "Airflow", "Kafka", "Linux", "Terraform")
IMPORTANCES = ("required", "preferred", "bonus")


def _fit_gain(result: RoleResult, position: int, slot: int) -> float:
    """RoleResult.fit_gain written out level by level, from every level's sums
    (the code it replaced)."""
    index, found = result.index, result.matched.get(position)
    reached, weight = index.targets[slot][position], index.weights[position]
    best = 0.0
    for level in range(slot, len(index.levels)):
        own = result.own_fits[level]
        if level > slot and own + index.best_gain[level] <= best:
            continue
        credit = 0.0 if found is None else found.credits[level]
        more = level_credit(reached, index.targets[level][position]) - credit
        if more > 0:
            pools = list(result._levels[level].pools)
            pools[index.pool_of[level][position]] += weight * more
            own = level_fit(*index.pool_totals[level], *pools)
        best = max(best, own)
    return max(0.0, best - result.fits[slot])


def _lacks_basics(result: RoleResult, slot: int, position: int) -> bool:
    """Missing, or below both its target and intermediate (BASICS_LEVEL)."""
    found = result.matched.get(position)
    target = result.index.targets[slot][position]
    return found is None or (found.level < target and found.level < BASICS_LEVEL)


def _plan(result: RoleResult, slot: int) -> list[int]:
    """Every gap by _key with its exact gain, each after the prerequisites it needs first."""
    index, fixed = result.index, _statics(result.index, slot)[0]
    gaps = [i for i in range(len(index.requirements)) if result.credit(i, slot) < 1]
    level = {i: found.level for i, found in result.matched.items()}
    placed: set[int] = set()
    out: list[int] = []

    def place(position: int) -> None:
        placed.add(position)
        for prerequisite in index.prerequisites[position]:
            if prerequisite not in placed and _lacks_basics(result, slot, prerequisite):
                place(prerequisite)
        out.append(position)

    for position in sorted(gaps, key=lambda i: (_key(fixed[i], _fit_gain(result, i, slot), level.get(i)), i)):
        if position not in placed:
            place(position)
    return out


@st.composite
def _roles(draw: st.DrawFn) -> dict[str, Any]:
    levels = draw(st.sampled_from([(), ("entry",), ("mid", "senior"), SENIORITIES]))
    names = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=len(SKILLS), unique=True))
    weights = st.sampled_from([0.5, 1, 1.3, 2, 3])

    def per_level(values: st.SearchStrategy[Any]) -> Any:
        if not levels:
            return draw(values)
        return draw(st.one_of(values, st.fixed_dictionaries(dict.fromkeys(levels, values))))

    skills = []
    for number, name in enumerate(names):
        skill: dict[str, Any] = {
            "name": name,
            "importance": per_level(st.sampled_from(IMPORTANCES)),
            "level": per_level(st.integers(1, 5)),
        }
        earlier = names[:number]  # prerequisites only on earlier skills: no cycles
        if number and draw(st.booleans()):
            skill["prerequisites"] = draw(st.lists(st.sampled_from(earlier), min_size=1, unique=True))
        skills.append(skill)
    cut = draw(st.integers(0, len(skills)))
    categories = [{"name": "One", "weight": draw(weights), "skills": skills[:cut]}]
    categories.append({"name": "Two", "weight": draw(weights), "skills": skills[cut:]})
    role = {"id": "generated", "title": "Generated", "categories": [c for c in categories if c["skills"]]}
    if levels:
        role["levels"] = list(levels)
    return role


_PROFILES = st.dictionaries(st.sampled_from(SKILLS), st.one_of(st.none(), st.integers(0, 5)), max_size=len(SKILLS))


# Two bonus gaps whose gains tie but for the rounding of fits to 9 decimals (Terraform's exact
# gain passed Docker's bound by 1e-9): found by Hypothesis; the plan once gave Terraform first.
_TIE_IN_THE_LAST_DECIMAL = {
    "id": "generated",
    "title": "Generated",
    "levels": ["entry"],
    "categories": [
        {
            "name": "Two",
            "weight": 0.5,
            "skills": [
                {"name": "Docker", "importance": "bonus", "level": 4},
                *(
                    {"name": name, "importance": "required", "level": 1}
                    for name in ("Python", "SQL", "Kubernetes", "Spark", "Rust", "Airflow", "Kafka")
                ),
                {"name": "Linux", "importance": "preferred", "level": 1},
                {"name": "Terraform", "importance": "bonus", "level": 1},
            ],
        }
    ],
}


@settings(max_examples=300, deadline=None)
@given(_roles(), _PROFILES)
@example(_TIE_IN_THE_LAST_DECIMAL, {"Docker": None})
def test_gains_and_plans_match_their_plain_definitions(
    role_data: dict[str, Any], skills: dict[str, int | None]
) -> None:
    try:
        role = parse_role(yaml.safe_dump(role_data), "generated.yaml")
    except RolefitError:
        assume(False)  # a level with neither required nor preferred skills: the loader refuses it
        return
    matcher, indexes = index_roles([role])
    listed = "".join(f"  {name}: {'' if level is None else level}\n" for name, level in skills.items())
    text = "skills:\n  Cobol: 3\n" + listed  # Cobol matches nothing: a profile lists at least one skill
    result = assess(parse_profile(text, "me.yaml"), indexes, matcher, None).detailed
    for slot in range(len(result.index.levels)):
        for position in range(len(result.index.requirements)):
            assert result.fit_gain(position, slot) == _fit_gain(result, position, slot)
        plan = _plan(result, slot)
        assert plan_order(result, None, slot) == plan
        for limit in (1, 2, 3):
            assert plan_order(result, limit, slot) == plan[:limit]
        gaps = sorted(set(_gaps_in_order(result, slot)))
        assert gaps == [i for i in range(len(result.index.requirements)) if result.credit(i, slot) < 1]
