"""Skills said in everyday words (rolefit.texts.phrasing), and the reading rules around
them: wrapped lines, shared heads, qualified lists, teams and company names."""

from __future__ import annotations

import re

import pytest

from rolefit.matching.vocabulary import load_vocabulary
from rolefit.texts.extract import TextTools, find_mentions, heading_of, split_lines, stated_level, text_tools
from rolefit.texts.phrasing import OTHER_NAMES, PHRASINGS


@pytest.fixture(scope="module")
def tools() -> TextTools:
    return text_tools()


def skills_in(text: str, tools: TextTools) -> list[str]:
    _, mentions = find_mentions(text, tools.index)
    return [m.skill for m in mentions]


# (text, skills that must be found, skills that must not be)
CASES = [
    ("Designed and ran online experiments on the checkout page", ["A/B testing"], []),
    ("Package models and help ship them to production", ["Model deployment"], []),
    ("Shipped 40+ models to production with a shared template", ["Model deployment"], []),
    ("Good written and verbal communication", ["Written communication", "Verbal communication"], []),
    ("scikit-learn: linear/logistic regression", ["Linear regression", "Logistic regression"], []),
    ("A strong grasp of linear and integer programming", ["Linear programming", "Integer programming"], []),
    ("Hugging Face (Transformers, Datasets)", ["Hugging Face Transformers", "Hugging Face Datasets"], []),
    ("**Cloud:** AWS (SageMaker, S3, Lambda)", ["AWS", "AWS Lambda", "Amazon S3"], []),
    ("Mentor a group of research scientists and engineers", ["Mentoring"], []),
    ("Co-supervised 3 MSc theses", ["Mentoring"], []),
    ("Set technical direction across three teams", ["Leadership"], []),
    ("Cut GPU spend by 35% with spot instances", ["Cloud cost optimization"], []),
    ("Implemented and reproduced 10+ papers", ["Implementing research papers", "Reproducible research"], []),
    ("Fine-tune and align open-weight LLMs", ["LLM fine-tuning"], ["Fine-tuning"]),
    ("Wrote unit tests with pytest", ["Unit testing", "pytest"], ["Automated testing"]),
    ("Experience with time-series methods for forecasting budgets", ["Time series forecasting"], []),
    ("Vision transformers for detection and segmentation", ["Object detection", "Image segmentation"], []),
    ("Built an anomaly detection service for sensors", ["Anomaly detection"], ["Object detection"]),
    ("Experience tracking with MLflow", ["MLflow"], ["Object tracking"]),
    (
        "Basic statistics: distributions, hypothesis tests, regression",
        ["Hypothesis testing", "Regression analysis"],
        [],
    ),
    ("| Languages | Python (advanced), Go (intermediate), Bash |", ["Go", "Bash"], []),
    ("Triton — intermediate; Swift (3 years)", ["Swift"], []),
    ("3 years running ML platforms for data science teams of 40+", [], ["Data science"]),
    ("Software Engineer, ML Infrastructure — Vantage Robotics, Oakland", [], ["Robotics"]),
    ("Present your results to the perception team & leadership", ["Presentation skills"], ["Leadership"]),
    ("Go (the board game, 3-kyu), a dash of watercolour", [], ["Go", "Plotly Dash"]),
    ("Tracked experiments in Weights & Biases", ["Weights & Biases"], []),
    ("Skills: Python, SQL; our R & D team, R&D Fridays", ["Python", "SQL"], ["R", "R&D"]),
    ("Trained a convolutional neural network in PyTorch", ["Convolutional neural networks", "PyTorch"], []),
    ("RESEARCH PROFILE", [], ["Performance optimization"]),
]


