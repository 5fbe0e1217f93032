from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rolefit.cli import command_app

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., Run]


@pytest.fixture
def cli() -> RunCli:
    """Run rolefit in-process, as the `rolefit` command does; stdout and stderr are kept apart."""

    def run(args: Sequence[str], stdin: str | None = None, env: dict[str, str] | None = None) -> Run:
        result = CliRunner(env=env).invoke(command_app(args), list(args), input=stdin, prog_name="rolefit")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run
