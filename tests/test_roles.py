from __future__ import annotations

from pathlib import Path

import pytest

from rolefit.errors import RolefitError
from rolefit.roles import builtin_roles_dir, find_role, load_catalogue, parse_role

from .conftest import ROOT

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
        assert 1 <= requirement.level <= 5
    assert any(r.importance == "required" for r in role.requirements)


def test_same_skill_same_name_across_roles() -> None:
    """A learner compares roles; the same skill must not hide under two spellings."""
    names: dict[str, set[str]] = {}
    for role in load_catalogue():
        for requirement in role.requirements:
            names.setdefault(requirement.name.casefold(), set()).add(requirement.name)
    assert {k: v for k, v in names.items() if len(v) > 1} == {}


def test_minimal_role_file() -> None:
    role = parse_role(MINIMAL, "my.yaml")
    assert role.id == "my-role"
    assert [(r.name, r.importance, r.level, r.category) for r in role.requirements] == [
        ("Python", "required", 3, "Programming")
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
    import json

    from rolefit.model import role_from_dict
    from rolefit.roles import compile_roles, load_role, role_files

    compiled = json.loads(compile_roles(ROOT / "roles"))["roles"]
    from_yaml = [load_role(p, f"(built-in) {p.name}") for p in role_files(ROOT / "roles")]
    assert [role_from_dict(data) for data in compiled] == from_yaml


def test_compiling_refuses_a_bad_role(tmp_path: Path) -> None:
    from rolefit.roles import compile_roles

    (tmp_path / "bad.yaml").write_text(MINIMAL.replace("weight: 1", "weight: -1"))
    with pytest.raises(RolefitError, match="must be greater than 0"):
        compile_roles(tmp_path)
