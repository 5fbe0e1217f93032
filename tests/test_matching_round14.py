"""Matching round fourteen: the kinds of misses and wrong credits the fourteenth held-aside
part showed when it was measured blind, each a table of positive and trap cases written
for the kind (none copied from the part): negated clauses, self-ratings after a name,
"and" in more languages, tools whose names are everyday words (and a tool's name "of"
something), certifications by grade, exam code or short form, past deeds that start an
entry, hyphenated compounds of another language, and a heading that lists roles wanted."""

from __future__ import annotations

import pytest

from rolefit.matching.matcher import Matcher
from rolefit.matching.normalise import normalise

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a negated clause claims nothing": [
        ("No experience with Scala", set(), {"Scala"}),
        ("Never worked with Terraform", set(), {"Terraform"}),
        ("Not yet familiar with Kubernetes", set(), {"Kubernetes"}),
        ("Unfamiliar with React and Vue", set(), {"React", "Vue.js"}),
        ("Zero exposure to Snowflake", set(), {"Snowflake"}),
        ("I have not used Airflow", set(), {"Apache Airflow"}),
        ("I don't know C++", set(), {"C++"}),
        ("Without any Tableau experience", set(), {"Tableau"}),
        ("Knows SQL but not MongoDB", {"SQL"}, {"MongoDB"}),
        ("Strong Python; no Java", {"Python"}, {"Java"}),
        ("Cloud: GCP (not AWS)", {"Google Cloud"}, {"AWS"}),
        # not a negation
        ("including but not limited to Python and Go", {"Python", "Go"}, set()),
        ("NoSQL databases", {"NoSQL"}, set()),
        ("Zero-shot learning", {"Zero-shot learning"}, set()),
    ],
    "a self-rating after a name is no part of it": [
        ("Rust ★★★☆☆", {"Rust"}, set()),
        ("Pandas ●●●○○", {"pandas"}, set()),
        ("Terraform ▰▰▱▱▱", {"Terraform"}, set()),
        ("Kotlin ████░░ 60%", {"Kotlin"}, set()),
        ("Teamwork 90%", {"Collaboration"}, set()),
        ("Ruby ⭐⭐", {"Ruby"}, set()),
        ("Go 4 out of 5", {"Go"}, set()),
        ("Haskell 2/5 stars", {"Haskell"}, set()),
    ],
    "'and' in more languages": [
        ("Docker og Kubernetes", {"Docker", "Kubernetes"}, set()),
        ("Jira ja Confluence", {"Jira", "Confluence"}, set()),
        ("Scala și Spark", {"Scala", "Apache Spark"}, set()),
        ("Java és Kotlin", {"Java", "Kotlin"}, set()),
        ("Git oraz GitHub", {"Git", "GitHub"}, set()),
    ],
    "a tool whose name is an everyday word, in its other sense": [
        ("Celery and carrot juice bar", set(), {"Celery"}),
        ("Ruby engagement ring design", set(), {"Ruby"}),
        ("Elixir bottling line operator", set(), {"Elixir"}),
        # in its own sense: alone, qualified, or beside a skill of its field
        ("Celery", {"Celery"}, set()),
        ("Celery, Django", {"Celery", "Django"}, set()),
        ("Ruby 3.3", {"Ruby"}, set()),
        ("Experience with Elixir", {"Elixir"}, set()),
        ("Elixir and Erlang", {"Elixir", "Erlang"}, set()),
        ("Anaconda sightings in the Amazon", set(), {"Anaconda"}),
        ("Seaborn yacht charters", set(), {"Seaborn"}),
        ("Haiku poetry evenings", set(), {"Haiku"}),
        ("Anaconda", {"Anaconda"}, set()),
        ("Seaborn and Matplotlib", {"Seaborn", "Matplotlib"}, set()),
        ("Haiku on JAX", {"Haiku", "JAX"}, set()),
        # a tool's one-word name is "of" nothing; an activity is
        ("Oracle of Omaha biography", set(), {"Oracle Database"}),
        ("Confluence of two rivers", set(), {"Confluence"}),
        ("Presentation of results", {"Presentation skills"}, set()),
        ("Knowledge of Oracle", {"Oracle Database"}, set()),
        # code made with the tool, after its name
        ("Celery workers", {"Celery"}, set()),
        ("Ruby scripts", {"Ruby"}, set()),
        ("Pruning jobs", set(), {"Pruning"}),
        ("Spring jobs", set(), {"Spring Framework"}),
    ],
    "things made with a tool, after its name": [
        ("Chef cookbooks", {"Chef"}, set()),
        ("Ansible playbooks and Terraform modules", {"Ansible", "Terraform"}, set()),
        ("Kafka producers", {"Apache Kafka"}, set()),
        ("Docker images", {"Docker"}, set()),
        ("satellite images", set(), set()),
    ],
    "a certification by its grade, exam code or short form": [
        ("Vault Associate", set(), set()),
        ("Kubernetes Associate", {"Kubernetes"}, set()),
        ("Tableau Certified Data Analyst", {"Tableau"}, set()),
        ("Neo4j Professional", {"Neo4j"}, set()),
        ("Terraform Associate 003", {"Terraform"}, set()),
        ("CKA", {"Kubernetes"}, set()),
        ("CKS (Kubernetes Security Specialist)", {"Kubernetes"}, set()),
        ("PSM III", {"Scrum"}, set()),
        ("PSPO I", {"Scrum"}, set()),
        # a person word alone is a job title, a field before a grade a person
        ("Python Developer", set(), {"Python"}),
        ("Machine Learning Professional", set(), {"Machine learning"}),
    ],
    "a past deed that starts an entry names its activity": [
        ("Dockerized the model server", {"Docker"}, set()),
        ("Containerized our batch jobs", {"Containerization"}, set()),
        ("Benchmarked the new GPU nodes", {"Benchmarking"}, set()),
        ("Negotiated three vendor contracts", {"Negotiation"}, set()),
        ("Quantized the detector to INT8", {"Quantization"}, set()),
        # not a participle before its noun, nor a qualifier word
        ("Simulated annealing for scheduling", set(), {"Simulation"}),
        ("Optimized the ETL jobs", {"ETL"}, {"Optimization"}),
        ("Augmented reality prototypes", set(), {"Data augmentation"}),
    ],
    "a tool hyphenated to words of another language": [
        ("Excel-Kenntnisse", {"Excel"}, set()),
        ("Java-ohjelmointi", {"Java"}, set()),
        ("Docker-ympäristöt", {"Docker"}, set()),
        # not a package, a short word after it, or another word
        ("python-dateutil", set(), {"Python"}),
        ("Go-getter mentality", set(), {"Go"}),
        ("R-squared", set(), {"R"}),
    ],
    "a heading of what someone wants lists no skills": [
        ("Looking for: data science or MLOps roles", set(), {"Data science", "MLOps"}),
        ("Seeking: machine learning internships", set(), {"Machine learning"}),
        ("Open to: remote NLP positions", set(), {"Natural language processing"}),
    ],
}


@each_case(CASES)
def test_round_fourteen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


@pytest.mark.parametrize(
    "text", ["No experience with Java", "Not familiar with Rust", "Never used Docker", "Zero experience with AWS"]
)
def test_a_negated_entry_credits_nothing_not_even_by_implication(text: str) -> None:
    assert dict(Matcher([]).resolve(text)) == {}


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Python ★★★★☆", "python"),
        ("SQL ●●●●○", "sql"),
        ("Docker ⭐⭐⭐", "docker"),
        ("Communication 95%", "communication"),
        ("Spark 3 out of 5", "spark"),
        ("Java 4/5 stars", "java"),
        # a share after a preposition is a figure, not a rating
        ("Cut costs by 30%", "cut costs by 30%"),
    ],
)
def test_a_rating_is_normalised_away(text: str, plain: str) -> None:
    assert normalise(text) == plain
