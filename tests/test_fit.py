"""The fit formula's stated properties (docs/fit.md), each held by a property-based
test over generated roles with levels, per-level importance and targets, and
one-of requirements. Skill names are made up, so the vocabulary implies nothing
between them: every match is exact."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from rolefit.matching.matcher import Hit, Matcher, MatchMethod, Term
from rolefit.model import IMPORTANCES, SENIORITIES, Category, Requirement, Role, Skill
from rolefit.scoring.fit import METHOD_RANK, RoleIndex, RoleResult, RoleSet, implied_level, level_credit, level_fit

NAMES = [f"Qz{a}{b}" for a in "bcdfghjk" for b in "bcdfghjk"]
MATCHER = Matcher(Term(name) for name in NAMES)
SLOTS = range(len(SENIORITIES))
EXAMPLES = settings(max_examples=80, deadline=None)


@st.composite
def roles(draw: st.DrawFn) -> Role:
    pool = list(draw(st.permutations(NAMES)))
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.0]), min_size=1, max_size=4))
    requirements: list[list[Requirement]] = [[] for _ in weights]
    for _ in range(draw(st.integers(1, 10))):
        options = draw(st.integers(0, 3)) if len(pool) > 4 else 0
        name = pool.pop()
        one_of = tuple(pool.pop() for _ in range(options)) if options >= 2 else ()
        category = draw(st.integers(0, len(weights) - 1))
        requirements[category].append(
            Requirement(
                name=name,
                category=f"C{category}",
                importances=tuple(draw(st.sampled_from(IMPORTANCES)) for _ in SLOTS),
                targets=tuple(draw(st.integers(1, 5)) for _ in SLOTS),
                one_of=one_of,
            )
        )
    categories = tuple(
        Category(f"C{number}", weight, tuple(found))
        for number, (weight, found) in enumerate(zip(weights, requirements, strict=True))
        if found
    )
    return Role(id="generated", title="Generated", categories=categories, levels=SENIORITIES)


def score(role: Role, skills: Mapping[str, int]) -> RoleResult:
    index = RoleIndex(role, MATCHER)
    matches = [(Skill(name, level), MATCHER.resolve(name)) for name, level in skills.items()]
    return RoleSet([index]).score(matches)[0]


def at_target(role: Role, slot: int, importances: set[str]) -> dict[str, int]:
    """Every requirement of those importances at `slot` met at its target, by its
    first skill name (a one-of by its first option)."""
    return {r.skill_names[0]: r.target_at(slot) for r in role.requirements if r.importance_at(slot) in importances}


def skill_names(role: Role) -> list[str]:
    return [name for r in role.requirements for name in r.skill_names]


@st.composite
def role_and_skills(draw: st.DrawFn) -> tuple[Role, dict[str, int]]:
    role = draw(roles())
    names = skill_names(role)
    chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    return role, {name: draw(st.integers(0, 5)) for name in chosen}


def has(role: Role, slot: int, importance: str) -> bool:
    return any(r.importance_at(slot) == importance for r in role.requirements)


@EXAMPLES
@given(role_and_skills())
def test_fit_stays_between_0_and_100(case: tuple[Role, dict[str, int]]) -> None:
    result = score(*case)
    assert all(0 <= fit <= 100 for fit in result.fits)
    assert len(result.fits) == 3


def weights_at(role: Role, slot: int, importance: str) -> dict[str, float]:
    """The weight of each requirement of an importance at `slot`, by its first skill name."""
    return {
        r.skill_names[0]: c.weight
        for c in role.categories
        for r in c.requirements
        if r.importance_at(slot) == importance
    }


@EXAMPLES
@given(roles())
def test_every_required_at_target_and_nothing_else_gives_at_least_75(role: Role) -> None:
    for slot in SLOTS:
        if has(role, slot, "required"):
            result = score(role, at_target(role, slot, {"required"}))
            assert result.fits[slot] >= 75
            if not has(role, slot, "preferred"):
                assert result.own_fits[slot] == 100
                continue
            # 75 when the preferred pool holds its quarter; more when it is small beside
            # the required pool (docs/fit.md: 100 - 100 p/(r + p), p half the preferred
            # weight, r the required weight)
            required = sum(weights_at(role, slot, "required").values())
            half = sum(weights_at(role, slot, "preferred").values()) / 2
            assert result.own_fits[slot] == pytest.approx(max(75, 100 - 100 * half / (required + half)))
            assert (result.own_fits[slot] == 75) == (half >= required / 3)


@EXAMPLES
@given(roles())
def test_a_preferred_requirement_is_never_worth_more_than_a_required_one(role: Role) -> None:
    """Per weight, from nothing: what reaching one preferred requirement's target
    adds to a level's own fit is at most what reaching a required one's adds."""
    for slot in SLOTS:
        required, preferred = weights_at(role, slot, "required"), weights_at(role, slot, "preferred")
        if not (required and preferred):
            continue
        targets = {r.skill_names[0]: r.target_at(slot) for r in role.requirements}
        worth = {
            name: score(role, {name: targets[name]}).own_fits[slot] / weight
            for name, weight in (required | preferred).items()
        }
        assert max(worth[name] for name in preferred) <= min(worth[name] for name in required) + 1e-6


@EXAMPLES
@given(roles())
def test_every_required_and_preferred_at_target_gives_100(role: Role) -> None:
    for slot in SLOTS:
        if not (has(role, slot, "required") or has(role, slot, "preferred")):
            continue  # the loader refuses such a level
        assert score(role, at_target(role, slot, {"required", "preferred"})).fits[slot] == 100


@EXAMPLES
@given(role_and_skills(), st.data())
def test_a_bonus_skill_never_lowers_the_fit(case: tuple[Role, dict[str, int]], data: st.DataObject) -> None:
    role, skills = case
    for slot in SLOTS:
        bonus = [r.skill_names[0] for r in role.requirements if r.importance_at(slot) == "bonus"]
        if not bonus:
            continue
        name = data.draw(st.sampled_from(bonus))
        more = {**skills, name: max(skills.get(name, 0), data.draw(st.integers(0, 5)))}
        before, after = score(role, skills), score(role, more)
        assert after.fits[slot] >= before.fits[slot]
        assert after.own_fits[slot] >= before.own_fits[slot]


@EXAMPLES
@given(roles(), st.integers(0, 8))
def test_a_skill_is_worth_the_same_whatever_the_size_of_its_category(role: Role, extra: int) -> None:
    """Two requirements of the same importance and category weight add the same
    fit when met alone, however many requirements their categories hold; and
    growing a category by requirements of another pool changes neither."""
    padding = tuple(
        Requirement(name=NAMES[-1 - i] + "x", category=role.categories[0].name, importances=("bonus",) * 3)
        for i in range(extra)
    )
    grown = Role(
        id=role.id,
        title=role.title,
        levels=role.levels,
        categories=(
            Category(role.categories[0].name, role.categories[0].weight, role.categories[0].requirements + padding),
            *role.categories[1:],
        ),
    )
    for slot in SLOTS:
        for kind in ("required", "preferred"):
            alone: dict[tuple[float, int], set[float]] = {}
            for category in role.categories:
                for r in category.requirements:
                    if r.importance_at(slot) == kind:
                        skills = {r.skill_names[0]: r.target_at(slot)}
                        fit = score(role, skills).own_fits[slot]
                        assert score(grown, skills).own_fits[slot] == pytest.approx(fit)
                        alone.setdefault((category.weight, len(category.requirements)), set()).add(round(fit, 6))
            by_weight: dict[float, set[float]] = {}
            for (weight, _), fits in alone.items():
                by_weight.setdefault(weight, set()).update(fits)
            assert all(len(fits) == 1 for fits in by_weight.values())


@EXAMPLES
@given(roles(), st.data())
def test_partial_level_partial_credit_and_nothing_above_target(role: Role, data: st.DataObject) -> None:
    for slot in SLOTS:
        required = [r for r in role.requirements if r.importance_at(slot) == "required"]
        if not required:
            continue
        r = data.draw(st.sampled_from(required))
        name, target = r.skill_names[0], r.target_at(slot)
        none, full = score(role, {}).own_fits[slot], score(role, {name: target}).own_fits[slot]
        for level in range(1, target):
            assert none < score(role, {name: level}).own_fits[slot] < full
        for level in range(target, 6):
            assert score(role, {name: level}).own_fits[slot] == full


@EXAMPLES
@given(roles(), st.data())
def test_below_target_earns_less_than_its_share(role: Role, data: st.DataObject) -> None:
    # Below the target, a level earns the share of the work to the target it has done, each
    # level 1.5 times the work of the one before: (1.5**level - 1) / (1.5**target - 1), less
    # than level / target; a 4 against a target of 5 earns 0.62, a 3 earns 0.36 (not 0.6).
    for slot in SLOTS:
        r = data.draw(st.sampled_from(role.requirements))
        name, target = r.skill_names[0], r.target_at(slot)
        position = role.requirements.index(r)
        credits = [score(role, {name: level}).credit(position, slot) for level in range(6)]
        for level, credit in enumerate(credits):
            if level >= target:
                assert credit == 1.0
            else:
                assert credit == pytest.approx((1.5**level - 1) / (1.5**target - 1))
                assert credit < level / target or level == 0
        assert credits == sorted(credits)  # still more credit for every level gained
        assert all(a < b for a, b in pairwise(credits[: target + 1]))  # strictly up to the target


def test_credit_below_target_by_hand() -> None:
    assert level_credit(4, 5) == pytest.approx(4.0625 / 6.59375)  # 0.616
    assert level_credit(3, 5) == pytest.approx(2.375 / 6.59375)  # 0.360
    assert level_credit(2, 4) == pytest.approx(1.25 / 4.0625)  # 0.308
    assert level_credit(1, 3) == pytest.approx(0.5 / 2.375)  # 0.211
    assert level_credit(1, 2) == pytest.approx(0.4)
    assert level_credit(0, 3) == 0.0
    assert level_credit(5, 3) == level_credit(3, 3) == 1.0


@EXAMPLES
@given(role_and_skills(), st.data())
def test_adding_a_skill_or_raising_a_level_never_lowers_any_fit(
    case: tuple[Role, dict[str, int]], data: st.DataObject
) -> None:
    role, skills = case
    name = data.draw(st.sampled_from(skill_names(role)))
    higher = {**skills, name: min(5, skills.get(name, 0) + data.draw(st.integers(1, 5)))}
    before, after = score(role, skills), score(role, higher)
    assert all(b <= a for b, a in zip(before.fits, after.fits, strict=True))
    assert all(b <= a for b, a in zip(before.own_fits, after.own_fits, strict=True))


@EXAMPLES
@given(role_and_skills())
def test_nobody_is_less_fit_for_a_lower_level_than_a_higher_one(case: tuple[Role, dict[str, int]]) -> None:
    """The level envelope: the fit at a level is the highest own fit of that
    level and the levels above it, so fits never rise with seniority."""
    result = score(*case)
    assert all(lower >= higher for lower, higher in zip(result.fits, result.fits[1:], strict=False))
    assert result.fits == tuple(max(result.own_fits[slot:]) for slot in SLOTS)
    assert all(fit >= own for fit, own in zip(result.fits, result.own_fits, strict=True))


@EXAMPLES
@given(role_and_skills())
def test_the_preferred_pool_is_full_at_half_its_weight(case: tuple[Role, dict[str, int]]) -> None:
    """Every required requirement at target and preferred ones worth half the
    preferred weight give 100: nobody is expected to have every nice-to-have."""
    role, _ = case
    for slot in SLOTS:
        preferred = [r for r in role.requirements if r.importance_at(slot) == "preferred"]
        if not (preferred and has(role, slot, "required")):
            continue
        weight = {r.name: c.weight for c in role.categories for r in c.requirements}
        total, chosen, skills = sum(weight[r.name] for r in preferred), 0.0, at_target(role, slot, {"required"})
        for r in sorted(preferred, key=lambda r: -weight[r.name]):
            if chosen >= total / 2:
                break
            skills[r.skill_names[0]] = r.target_at(slot)
            chosen += weight[r.name]
        assert score(role, skills).own_fits[slot] == 100


@EXAMPLES
@given(roles(), st.data())
def test_one_of_counts_its_best_option(role: Role, data: st.DataObject) -> None:
    with_options = [r for r in role.requirements if r.one_of]
    assume(with_options)
    r = data.draw(st.sampled_from(with_options))
    levels = {option: data.draw(st.integers(1, 5)) for option in r.one_of}
    result = score(role, levels)
    position = result.index.requirements.index(r)
    found = result.result(position)
    assert found.user_level == max(levels.values())
    assert found.option is not None and levels[found.option] == max(levels.values())
    best_alone = score(role, {found.option: levels[found.option]})
    assert best_alone.fits == pytest.approx(result.fits)


@EXAMPLES
@given(role_and_skills())
def test_every_level_scores_the_same_whichever_level_is_assessed(case: tuple[Role, dict[str, int]]) -> None:
    """The level assessed is scored in one pass with coverage, the others when
    asked: both must agree exactly."""
    role, skills = case
    index = RoleIndex(role, MATCHER)
    matches = [(Skill(name, level), MATCHER.resolve(name)) for name, level in skills.items()]
    results = [RoleSet([index]).score(matches, seniority)[0] for seniority in SENIORITIES]
    for result in results:
        assert result.fits == tuple(r.fit for r in results)
        assert result.missing_required == results[0].missing_required


@EXAMPLES
@given(role_and_skills(), st.sampled_from([1.0, 1e-9, 1e9, 1e12]))
def test_the_packed_sums_are_the_sums_of_the_credits(case: tuple[Role, dict[str, int]], spread: float) -> None:
    """A role's sums are added as fixed-point fields of one int (RoleIndex.packed):
    each level's pools, credited weight and counts equal the plain sums over the
    requirements met, to the last few bits of the largest weight, even with
    category weights many orders of magnitude apart."""
    role, skills = case
    categories = tuple(
        Category(c.name, c.weight * (spread if number % 2 else 1.0), c.requirements)
        for number, c in enumerate(role.categories)
    )
    role = Role(id=role.id, title=role.title, categories=categories, levels=role.levels)
    result = score(role, skills)
    index = result.index
    tolerance = 1e-12 * max(index.weights) * len(index.requirements)
    for slot, level in enumerate(result._levels):
        pools = [0.0, 0.0, 0.0]
        present, credited, met = 0.0, 0, 0
        for position, found in result.matched.items():
            credit = found.credits[slot]
            if not credit:
                continue
            pool, weight = index.pool_of[slot][position], index.weights[position]
            pools[pool] += weight * credit
            if pool == 0:
                present += weight
                credited += 1
                met += credit >= 1
        assert level.pools == pytest.approx(pools, rel=0, abs=tolerance)
        assert level.credited_required == pytest.approx(present, rel=0, abs=tolerance)
        assert level.missing_required == len(index.required[slot]) - credited
        assert level.met_required == met
    met_at_slot = [p for p in index.required[result.slot] if result.credit(p) >= 1]
    assert sorted(result.met_required) == met_at_slot
    assert result.required_met == len(met_at_slot)


@EXAMPLES
@given(role_and_skills(), st.lists(st.dictionaries(st.sampled_from(NAMES), st.integers(0, 5)), max_size=4))
def test_a_role_set_scores_each_person_as_a_fresh_one_would(
    case: tuple[Role, dict[str, int]], others: list[dict[str, int]]
) -> None:
    """A cohort is scored with one RoleSet, whose indexes remember what each
    requirement earns at each level counted (RoleIndex.earned) and what each skill
    string earns: a person scored after others gets exactly what a fresh set gives."""
    role, skills = case
    index = RoleIndex(role, MATCHER)
    shared = RoleSet([index])
    for person in [*others, skills]:
        shared.score([(Skill(name, level), MATCHER.resolve(name)) for name, level in person.items()])
    matches = [(Skill(name, level), MATCHER.resolve(name)) for name, level in skills.items()]
    warm, fresh = shared.score(matches)[0], RoleSet([RoleIndex(role, MATCHER)]).score(matches)[0]
    assert warm.sums == fresh.sums
    assert warm.own_fits == fresh.own_fits
    assert warm.required_met == fresh.required_met
    assert [(p, c.credits, c.level) for p, c in warm.matched.items()] == [
        (p, c.credits, c.level) for p, c in fresh.matched.items()
    ]
    for position, found in warm.matched.items():
        assert found.credits == tuple(level_credit(found.level, targets[position]) for targets in index.targets)


@EXAMPLES
@given(role_and_skills())
def test_the_own_fits_are_the_formula_at_each_level(case: tuple[Role, dict[str, int]]) -> None:
    """RoleIndex.level_fits reads every level's pools out of the packed sums in one
    pass: each figure is level_fit of that level's pools, for any levels asked."""
    role, skills = case
    result = score(role, skills)
    index = result.index
    expected = [level_fit(*index.pool_totals[slot], *level.pools) for slot, level in enumerate(result._levels)]
    assert list(result.own_fits) == expected
    for first in SLOTS:
        assert list(index.level_fits(result.sums, range(first, len(SLOTS)))) == expected[first:]