@pytest.mark.parametrize(("text", "found", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_everyday_phrasings(tools: TextTools, text: str, found: list[str], absent: list[str]) -> None:
    skills = skills_in(text, tools)
    for name in found:
        assert name in skills, f"{name} not found in {text!r}: {skills}"
    for name in absent:
        assert name not in skills, f"{name} wrongly found in {text!r}: {skills}"


def test_a_hand_wrapped_line_is_read_as_one(tools: TextTools) -> None:
    text = "Jo Bloggs\n\nI am familiar with Docker,\nKubernetes and Helm.\nSKILLS\nPython"
    lines = split_lines(text)
    assert [line.number for line in lines] == [1, 3, 5, 6]
    assert lines[1].text == "I am familiar with Docker, Kubernetes and Helm."
    _, mentions = find_mentions(text, tools.index)
    helm = next(m for m in mentions if m.skill == "Helm")
    stated = stated_level(helm, [m for m in mentions if m.line == helm.line])
    assert helm.line == 3 and stated is not None and stated.level == 2


def test_the_first_line_and_a_contact_line_are_never_joined() -> None:
    lines = split_lines("Priya Natarajan\npriya@example.com\nML engineer with 4 years of\nPython and SQL")
    assert [line.text for line in lines] == [
        "Priya Natarajan",
        "priya@example.com",
        "ML engineer with 4 years of Python and SQL",
    ]


def test_a_colon_line_in_lower_case_is_no_heading() -> None:
    assert heading_of("to end, for example:") is None
    assert heading_of("Requirements:") == "Requirements"


def test_every_table_row_names_vocabulary_skills_and_compiles() -> None:
    names = {skill.name for skill in load_vocabulary().skills}
    for text, name in OTHER_NAMES:
        assert name in names, f"{text!r} -> {name!r} is not a vocabulary skill"
    for row in PHRASINGS:
        assert set(row.skills) <= names, row.skills
        re.compile(row.pattern)
        if row.context:
            re.compile(row.context)
        assert all(needle == needle.lower() for needle in row.needles), row.needles


def test_a_needle_is_in_every_match(tools: TextTools) -> None:
    """A row is tried only on lines that hold one of its needles: a pattern that could
    match without one would be skipped silently. Checked on the sample matches above."""
    texts = [case[0] for case in CASES]
    for row in PHRASINGS:
        if not any(row.needles):
            continue
        for text in texts:
            for match in re.finditer(row.pattern, text, re.IGNORECASE):
                assert any(n in match.group().lower() for n in row.needles), (row.pattern, match.group())


def _posting(text: str, tools: TextTools) -> dict[str, tuple[str, tuple[str, ...]]]:
    from rolefit.texts.documents import Document
    from rolefit.texts.posting import read_posting

    posting = read_posting(Document("job.txt", text), tools.index, tools.categories)
    return {r.name: (r.importance, r.options) for r in posting.requirements}


def test_plain_headings_without_colons_set_the_importance(tools: TextTools) -> None:
    text = (
        "Data Engineer\n\nAbout us\nWe write Go at home.\n\nMinimum qualifications\n- Python and SQL\n\n"
        "Preferred qualifications\n- Rust for services\n\nBenefits\n- Julia from our people team says hi\n"
    )
    found = _posting(text, tools)
    assert found["Python"][0] == "required" and found["SQL"][0] == "required"
    assert found["Rust"][0] == "preferred"
    assert "Go" not in found and "Julia" not in found


@pytest.mark.parametrize(
    ("line", "options"),
    [
        ("- Slurm, Kubernetes or another way to run many jobs", ("Slurm", "Kubernetes")),
        ("- Vector search: FAISS or a vector database", ("FAISS", "Vector databases")),
        (
            "- Experience with large-scale data (Spark, PySpark, or Databricks)",
            ("Apache Spark", "PySpark", "Databricks"),
        ),
        (
            "- at least one workflow orchestrator (Kubeflow, Airflow, Argo, Prefect)",
            ("Kubeflow", "Apache Airflow", "Prefect"),
        ),
    ],
)
def test_lists_that_offer_a_choice_are_one_of(tools: TextTools, line: str, options: tuple[str, ...]) -> None:
    found = _posting(f"ML Engineer\n\nRequirements\n{line}\n", tools)
    assert any(set(options) == set(opts) for _, opts in found.values()), found


def test_a_list_with_and_asks_for_each(tools: TextTools) -> None:
    found = _posting("ML Engineer\n\nRequirements\n- Python, SQL and Docker\n", tools)
    assert {"Python", "SQL", "Docker"} <= set(found) and not any(opts for _, opts in found.values())


@pytest.mark.parametrize(
    ("text", "skill", "level"),
    [
        ("• Excel \u2013 advanced (pivot tables, Power Query)", "Excel", 4),
        ("Python \u2013 intermediate (pandas, NumPy)", "Python", 3),
        ("Outstanding written and verbal communication", "Verbal communication", 5),
        ("Deep knowledge of the transformer architecture", "Transformer architecture", 5),
        ("Good Linux skills", "Linux", 3),
    ],
)
def test_more_level_phrases(tools: TextTools, text: str, skill: str, level: int) -> None:
    _, mentions = find_mentions(text, tools.index)
    (mention,) = [m for m in mentions if m.skill == skill]
    stated = stated_level(mention, mentions)
    assert stated is not None and stated.level == level
