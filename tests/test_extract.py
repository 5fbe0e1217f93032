"""Finding skills in free text: what counts, what never does, and the levels a text states."""

from __future__ import annotations

import pytest

from rolefit.texts.extract import TextTools, find_mentions, level_from_years, stated_level, text_tools


@pytest.fixture(scope="module")
def tools() -> TextTools:
    return text_tools()


def skills_in(text: str, tools: TextTools) -> list[str]:
    _, mentions = find_mentions(text, tools.index)
    return [m.skill for m in mentions]


# (text, skills that must be found, names that must not be)
CASES = [
    ("Skills: Python, SQL, Go, R, Rust", ["Python", "SQL", "Go", "R", "Rust"], []),
    ("Languages: C, C++, C#, Julia", ["C", "C++", "C#", "Julia"], []),
    ("Distributed training with Ray, Dask and Spark.", ["Ray", "Dask", "Apache Spark"], []),
    ("Python/Go/C++ for low-latency services", ["Python", "Go", "C++"], []),
    ("Led R&D on recommender systems.", ["Recommender systems"], ["R"]),
    ("Presented quarterly results to the C-suite.", [], ["C"]),
    ("We go from zero to one, fast.", [], ["Go"]),
    ("A go-getter culture and a spark of curiosity.", [], ["Go", "Apache Spark"]),
    ("Julia from our people team will reach out.", [], ["Julia"]),
    ("Our office is in the heart of the Rust Belt.", [], ["Rust"]),
    ("Ray Smith, our CTO, leads the platform team.", [], ["Ray"]),
    ("Swift feedback and a fast pace.", [], ["Swift"]),
    ("We excel at shipping.", [], ["Excel"]),
    ("John Doe, Data Scientist", [], ["Experimental design"]),
    ("scikitlearn and googlecloud", ["scikit-learn"], []),
    ("Deployed models with Docker/K8s on AWS", ["Docker", "Kubernetes", "AWS"], []),
    ("Built dashboards in Tableau and Looker", ["Tableau", "Looker"], []),
    # what a line says is not there
    ("Skills: Python, SQL. No experience with Java or Scala.", ["Python", "SQL"], ["Java", "Scala"]),
    ("Never used Kubernetes, Docker or Helm", [], ["Kubernetes", "Docker", "Helm"]),
    ("Not a front-end person: I have never shipped React or Angular code.", [], ["React", "Angular"]),
    ("Not familiar with Airflow; strong in Python and SQL", ["Python", "SQL"], ["Apache Airflow"]),
    ("I don't know Kotlin but I write Python daily.", ["Python"], ["Kotlin"]),
    ("Tools: PyTorch (no TensorFlow)", ["PyTorch"], ["TensorFlow"]),
    ("We offer a Java-free codebase and an AWS-free stack.", [], ["Java", "AWS"]),
    ("Python required, no Java needed.", ["Python"], ["Java"]),
    # a negation that denies something else, or only limits
    ("Cut serving costs without losing accuracy, using Python and Docker", ["Python", "Docker"], []),
    ("Migrated services with no downtime using Terraform", ["Terraform"], []),
    ("Not only Python but also R and SQL", ["Python", "R", "SQL"], []),
    ("Tools including but not limited to Airflow, dbt and Spark", ["Apache Airflow", "dbt", "Apache Spark"], []),
    ("No. 1 on the Kaggle leaderboard with XGBoost", ["XGBoost"], []),
]


@pytest.mark.parametrize(("text", "found", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_what_counts_and_what_never_does(tools: TextTools, text: str, found: list[str], absent: list[str]) -> None:
    skills = skills_in(text, tools)
    for name in found:
        assert name in skills, f"{name} not found in {text!r}: {skills}"
    for name in absent:
        assert name not in skills, f"{name} wrongly found in {text!r}"


# (text, the skill, the level the text states, or None)
LEVELS = [
    ("5+ years of Python building pipelines with Airflow and dbt", "Python", 4),
    ("5+ years of Python building pipelines with Airflow and dbt", "dbt", None),
    ("Skills: Python (expert), SQL, Go", "Python", 5),
    ("Skills: Python (expert), SQL, Go", "SQL", None),
    ("PyTorch 4/5, scikit-learn", "PyTorch", 4),
    ("Familiar with Kubernetes, Helm and Terraform.", "Terraform", 2),
    ("Python - Experience - 24 months", "Python", 3),
    ("Expert in PyTorch and JAX", "JAX", 5),
    ("SQL - advanced", "SQL", 4),
    ("10 years of C++", "C++", 5),
    ("Skills: 6 months of Rust", "Rust", 2),
    ("5+ yrs Python, PyTorch or TF", "PyTorch", None),
    ("Skills: Go, Rust (not yet proficient)", "Rust", None),
    ("Skills: Scala (never advanced), Go", "Scala", None),
]


@pytest.mark.parametrize(("text", "skill", "level"), LEVELS, ids=[f"{c[0][:30]}-{c[1]}" for c in LEVELS])
def test_levels_only_where_the_text_states_one(tools: TextTools, text: str, skill: str, level: int | None) -> None:
    _, mentions = find_mentions(text, tools.index)
    (mention,) = [m for m in mentions if m.skill == skill]
    stated = stated_level(mention, mentions)
    assert (stated.level if stated else None) == level


def test_years_map_to_levels_by_the_documented_rule() -> None:
    assert [level_from_years(y) for y in (0.5, 1, 2.9, 3, 5.9, 6, 20)] == [2, 3, 3, 4, 4, 5, 5]


def test_mentions_point_at_the_words_as_written(tools: TextTools) -> None:
    text = "Tools: Kubernetes (K8s), Postgres"
    _, mentions = find_mentions(text, tools.index)
    for mention in mentions:
        assert mention.line_text[mention.start : mention.end] == mention.written
        assert mention.line == 1
