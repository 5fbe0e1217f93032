from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer

from rolefit import __version__
from rolefit.cli import app
from rolefit.render.json import SCHEMA_VERSION

from .conftest import ROOT, RunCli


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
def test_a_command_summary_is_one_line(command: tuple[str, ...]) -> None:
    """The list of commands shows each one's first paragraph as written: one
    broken over two lines breaks the list."""
    found = typer.main.get_command(app)
    for name in command:
        found = found.commands[name]  # type: ignore[attr-defined]  # a group's
    summary = (found.help or "").strip().split("\n\n")[0]
    assert "\n" not in summary, summary


@pytest.mark.parametrize("command", _commands(app), ids=" ".join)
def test_help_shows_square_brackets_as_written(cli: RunCli, command: tuple[str, ...]) -> None:
    """Help is rendered with Rich markup on: a bracketed word in a help text
    (`[tool.rolefit]`, `rolefit[pdf]`) must be escaped there, or Rich takes it
    for a style tag and it vanishes from the screen."""
    import re

    found = typer.main.get_command(app)
    for name in command:
        found = found.commands[name]  # type: ignore[attr-defined]  # a group's
    texts = [found.help or "", *(getattr(p, "help", None) or "" for p in found.params)]
    bracketed = [m.group(1) for text in texts for m in re.finditer(r"\\?(\[[\w.-]+\])", text)]
    shown = " ".join(cli([*command, "--help"], env={"COLUMNS": "200"}).stdout.split())
    for word in bracketed:
        assert word in shown, f"{word} is missing from `{' '.join(command)} --help`"


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


def test_options_given_to_roles_apply_to_show(cli: RunCli, tmp_path: Path) -> None:
    source = (ROOT / "roles" / "ml-engineer.yaml").read_text(encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(source.replace("id: ml-engineer", "id: my-role", 1), encoding="utf-8")
    as_json = cli(["roles", "--format", "json", "show", "ml-engineer"])
    assert json.loads(as_json.stdout)["role"]["id"] == "ml-engineer"
    from_dir = cli(["roles", "--roles-dir", str(tmp_path), "show", "my-role", "-f", "json"])
    assert json.loads(from_dir.stdout)["role"]["id"] == "my-role"
    same_twice = cli(["roles", "-f", "json", "show", "ml-engineer", "-f", "json"])
    assert json.loads(same_twice.stdout)["role"]["id"] == "ml-engineer"


def test_different_values_to_roles_and_show_are_refused(cli: RunCli) -> None:
    result = cli(["roles", "--format", "json", "show", "ml-engineer", "--format", "table"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "error: --format given to `roles` and to `show` with different values; give it once\n"


@pytest.mark.parametrize(
    ("currency", "shown"),
    [("USD", "$150,000"), ("EUR", "€150,000"), ("GBP", "£150,000"), ("CHF", "CHF 150,000"), (None, "150,000")],
)
def test_salaries_in_the_currency_of_the_data(currency: str | None, shown: str) -> None:
    from rolefit.render.table import money

    assert money(currency, 150_000) == shown


def test_roles_show_prints_the_currency_of_the_role_file(cli: RunCli, tmp_path: Path) -> None:
    source = (ROOT / "roles" / "ml-engineer.yaml").read_text(encoding="utf-8")
    (tmp_path / "eur.yaml").write_text(source.replace("currency: USD", "currency: EUR"), encoding="utf-8")
    salaries = [
        line for line in cli(["roles", "show", str(tmp_path / "eur.yaml")]).stdout.splitlines() if ": €" in line
    ]
    assert salaries and not any("$" in line for line in salaries)
