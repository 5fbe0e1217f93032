"""Where results go: the pager, chosen and used the way git does."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from rolefit.output import DEFAULT_PAGER, emit, page, pager_command

from .conftest import EXAMPLES, RunCli


@pytest.mark.parametrize(
    ("environ", "command"),
    [
        ({}, DEFAULT_PAGER),
        ({"PAGER": "more"}, "more"),
        ({"PAGER": "more", "ROLEFIT_PAGER": "less -S"}, "less -S"),
        ({"PAGER": "more", "ROLEFIT_PAGER": ""}, None),
        ({"PAGER": "cat"}, None),
        ({"PAGER": " "}, None),
    ],
)
def test_pager_command(environ: dict[str, str], command: str | None) -> None:
    assert pager_command(environ) == command


def test_page_sends_the_text_through_the_command(tmp_path: Path) -> None:
    shown = tmp_path / "shown.txt"
    assert page("one\ntwo\n", f"cat > '{shown}'")
    assert shown.read_text() == "one\ntwo\n"


def test_a_pager_that_does_not_exist_leaves_the_text_to_the_caller(tmp_path: Path) -> None:
    assert not page("text\n", str(tmp_path / "no-such-pager"))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("lines", "paged"), [(30, True), (10, False)])
def test_only_a_report_taller_than_the_terminal_is_paged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lines: int, paged: bool
) -> None:
    shown = tmp_path / "shown.txt"
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((80, 24)))
    monkeypatch.setenv("ROLEFIT_PAGER", f"cat > '{shown}'")
    text = "line\n" * lines
    emit(text, None, pager=True)
    assert (shown.read_text() if shown.exists() else terminal.getvalue()) == text
    assert shown.exists() is paged
    emit(text, None, pager=False)
    assert terminal.getvalue().endswith(text)


def test_never_paged_when_stdout_is_not_a_terminal(cli: RunCli, tmp_path: Path) -> None:
    shown = tmp_path / "shown.txt"
    result = cli(["assess", str(EXAMPLES[0]), "--details"], env={"ROLEFIT_PAGER": f"cat > '{shown}'"})
    assert result.stdout.startswith("rolefit") and not shown.exists()
