"""Golden files: the reports of the shipped examples, byte for byte, so that a
change of layout is reviewed as a diff of tests/golden/.

After a change made on purpose, regenerate them all with one command:

    ROLEFIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

and read `git diff tests/golden/` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT, RunCli

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("ROLEFIT_UPDATE_GOLDEN") == "1"

# name -> (arguments, terminal width). Markdown does not depend on the width;
# it is rendered at both to prove it.
VIEWS: dict[str, tuple[list[str], int]] = {
    "table-80": (["--format", "table"], 80),
    "table-120": (["--format", "table"], 120),
    "table-details-80": (["--format", "table", "--details"], 80),
    "markdown-80": (["--format", "markdown"], 80),
    "markdown-120": (["--format", "markdown"], 120),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_report_matches_its_golden_file(cli: RunCli, monkeypatch: pytest.MonkeyPatch, example: Path, view: str) -> None:
    monkeypatch.chdir(ROOT)  # the report names the file as given: a path that is the same on every machine
    args, width = VIEWS[view]
    result = cli(
        ["assess", example.relative_to(ROOT).as_posix(), *args, "--color", "never"], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{example.stem}.{view}.txt"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8", newline="")
    assert golden.exists(), (
        f"{golden} is missing: ROLEFIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py"
    )
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs; if the change is meant, run "
        "ROLEFIT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py and review git diff tests/golden/"
    )
