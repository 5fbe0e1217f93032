"""A role built from a job posting, read as a recruiter reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolefit.formats.roles import load_role
from rolefit.texts.documents import Document
from rolefit.texts.extract import TextTools, text_tools
from rolefit.texts.posting import Posting, read_posting, seniority_of
from tests.conftest import ROOT, RunCli

POSTING = """# Senior Machine Learning Engineer, Search

About us: we are an R&amp;D-driven company that goes from zero to one, with offices in the Rust Belt.

## What you'll do
- Build ranking models and ship them; you will build pipelines with Airflow.

## Requirements
- 5+ years of Python, PyTorch *or* TensorFlow, Docker&#x2F;Kubernetes, SQL.
- Experience with one of AWS, GCP or Azure.
- Strong communication skills.

## Nice to have
- Experience with LLM fine-tuning (LoRA); Spark is a plus.
- Python/Go/C++ for low-latency services.

## Perks
- Gym budget, R&D Fridays, a go-getter culture. Julia from our people team will reach out.

## Requirements
- 5+ years of Python, PyTorch *or* TensorFlow, Docker&#x2F;Kubernetes, SQL.
"""


@pytest.fixture(scope="module")
def tools() -> TextTools:
    return text_tools()


@pytest.fixture(scope="module")
def posting(tools: TextTools) -> Posting:
    return read_posting(
        Document("job.md", POSTING.replace("&amp;", "&").replace("&#x2F;", "/")), tools.index, tools.categories
    )


def by_name(posting: Posting) -> dict[str, tuple[str, int, tuple[str, ...]]]:
    return {r.name: (r.importance, r.level, r.options) for r in posting.requirements}


def test_sections_set_importance_and_duties_count_as_required(posting: Posting) -> None:
    found = by_name(posting)
    assert found["Python"] == ("required", 4, ())  # "5+ years"
    assert found["SQL"][0] == "required"
    assert found["Apache Airflow"][0] == "required"  # a duty
    assert found["Apache Spark"][0] == "preferred"  # "is a plus"
    assert found["LoRA"][0] == "preferred"
    assert found["Communication"][:2] == ("required", 4)  # "strong"


def test_alternatives_become_one_of_requirements(posting: Posting) -> None:
    found = by_name(posting)
    assert found["PyTorch or TensorFlow"][2] == ("PyTorch", "TensorFlow")
    assert found["AWS or Google Cloud or Microsoft Azure"][2] == ("AWS", "Google Cloud", "Microsoft Azure")
    # Python is asked on its own, so the choice that named it keeps the rest.
    assert found["Go or C++"][2] == ("Go", "C++")
    # A slash between tools of different kinds asks for both.
    assert "Docker" in found and "Kubernetes" in found


def test_repeated_paragraphs_and_traps_add_nothing(posting: Posting) -> None:
    names = [r.name for r in posting.requirements]
    assert len(names) == len(set(names))
    assert not set(names) & {"R", "Go", "Rust", "Julia", "C", "Artificial intelligence"}


def test_every_requirement_keeps_its_phrase(posting: Posting) -> None:
    for requirement in posting.requirements:
        assert requirement.phrase in POSTING.replace("&amp;", "&").replace("&#x2F;", "/")


def test_a_bonus_line_is_preferred_and_what_is_offered_asks_nothing(tools: TextTools) -> None:
    text = """Machine Learning Engineer

What we look for
- 3+ years of Python and SQL; no Java needed.
- Bonus: publications at NeurIPS, experience with Ray.

We offer 30 days holiday, a learning budget, and a Scala-free codebase.
Perks include a Kubernetes certification budget.
"""
    found = by_name(read_posting(Document("job.txt", text), tools.index, tools.categories))
    assert found["Python"][0] == found["SQL"][0] == "required"
    assert found["Ray"][0] == found["Academic publishing"][0] == "preferred"
    assert not {"Java", "Scala", "Kubernetes"} & set(found)


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Machine Learning Intern (Summer 2027)", "entry"),
        ("Junior Data Scientist", "entry"),
        ("ML Engineer", "mid"),
        ("Senior Research Engineer", "senior"),
        ("Staff MLOps Engineer", "senior"),
        ("Principal Applied Scientist", "senior"),
    ],
)
def test_the_title_sets_the_seniority(title: str, seniority: str) -> None:
    assert seniority_of(title) == seniority


def test_posting_command_writes_a_role_file_that_loads(cli: RunCli, tmp_path: Path) -> None:
    job = tmp_path / "job.md"
    job.write_text(POSTING)
    role_file = tmp_path / "role.yaml"
    result = cli(["posting", str(job), "-o", str(role_file)])
    assert result.exit_code == 0, result.stderr
    role = load_role(role_file)
    assert role.levels == ("senior",)
    names = {r.name for r in role.requirements}
    assert {"Python", "PyTorch or TensorFlow", "SQL"} <= names
    python = next(r for r in role.requirements if r.name == "Python")
    assert python.why is not None and "5+ years of Python" in python.why
    assert python.learn  # learning steps come from the shipped roles
    assert cli(["validate", str(role_file)]).exit_code == 0


def test_assess_against_a_posting(cli: RunCli, tmp_path: Path) -> None:
    job = tmp_path / "job.md"
    job.write_text(POSTING)
    me = tmp_path / "me.yaml"
    me.write_text("target: ml-engineer\nskills:\n  - name: Python\n    level: 5\n  - SQL\n")
    result = cli(["assess", str(me), "--posting", str(job), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [r["id"] for r in report["roles"]] == ["posting-senior-machine-learning-engineer-search"]


def test_a_posting_without_skills_builds_no_role(cli: RunCli, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("Barista wanted\nMake great coffee and smile.\n")
    result = cli(["posting", str(job)])
    assert result.exit_code == 2
    assert "no skills found in the posting" in result.stderr
    assert result.stdout == ""


def test_assess_never_writes_over_the_posting(cli: RunCli, tmp_path: Path) -> None:
    job = tmp_path / "job.md"
    job.write_text(POSTING)
    me = tmp_path / "me.yaml"
    me.write_text("skills: [Python]\n")
    result = cli(["assess", str(me), "--posting", str(job), "-o", str(job)])
    assert result.exit_code == 2 and "-o names an input file" in result.stderr
    assert job.read_text() == POSTING


SMALL_NICE_TO_HAVE = """\
Machine Learning Engineer, Fraud

