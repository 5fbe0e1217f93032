from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.formats.roles import builtin_roles_dir, find_role, load_catalogue, parse_role
from rolefit.model import Role

from .conftest import DATA, ROOT

BUILTIN_IDS = {"ai-ml-researcher", "research-scientist", "research-engineer", "ml-engineer"}
CATEGORIES = (ROOT / "docs" / "categories.txt").read_text().splitlines()

MINIMAL = """\
id: my-role
title: My role
categories:
  - name: Programming
    weight: 1
    skills:
      - name: Python
        importance: required
        level: 3
"""


def test_the_four_builtin_roles() -> None:
    assert {role.id for role in load_catalogue()} == BUILTIN_IDS


@pytest.mark.parametrize("role", load_catalogue(), ids=lambda r: r.id)
def test_builtin_role_is_complete(role: object) -> None:
    from rolefit.model import Role

    assert isinstance(role, Role)
    assert role.summary and role.responsibilities and role.sources
    assert role.career_path.entry and role.career_path.senior
    assert role.salary and all(block.figures for block in role.salary)
    assert [c.name for c in role.categories] == [n for n in CATEGORIES if n in {c.name for c in role.categories}]
    assert len(role.requirements) >= 40
    for requirement in role.requirements:
        assert len(requirement.learn) >= 2, requirement.name
        assert all(1 <= target <= 5 for target in requirement.targets)
    assert any("required" in r.importances for r in role.requirements)


def test_same_skill_same_name_across_roles() -> None:
    """A learner compares roles; the same skill must not hide under two spellings."""
    names: dict[str, set[str]] = {}
    for role in load_catalogue():
        for requirement in role.requirements:
            for name in (requirement.name, *requirement.one_of):
                names.setdefault(name.casefold(), set()).add(name)
    assert {k: v for k, v in names.items() if len(v) > 1} == {}


def test_same_skill_same_category_across_roles() -> None:
    """Cohort averages per category compare across roles only if every skill (a
    requirement's name or a one-of's option) sits in the same category in every role."""
    where: dict[str, dict[str, set[str]]] = {}
    for role in load_catalogue():
        for requirement in role.requirements:
            for name in (requirement.name, *requirement.one_of):
                where.setdefault(name.casefold(), {}).setdefault(requirement.category, set()).add(role.id)
    disagreements = {name: roles for name, roles in where.items() if len(roles) > 1}
    assert disagreements == {}


@pytest.mark.parametrize("role", [r for r in load_catalogue() if r.levels], ids=lambda r: r.id)
def test_builtin_role_has_a_core_at_mid(role: Role) -> None:
    """Issue #9: a hiring manager's core, not a catalogue: 15-30 required at mid."""
    mid = role.slot("mid")
    required = [r.name for r in role.requirements if r.importance_at(mid) == "required"]
    assert 15 <= len(required) <= 30, required


@pytest.mark.parametrize("role", [r for r in load_catalogue() if r.levels], ids=lambda r: r.id)
def test_builtin_targets_never_drop_with_seniority(role: Role) -> None:
    slots = range(len(role.levels))
    dropping = [
        r.name for r in role.requirements if [r.target_at(i) for i in slots] != sorted(r.target_at(i) for i in slots)
    ]
    assert dropping == []


def test_minimal_role_file() -> None:
    role = parse_role(MINIMAL, "my.yaml")
    assert role.id == "my-role"
    assert role.levels == ()
    assert [(r.name, r.importances, r.targets, r.category) for r in role.requirements] == [
        ("Python", ("required",), (3,), "Programming")
    ]


def test_find_role_by_path_and_id(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINIMAL)
    catalogue = load_catalogue()
    assert find_role(str(path), catalogue).id == "my-role"
    assert find_role("ml-engineer", catalogue).id == "ml-engineer"


def test_unknown_role_suggests_the_closest() -> None:
    with pytest.raises(RolefitError) as info:
        find_role("ml-enginer", load_catalogue())
    assert str(info.value) == "ml-enginer: unknown role; did you mean 'ml-engineer'? (or give a path to a role file)"


def test_roles_dir_adds_roles(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(MINIMAL)
    assert "my-role" in {role.id for role in load_catalogue(tmp_path)}


def test_roles_dir_problems_are_reported(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("weight: 1", "weight: 0"))
    with pytest.raises(RolefitError, match=r"bad.yaml:5:13: 'weight' of category 'Programming' must be greater"):
        load_catalogue(tmp_path)


def test_builtin_roles_dir_is_the_top_level_folder_in_a_checkout() -> None:
    assert builtin_roles_dir().resolve() == (ROOT / "roles").resolve()


def test_compiled_roles_rebuild_the_same_model(tmp_path: Path) -> None:
    """The wheel ships roles compiled by compile_roles; they must load as the YAML does."""
    from rolefit.formats.roles import compile_roles, load_compiled_roles, load_role, role_files

    from_yaml = tuple(load_role(p, f"(built-in) {p.name}") for p in role_files(ROOT / "roles"))
    assert load_compiled_roles(compile_roles(ROOT / "roles")) == from_yaml


def test_compiled_roles_of_another_version_or_broken_are_ignored() -> None:
    import pickle

    from rolefit.formats.roles import load_compiled_roles, load_role

    roles = (load_role(LEVELLED),)
    assert load_compiled_roles(pickle.dumps((("0.0.1", 1), roles))) is None
    assert load_compiled_roles(b"not a pickle") is None
    assert load_compiled_roles(None) is None


def test_compiling_refuses_a_bad_role(tmp_path: Path) -> None:
    from rolefit.formats.roles import compile_roles

    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("weight: 1", "weight: -1"))
    with pytest.raises(RolefitError, match="must be greater than 0"):
        compile_roles(tmp_path)


