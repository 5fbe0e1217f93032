"""`rolefit validate` on the bad-file corpus: each file under tests/data/bad is
paired with the exact messages it must produce (NAME.expected)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, EXAMPLES, ROOT, RunCli

BAD = DATA / "bad"
BAD_FILES = sorted(BAD.glob("*.yaml"))


def test_every_bad_file_has_its_expected_messages() -> None:
    assert len(BAD_FILES) >= 30
    for path in BAD_FILES:
        assert path.with_suffix(".expected").is_file(), path.name


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.name)
def test_bad_file(cli: RunCli, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD)
    result = cli(["validate", path.name])
    assert result.exit_code == 2
    assert result.stdout == path.with_suffix(".expected").read_text()
    assert "1 of 1 file invalid" in result.stderr


@pytest.mark.parametrize("path", [*EXAMPLES, *sorted((ROOT / "roles").glob("*.yaml"))], ids=lambda p: p.name)
def test_shipped_files_are_valid(cli: RunCli, path: Path) -> None:
    result = cli(["validate", str(path)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "valid" in result.stderr


def test_mixed_files_report_each_and_exit_2(cli: RunCli, tmp_path: Path) -> None:
    result = cli(["validate", str(EXAMPLES[0]), str(BAD / "empty.yaml"), str(tmp_path), str(tmp_path / "no.yaml")])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{BAD / 'empty.yaml'}: file is empty",
        f"{tmp_path}: is a folder, not a file",
        f"{tmp_path / 'no.yaml'}: no such file",
    ]
    assert "3 of 4 files invalid" in result.stderr


def test_no_traceback_from_a_real_process() -> None:
    """The installed entry point, not the test runner, must keep tracebacks away."""
    paths = [str(p) for p in BAD_FILES]
    proc = subprocess.run(
        [sys.executable, "-m", "rolefit", "validate", *paths], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stdout.splitlines()) >= len(paths)


def test_a_file_kind_is_told_by_fields_only_roles_have() -> None:
    from rolefit.formats.profiles import PROFILE_FIELDS
    from rolefit.formats.roles import ROLE_FIELDS

    assert not set(PROFILE_FIELDS) & set(ROLE_FIELDS)


def test_a_resume_given_for_a_skills_file_says_how_to_draft_one(cli: RunCli, tmp_path: Path) -> None:
    """A résumé in running text (here one libyaml cannot read) or saved as PDF: the
    error says what it is and which command drafts a skills file from it; a broken
    skills file with a `skills:` field does not get the hint."""
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Sam Lee\nData scientist with four years of churn and pricing models behind us\n"
        "Tools: Python, SQL\nServed a LightGBM model behind a FastAPI endpoint on AWS\n"
    )
    headed = tmp_path / "headed.txt"  # a résumé's own "Skills:" heading is no skills field
    headed.write_text(
        "Sam Lee\nData scientist with four years of churn and pricing models behind us\n"
        "Served a LightGBM model behind a FastAPI endpoint on AWS\nSkills:\nPython, SQL\n"
    )
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    broken = tmp_path / "me.yaml"
    broken.write_text("skills:\n  - Python: [\n    with a long line of running text that goes on and on\n")
    for path in (resume, headed, pdf):
        for command in (["assess", str(path)], ["validate", str(path)]):
            result = cli(command)
            assert result.exit_code == 2
            assert f"`rolefit draft {path} -o me.yaml` drafts one from it" in result.stdout + result.stderr
    misnamed = tmp_path / "mine.yaml"  # key: value lines with a field misnamed: a skills file gone astray
    misnamed.write_text(
        "Skills:\n  - Machine learning for time series data at scale\n  - Building recommenders for online shops\n"
    )
    for path in (broken, misnamed):
        result = cli(["assess", str(path)])
        assert result.exit_code == 2 and "rolefit draft" not in result.stderr
    for verb in ("assess", "validate"):  # a file that is not there is only missing
        result = cli([verb, str(tmp_path / "missing.pdf")])
        said = result.stdout + result.stderr
        assert result.exit_code == 2 and "no such file" in said and "rolefit draft" not in said
