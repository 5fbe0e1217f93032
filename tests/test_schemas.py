"""The printed JSON Schemas describe the same formats the loaders accept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from rolefit.formats.file_schemas import role_schema, skills_schema
from rolefit.formats.profiles import FIELD_SYNONYMS, PROFILE_FIELDS, SKILL_FIELDS
from rolefit.formats.roles import (
    CAREER_FIELDS,
    CATEGORY_FIELDS,
    FIGURE_FIELDS,
    REQUIRED_REQUIREMENT_FIELDS,
    REQUIRED_ROLE_FIELDS,
    REQUIREMENT_FIELDS,
    ROLE_FIELDS,
    SALARY_FIELDS,
)
from rolefit.formats.schemas import SCHEMAS

from .conftest import DATA, EXAMPLES, ROOT, RunCli
from .test_roles import MINIMAL

ROLE_FILES = sorted((ROOT / "roles").glob("*.yaml"))


def _plain(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schema_is_valid_and_printed(cli: RunCli, kind: str) -> None:
    result = cli(["schema", kind])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed == SCHEMAS[kind]()


def test_schema_fields_match_the_loaders() -> None:
    skills = skills_schema()
    assert set(skills["properties"]) == set(PROFILE_FIELDS)
    skill_object = skills["$defs"]["skill"]
    assert set(skill_object["properties"]) == set(SKILL_FIELDS) | set(FIELD_SYNONYMS)
    role = role_schema()
    assert set(role["properties"]) == set(ROLE_FIELDS)
    category = role["properties"]["categories"]["items"]
    assert set(category["properties"]) == set(CATEGORY_FIELDS)
    assert set(category["properties"]["skills"]["items"]["properties"]) == set(REQUIREMENT_FIELDS)
    salary = role["properties"]["salary"]["anyOf"][1]["items"]
    assert set(salary["properties"]) == set(SALARY_FIELDS)
    assert set(salary["properties"]["figures"]["items"]["properties"]) == set(FIGURE_FIELDS)
    assert set(role["properties"]["career_path"]["anyOf"][1]["properties"]) == set(CAREER_FIELDS)
    assert role["required"] == list(REQUIRED_ROLE_FIELDS)
    assert category["properties"]["skills"]["items"]["required"] == list(REQUIRED_REQUIREMENT_FIELDS)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_match_the_skills_schema(path: Path) -> None:
    jsonschema.validate(_plain(path), skills_schema())


@pytest.mark.parametrize("path", sorted((DATA / "shapes").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shape_the_loader_reads_matches_the_skills_schema(path: Path) -> None:
    jsonschema.validate(_plain(path), skills_schema())


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: p.name)
def test_roles_match_the_role_schema(path: Path) -> None:
    jsonschema.validate(_plain(path), role_schema())


def test_minimal_role_matches_the_role_schema() -> None:
    jsonschema.validate(yaml.safe_load(MINIMAL), role_schema())


@pytest.mark.parametrize(
    "document",
    [
        {"skills": []},
        {"skills": [{"name": "x", "level": 6}]},
        {"skills": {"x": "guru"}},
        {"skils": ["x"]},
        {"skills": [{"level": 3}]},
        {"skills": {"x": "7/5 of it"}},
    ],
)
def test_skills_schema_rejects_what_the_loader_rejects(document: Any) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, skills_schema())


def test_levelled_role_matches_the_role_schema() -> None:
    jsonschema.validate(_plain(ROOT / "tests" / "data" / "roles" / "levelled.yaml"), role_schema())


@pytest.mark.parametrize(
    "skill",
    [
        {"name": "x", "level": 3, "one_of": ["A"]},
        {"name": "x", "level": {"entry": 3, "junior": 2}},
        {"name": "x", "level": 3, "importance": {"mid": "must"}},
    ],
)
def test_role_schema_rejects_what_the_loader_rejects(skill: Any) -> None:
    document = {"id": "r", "title": "R", "categories": [{"name": "C", "weight": 1, "skills": [skill]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, role_schema())