@st.composite
def hit_lists(draw: st.DrawFn) -> tuple[list[Role], list[tuple[Skill, dict[str, Hit]]]]:
    """Two roles and a person whose skills hit their terms in every way a matcher
    can: each method, scores that tie or not, several skills on one requirement,
    the same skill written twice, a skill hitting two options of one one_of."""
    two = [draw(roles()), draw(roles())]
    names = sorted({name for role in two for name in skill_names(role)})
    methods: st.SearchStrategy[MatchMethod] = st.sampled_from(["exact", "alias", "implied", "fuzzy"])
    matches: list[tuple[Skill, dict[str, Hit]]] = []
    for _ in range(draw(st.integers(0, 8))):
        again: bool = draw(st.booleans())
        if matches and again:
            matches.append(draw(st.sampled_from(matches)))  # the same entry listed twice
            continue
        hits = {
            MATCHER.key(name): Hit(draw(methods), draw(st.sampled_from([80.0, 90.0, 100.0])), name, "")
            for name in draw(st.lists(st.sampled_from(names), max_size=4))
        }
        matches.append((Skill(draw(st.sampled_from(["Qa", "Qb", "Qc"])), draw(st.integers(0, 5))), hits))
    return two, matches


def reference_best(
    index: RoleIndex, matches: list[tuple[Skill, dict[str, Hit]]]
) -> dict[int, tuple[int, str, Hit, tuple[str, int]]]:
    """RoleSet.score's rule written plainly: per requirement, of every (skill, hit)
    reaching it in the order listed, the first with the lowest (implied, -level
    counted, method rank, -match score); requirements in the order first reached.
    What is kept: (level counted, option, hit, source)."""
    best: dict[int, tuple[tuple[bool, int, int, float], tuple[int, str, Hit, tuple[str, int]]]] = {}
    for skill, hits in matches:
        for key, hit in hits.items():
            implied = hit.method == "implied"
            counted = implied_level(skill.level) if implied else skill.level
            rank = (implied, -counted, METHOD_RANK[hit.method], -hit.score)
            for position, option in index.terms.get(key, ()):
                if position not in best or rank < best[position][0]:  # a new key goes last, a replaced one stays
                    best[position] = (rank, (counted, option, hit, (skill.name, skill.level)))
    return {position: kept for position, (_, kept) in best.items()}


@EXAMPLES
@given(hit_lists())
def test_each_requirement_credits_the_best_skill_listed_first(
    case: tuple[list[Role], list[tuple[Skill, dict[str, Hit]]]],
) -> None:
    """RoleSet.score merges what each skill earns (remembered per skill string) into
    what each role credits: the same choices, in the same order, as reference_best."""
    two, matches = case
    indexes = [RoleIndex(role, MATCHER) for role in two]
    role_set = RoleSet(indexes)
    for _ in range(2):  # and again, from what the role set remembers
        for index, result in zip(indexes, role_set.score(matches), strict=True):
            chosen = [(p, (c.level, c.option, c.hit, c.source)) for p, c in result.matched.items()]
            assert chosen == list(reference_best(index, matches).items())
