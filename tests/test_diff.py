"""`rolefit diff OLD NEW`: two runs of one person that differ in known ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import RunCli

ROLE = """\
id: smithy
title: Smithy
levels: [entry, mid]
categories:
  - name: Metal
    weight: 1
    skills:
      - {name: Anvilwork, importance: required, level: 3, learn: [Strike]}
      - {name: Quenchcraft, importance: required, level: 3}
      - {name: Bellowsry, importance: required, level: {entry: 2, mid: 3}}
      - {name: Tongsmanship, importance: required, level: 3}
      - {name: Ledgerism, importance: preferred, level: 3}
"""
# Anvilwork 2 -> 4 (newly met), Quenchcraft 3 -> 1 (newly below), Bellowsry 1 -> 2 (closer),
# Tongsmanship missing both times (still missing), Ledgerism added at 3 (newly met), Emberlore removed.
OLD = "name: Ada\nskills: {Anvilwork: 2, Quenchcraft: 3, Bellowsry: 1, Emberlore: 4}\n"
NEW = "name: Ada\nskills: {Anvilwork: 4, Quenchcraft: 1, Bellowsry: 2, Ledgerism: 3}\n"


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path, Path]:
    role, old, new = tmp_path / "smithy.yaml", tmp_path / "old.yaml", tmp_path / "new.yaml"
    role.write_text(ROLE)
    old.write_text(OLD)
    new.write_text(NEW)
    return role, old, new


def _diff(cli: RunCli, *args: str) -> dict[str, Any]:
    result = cli(["diff", *args, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _names(changes: list[dict[str, Any]]) -> list[str]:
    return [c["requirement"] for c in changes]


def test_diff_of_two_skills_files(cli: RunCli, runs: tuple[Path, Path, Path]) -> None:
    role, old, new = runs
    document = _diff(cli, str(old), str(new), "--role", str(role))
    assert document["roles_changed"] == [] and document["detailed_role"] == "smithy"
    (smithy,) = document["roles"]
    assert _names(smithy["newly_met"]) == ["Anvilwork", "Ledgerism"]
    assert _names(smithy["newly_below"]) == ["Quenchcraft"]
    assert _names(smithy["improved"]) == ["Bellowsry"]
    assert _names(smithy["still_missing"]) == ["Tongsmanship"]
    met = smithy["newly_met"][0]
    assert (met["level_before"], met["level_after"], met["status_before"]) == (2, 4, "below")
    # mid: four required of weight 1 beside one preferred, whose pool is full at 1/2: it holds
    # 1/2 / (4 + 1/2) = 1/9 of the fit (docs/fit.md), each required skill 100 x 8/9 / 4 = 22.22.
    # Below a target of 3, a 2 earns 1.25 / 2.375 and a 1 earns 0.5 / 2.375: before
    # 0.526 + 1 + 0.211 = 1.737 -> 38.60; after 1 + 0.211 + 0.526, the same, plus Ledgerism
    # 100 / 9 = 11.11 -> 49.71; cut to 38.5 and 49.7, a change of 11.2 between the figures shown
    fits = {f["level"]: (f["before"], f["after"]) for f in smithy["fit_by_level"]}
    assert fits["mid"] == (38.5, 49.7)
    assert smithy["fit_change"] == 11.2
    skills = document["skills"]
    assert [s["skill"] for s in skills["added"]] == ["Ledgerism"]
    assert [s["skill"] for s in skills["removed"]] == ["Emberlore"]
    assert [(s["skill"], s["level_before"], s["level_after"]) for s in skills["levelled_up"]] == [
        ("Anvilwork", 2, 4),
        ("Bellowsry", 1, 2),
    ]
    assert [s["skill"] for s in skills["levelled_down"]] == ["Quenchcraft"]
    assert "Anvilwork" in document["plan"]["done"] and "Tongsmanship" in document["plan"]["left"]


def test_diff_of_a_saved_report_and_a_skills_file(cli: RunCli, runs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    role, old, new = runs
    report = tmp_path / "old.json"
    report.write_text(cli(["assess", str(old), "--role", str(role), "-f", "json"]).stdout)
    from_report = _diff(cli, str(report), str(new), "--role", str(role))
    from_skills = _diff(cli, str(old), str(new), "--role", str(role))
    assert from_report["roles"] == from_skills["roles"]
    assert from_report["roles_changed"] == []


def test_diff_says_first_when_a_role_changed(cli: RunCli, runs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    role, old, new = runs
    report = tmp_path / "old.json"
    report.write_text(cli(["assess", str(old), "--role", str(role), "-f", "json"]).stdout)
    role.write_text(
        ROLE.replace(
            "{name: Tongsmanship, importance: required, level: 3}",
            "{name: Tongsmanship, importance: preferred, level: 3}",
        )
    )
    assert _diff(cli, str(report), str(new), "--role", str(role))["roles_changed"] == ["smithy"]
    table = cli(["diff", str(report), str(new), "--role", str(role)], env={"COLUMNS": "80"}).stdout
    assert "Roles changed between the two runs: smithy" in table
    assert table.index("Roles changed") < table.index("Smithy (in focus")
    markdown = cli(["diff", str(report), str(new), "--role", str(role), "-f", "markdown"]).stdout
    assert "**Note**: Roles changed between the two runs: smithy" in markdown.split("###", 1)[0]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_diff_shows_the_changes(cli: RunCli, runs: tuple[Path, Path, Path], fmt: str) -> None:
    role, old, new = runs
    result = cli(["diff", str(old), str(new), "--role", str(role), "-f", fmt], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    text = result.stdout.replace("\\", "")  # Markdown escapes punctuation
    assert "newly met (2): Anvilwork (2 → 4 of 3), Ledgerism (- → 3 of 3)" in text
    assert "newly below target (1): Quenchcraft (3 → 1 of 3)" in text
    assert "mid 38.5 → 49.7 (+11.2)" in text


def test_diff_with_bad_input(cli: RunCli, runs: tuple[Path, Path, Path], tmp_path: Path) -> None:
    role, old, _ = runs
    bad = tmp_path / "bad.json"
    bad.write_text('{"roles": []}')
    result = cli(["diff", str(bad), str(old), "--role", str(role)])
    assert result.exit_code == 2 and "is not an assess report" in result.stderr
    result = cli(["diff", str(tmp_path / "missing.yaml"), str(old)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_the_role_digest_reads_every_field() -> None:
    from dataclasses import fields

    from rolefit.formats import digest as compare
    from rolefit.model import CareerPath, Category, Requirement, Role, SalaryBlock, SalaryFigure

    read = {
        Role: {*compare.ROLE_FIELDS, "source", "categories", "career_path", "salary"},
        Category: {*compare.CATEGORY_FIELDS, "requirements"},
        Requirement: set(compare.REQUIREMENT_FIELDS),
        CareerPath: set(compare.CAREER_FIELDS),
        SalaryBlock: {*compare.SALARY_FIELDS, "figures"},
        SalaryFigure: set(compare.FIGURE_FIELDS),
    }
    for kind, names in read.items():
        assert {f.name for f in fields(kind)} == names, kind.__name__


def test_the_role_digest_changes_with_any_requirement_field() -> None:
    from dataclasses import replace

    from rolefit.formats.digest import role_digest
    from rolefit.formats.roles import parse_role

    role = parse_role(ROLE, "smithy.yaml")
    assert role_digest(role) == role_digest(replace(role, source="elsewhere.yaml"))
    first = role.categories[0]
    changed = replace(first.requirements[0], learn=("Strike harder",))
    edited = replace(role, categories=(replace(first, requirements=(changed, *first.requirements[1:])),))
    assert role_digest(edited) != role_digest(role)
