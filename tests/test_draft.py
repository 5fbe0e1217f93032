"""`rolefit draft`: a résumé in, a skills file out that validate and assess read unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolefit.formats.profiles import parse_profile
from rolefit.formats.validation import validate_file
from tests.conftest import RunCli
from tests.documents import docx, pdf, pdf_without_text

RESUME = """Priya Natarajan
priya@example.com

SUMMARY
ML engineer with 4 years of Python and a background in statistics.

SKILLS
Languages: Python (expert), SQL, R, Go
ML: PyTorch 4/5, scikit-learn, XGBoost
Infra: Docker, Kubernetes, AWS (SageMaker), Airflow

EXPERIENCE
Data scientist, Shopwise (2021-2025)
- Familiar with Kafka and Terraform.
- Presented to the C-suite; ran R&D Fridays.

INTERESTS
Go (the board game), running.
"""


def test_draft_round_trips_through_validate_and_assess(cli: RunCli, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME)
    result = cli(["draft", str(resume), "-o", str(tmp_path / "me.yaml")])
    assert result.exit_code == 0, result.stderr
    drafted = tmp_path / "me.yaml"
    kind, problems, warnings = validate_file(drafted)
    assert (kind, problems, warnings) == ("skills", [], [])
    profile = parse_profile(drafted.read_text(), str(drafted))
    levels = {s.name: (s.level, s.level_assumed) for s in profile.skills}
    assert profile.name == "Priya Natarajan"
    assert levels["Python"] == (5, False)  # "(expert)" beats "4 years"
    assert levels["PyTorch"] == (4, False)
    assert levels["Apache Kafka"] == (2, False)  # "familiar with"
    assert levels["SQL"][1] is True  # no level stated: none written, so assess assumes one
    assert {"R", "Go", "Docker", "Kubernetes", "AWS", "Amazon SageMaker", "Terraform"} <= set(levels)
    assessed = cli(["assess", str(drafted), "--format", "json"])
    assert assessed.exit_code == 0, assessed.stderr


def test_draft_writes_the_source_line_beside_each_skill(cli: RunCli, tmp_path: Path) -> None:
    resume = tmp_path / "cv.md"
    resume.write_text(RESUME)
    text = cli(["draft", str(resume)]).stdout
    assert "  - SQL  # line 8: Languages: Python (expert), SQL, R, Go" in text
    assert "# Programming and software engineering" in text


def test_words_outside_skills_never_become_skills(cli: RunCli, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME.replace("Languages: Python (expert), SQL, R, Go", "Languages: Python (expert), SQL"))
    data = json.loads(cli(["draft", str(resume), "--format", "json"]).stdout)
    names = {s["name"] for s in data["skills"]}
    assert not names & {"Go", "R", "C"}  # the board game, R&D, the C-suite


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.docx", docx(RESUME.splitlines())),
        ("cv.pdf", pdf([line for line in RESUME.splitlines() if line.isascii()])),
    ],
)
def test_word_and_pdf_resumes_are_read(cli: RunCli, tmp_path: Path, name: str, content: bytes) -> None:
    resume = tmp_path / name
    resume.write_bytes(content)
    result = cli(["draft", str(resume), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    names = {s["name"] for s in json.loads(result.stdout)["skills"]}
    assert {"Python", "PyTorch", "Docker", "Kubernetes"} <= names


def test_text_that_is_not_utf8_is_read_and_said(cli: RunCli, tmp_path: Path) -> None:
    resume = tmp_path / "cv.txt"
    resume.write_bytes("Renée Müller\nSkills: Python, Docker\n".encode("cp1252"))
    result = cli(["draft", str(resume)])
    assert result.exit_code == 0
    assert "name: Renée Müller" in result.stdout
    assert "not UTF-8" in result.stderr and "Windows-1252" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "file is empty"),
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("huge.txt", b"Python " * 800_000, "larger than 5 MiB"),
        ("scan.pdf", None, "no text layer"),
        ("locked.pdf", b"encrypted", "encrypted"),
        ("nothing.txt", b"I like long walks and good coffee.\n", "no skills found"),
        ("damaged.pdf", b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
        ("damaged.docx", b"PK\x03\x04 broken zip", "not a readable .docx"),
    ],
)
def test_bad_documents_get_a_clear_error(
    cli: RunCli, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    if content is None:
        content = pdf_without_text()
    elif content == b"encrypted":
        content = pdf_without_text(password="secret")
    path = tmp_path / name
    path.write_bytes(content)
    result = cli(["draft", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}: ")
    assert message in result.stderr


def test_pdf_without_the_extra_says_how_to_get_it(cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)  # as if rolefit[pdf] was not installed
    path = tmp_path / "cv.pdf"
    path.write_bytes(pdf(["Skills: Python"]))
    result = cli(["draft", str(path)])
    assert result.exit_code == 2
    assert "pip install 'rolefit[pdf]'" in result.stderr


def test_draft_reads_stdin(cli: RunCli) -> None:
    result = cli(["draft", "-"], stdin="Skills: Python, SQL\n")
    assert result.exit_code == 0
    assert "  - Python  # line 1: Skills: Python, SQL" in result.stdout


@pytest.mark.parametrize("command", ["draft", "posting"])
def test_output_never_overwrites_the_text_it_reads(cli: RunCli, tmp_path: Path, command: str) -> None:
    text = tmp_path / "source.txt"
    text.write_text(RESUME)
    result = cli([command, str(text), "-o", str(text)])
    assert result.exit_code == 2
    assert "-o names an input file" in result.stderr
    assert text.read_text() == RESUME


def test_dash_output_is_stdout(cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(["draft", "-", "-o", "-"], stdin="Skills: Python, SQL\n")
    assert "  - Python  # line 1" in result.stdout
    assert not (tmp_path / "-").exists()


def test_messages_echo_file_names_escaped(cli: RunCli, tmp_path: Path) -> None:
    resume = tmp_path / "cv\x1b]0;pwned\x07.txt"
    resume.write_bytes("Skills: Python, Docker\n".encode("cp1252") + b"\xe9\n")
    result = cli(["draft", str(resume)])
    assert result.exit_code == 0
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
