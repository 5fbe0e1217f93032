from __future__ import annotations

import json

import pytest
import typer

from rolefit import __version__
from rolefit.cli import app
from rolefit.render.json import SCHEMA_VERSION

from .conftest import RunCli


def _commands(group: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [(*prefix, c.name or (c.callback.__name__ if c.callback else "")) for c in group.registered_commands]
    for sub in group.registered_groups:
        name = sub.name or ""
        found.append((*prefix, name))
        assert sub.typer_instance is not None
        found.extend(_commands(sub.typer_instance, (*prefix, name)))
    return found


@pytest.mark.parametrize("command", _commands(app), ids=" ".join)
def test_every_command_has_help(cli: RunCli, command: tuple[str, ...]) -> None:
    result = cli([*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("command", _commands(app), ids=" ".join)
def test_building_only_the_command_run_changes_nothing(command: tuple[str, ...]) -> None:
    """`rolefit CMD` builds only CMD (start-up); its help, options and errors
    must be exactly those of the whole app."""
    from typer.testing import CliRunner

    from rolefit.cli import command_app

    narrowed = command_app(list(command))
    assert narrowed is not app
    for args in ([*command, "--help"], [*command, "--no-such-option"]):
        whole = CliRunner().invoke(app, args, prog_name="rolefit")
        alone = CliRunner().invoke(narrowed, args, prog_name="rolefit")
        assert (alone.exit_code, alone.stdout, alone.stderr) == (whole.exit_code, whole.stdout, whole.stderr)


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["asses"], ["--no-such-option", "assess"]])
def test_anything_but_a_command_name_gets_the_whole_app(args: list[str]) -> None:
    from rolefit.cli import command_app

    assert command_app(args) is app


def test_a_mistyped_command_is_suggested(cli: RunCli) -> None:
    result = cli(["asses", "x.yaml"])
    assert result.exit_code == 2
    assert "assess" in result.stderr


def test_version(cli: RunCli) -> None:
    assert cli(["--version"]).stdout == f"rolefit {__version__}\n"


def test_roles_json(cli: RunCli) -> None:
    result = cli(["roles", "--format", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["schema_version"] == SCHEMA_VERSION
    assert {r["id"] for r in document["roles"]} >= {"ml-engineer", "research-scientist"}
    for role in document["roles"]:
        assert role["skills"] == sum(c["skills"] for c in role["categories"])


def test_roles_table_names_each_role(cli: RunCli) -> None:
    result = cli(["roles"])
    assert result.exit_code == 0
    for role_id in ("ai-ml-researcher", "research-scientist", "research-engineer", "ml-engineer"):
        assert role_id in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when stdout is not a terminal


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_roles_show(cli: RunCli, fmt: str) -> None:
    result = cli(["roles", "show", "research-scientist", "--format", fmt])
    assert result.exit_code == 0
    if fmt == "json":
        role = json.loads(result.stdout)["role"]
        assert role["id"] == "research-scientist"
        assert all(skill["learn"] for c in role["categories"] for skill in c["requirements"])
    else:
        assert "Research scientist" in result.stdout


def test_roles_show_unknown_role(cli: RunCli) -> None:
    result = cli(["roles", "show", "research-scientst"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: research-scientst: unknown role; did you mean 'research-scientist'? (or give a path to a role file)\n"
    )


def test_bad_option_is_usage_error(cli: RunCli) -> None:
    assert cli(["roles", "--format", "xml"]).exit_code == 2