LEVELLED = DATA / "roles" / "levelled.yaml"


def test_levelled_role_reads_per_level_values_and_one_of() -> None:
    from rolefit.formats.roles import load_role

    role = load_role(LEVELLED)
    assert role.levels == ("entry", "mid", "senior")
    by_name = {r.name: r for r in role.requirements}
    assert by_name["Python"].importances == ("required",)
    assert by_name["Python"].targets == (3, 4, 5)
    assert by_name["Docker"].importances == ("bonus", "preferred", "required")
    assert by_name["Docker"].targets == (3,)
    assert by_name["Deep learning framework"].one_of == ("PyTorch", "TensorFlow", "JAX")
    assert by_name["Deep learning framework"].skill_names == ("PyTorch", "TensorFlow", "JAX")
    assert by_name["Python"].skill_names == ("Python",)
    mentoring = by_name["Mentoring"]
    assert [(mentoring.importance_at(s), mentoring.target_at(s)) for s in range(3)] == [
        ("bonus", 2),
        ("preferred", 3),
        ("required", 4),
    ]


@pytest.mark.parametrize(
    ("levels", "wanted", "slot"),
    [
        ((), "senior", 0),
        (("entry", "mid", "senior"), "entry", 0),
        (("entry", "mid", "senior"), "senior", 2),
        (("mid", "senior"), "entry", 0),  # the nearest level the role describes
        (("entry", "senior"), "mid", 0),  # equally near: the lower
        (("entry",), "senior", 0),
    ],
)
def test_slot_of_a_seniority(levels: tuple[str, ...], wanted: str, slot: int) -> None:
    from rolefit.model import Role

    role = Role(id="r", title="R", categories=(), levels=levels)  # type: ignore[arg-type]
    assert role.slot(wanted) == slot


def test_v1_role_reads_as_one_level() -> None:
    role = parse_role(MINIMAL.replace("importance: required", "importance: preferred"), "my.yaml")
    assert role.levels == () and role.level_names == ("any",)
    assert [
        (r.importance_at(role.slot(s)), r.target_at(role.slot(s)))
        for r in role.requirements
        for s in ("entry", "senior")
    ] == [
        ("preferred", 3),
        ("preferred", 3),
    ]


def test_compiled_levelled_role_rebuilds_the_same_model(tmp_path: Path) -> None:
    import shutil

    from rolefit.formats.roles import compile_roles, load_compiled_roles, load_role

    shutil.copy(LEVELLED, tmp_path / LEVELLED.name)
    assert load_compiled_roles(compile_roles(tmp_path)) == (
        load_role(tmp_path / LEVELLED.name, f"(built-in) {LEVELLED.name}"),
    )


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1, 7),
    st.sampled_from(["entry", "mid", "senior", "junior", "required", "bonus", "3", "expert", "", "PyTorch"]),
    st.lists(st.sampled_from(["entry", "mid", "senior", "junior", "PyTorch", "JAX", "Python", 3]), max_size=4),
    st.dictionaries(
        st.sampled_from(["entry", "mid", "senior", "senoir", 1]),
        st.sampled_from([1, 3, 5, 0, 9, "required", "preferred", "bonus", "x", None]),
        max_size=4,
    ),
)


@given(
    st.fixed_dictionaries({}, optional={"levels": _ANY}),
    st.lists(
        st.fixed_dictionaries(
            {"name": st.sampled_from(["Python", "Deep learning framework", "PyTorch", "python"])},
            optional={"importance": _ANY, "level": _ANY, "one_of": _ANY, "aliases": _ANY, "prerequisites": _ANY},
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_levels_and_one_of_never_crash_the_loader(top: dict[str, object], skills: list[dict[str, object]]) -> None:
    """Whatever shape the new fields take, a role file loads or is refused with located problems."""
    from rolefit.formats.roles import role_from_data

    data = {"id": "r", "title": "R", **top, "categories": [{"name": "C", "weight": 1, "skills": skills}]}
    try:
        role = role_from_data(data, "r.yaml")
    except RolefitError as exc:
        assert exc.problems
        return
    for requirement in role.requirements:
        assert len(requirement.importances) in (1, len(role.levels))
        assert len(requirement.targets) in (1, len(role.levels))
        assert all(1 <= t <= 5 for t in requirement.targets)
        assert len(requirement.one_of) != 1