Requirements
- Strong Python and SQL
- Experience with Docker and Kubernetes
- Experience with AWS
- Training gradient boosted models
- Solid statistics and experiment design
- Model deployment and monitoring

Nice to have
- Apache Airflow
- Terraform
"""


def test_a_nice_to_have_is_never_planned_before_a_must_have(cli: RunCli, tmp_path: Path) -> None:
    """Two nice-to-haves beside a dozen must-haves: half the preferred weight filling
    a quarter of the fit would make each worth three must-haves, and put them first."""
    job = tmp_path / "job.md"
    job.write_text(SMALL_NICE_TO_HAVE)
    me = tmp_path / "me.yaml"
    me.write_text("skills:\n  Excel: 3\n")
    result = cli(["assess", str(me), "--posting", str(job), "--format", "json", "--steps", "50"])
    assert result.exit_code == 0, result.stderr
    steps = json.loads(result.stdout)["plan"]["steps"]
    importances = [step["importance"] for step in steps]
    assert importances.count("preferred") == 2 and importances.count("required") >= 8
    assert importances == sorted(importances, key=("required", "preferred").index)
    required = min(step["fit_gain"] for step in steps if step["importance"] == "required")
    assert all(step["fit_gain"] <= required for step in steps if step["importance"] == "preferred")


@pytest.mark.parametrize(
    ("title", "teacher"),
    [
        ("Machine Learning Engineer, Fraud", "research-engineer"),
        ("Research Scientist, Causal ML", "research-scientist"),
    ],
)
def test_learning_steps_come_from_the_shipped_role_most_like_the_posting(
    cli: RunCli, tmp_path: Path, title: str, teacher: str
) -> None:
    """ML engineer has no Experimental design: an ML engineering ad takes the next role
    most like it that teaches it, a research ad its own role's steps."""
    from rolefit.formats.roles import builtin_roles

    job = tmp_path / "job.md"
    job.write_text(f"{title}\n\nRequirements\n- Python, Docker and Kubernetes\n- Solid experiment design\n")
    role_file = tmp_path / "role.yaml"
    assert cli(["posting", str(job), "-o", str(role_file)]).exit_code == 0
    design = next(r for r in load_role(role_file).requirements if r.name == "Experimental design")
    shipped = {role.id: role for role in builtin_roles()}
    assert "Experimental design" not in {r.name for r in shipped["ml-engineer"].requirements}
    expected = next(r for r in shipped[teacher].requirements if r.name == "Experimental design").learn
    assert design.learn == expected[:2]
    others = {r.learn[:2] for role in shipped.values() for r in role.requirements if r.name == "Experimental design"}
    assert len(others) > 1  # the roles teach it differently, so the choice shows


def test_a_skills_or_role_file_is_not_read_as_a_posting(cli: RunCli, tmp_path: Path) -> None:
    """Arguments swapped (`assess job.txt --posting me.yaml`) or a role given as a
    posting: said so, rather than a role built from someone's skills."""
    me = tmp_path / "me.yaml"
    me.write_text("name: Ada\nskills:\n  Python: 4\n  SQL: 3\n")
    role = ROOT / "roles" / "ml-engineer.yaml"
    result = cli(["posting", str(me)])
    assert result.exit_code == 2 and "is a skills file, not a job posting" in result.stderr
    result = cli(["assess", str(me), "--posting", str(role)])
    assert result.exit_code == 2 and "is a role file, not a job posting; give it with --role" in result.stderr
    notes = tmp_path / "notes.yaml"  # YAML that is neither: read as a posting like any text
    notes.write_text("Senior ML Engineer\n\nRequirements\n- Python and Docker\n")
    assert cli(["posting", str(notes)]).exit_code == 0
