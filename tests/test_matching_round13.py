"""Matching round thirteen: the kinds of misses the spent parts 1-12 left, each a table of
positive and trap cases (none copied from the 13th held-aside part): package pins and
short list words, "and" in other languages, typos inside lists and beside tools,
keyword runs without separators, a name another listed name implies, past deeds,
certifications with their short forms, and the wrong credits removed (a verb, a
hobby, a job title, another language's word, a longer name read as its last words)."""

from __future__ import annotations

from rolefit.matching.matcher import Matcher, base_key

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a package pin or range is a version": [
        ("polars>=0.20", {"Polars"}, set()),
        ("scipy==1.11.4", {"SciPy"}, set()),
        ("lightgbm~=4.1", {"LightGBM"}, set()),
        ("xgboost>=2.0,<3", {"XGBoost"}, set()),
    ],
    "w/ and incl. are with and including": [
        ("model serving w/ BentoML", {"Model serving", "BentoML"}, set()),
        ("MySQL (incl. replication)", {"MySQL"}, set()),
        ("GCP incl. BigQuery and Dataflow", {"Google Cloud", "BigQuery"}, set()),
    ],
    "'and' in another language separates names": [
        ("Flask und Django", {"Flask", "Django"}, set()),
        ("Scala y Java", {"Scala", "Java"}, set()),
        ("Git e GitHub", {"Git", "GitHub"}, set()),
        ("Tableau et Looker", {"Tableau", "Looker"}, set()),
        ("Erfahrung mit Terraform und Ansible", {"Terraform", "Ansible"}, set()),
    ],
    "a typo inside a list or beside its tools": [
        ("Pyhton, NumPy, SciPy", {"Python", "NumPy", "SciPy"}, set()),
        ("Kuberentes and Helm", {"Kubernetes", "Helm"}, set()),
        ("Computer Vison with OpenCV", {"Computer vision", "OpenCV"}, set()),
        ("pipelines using Airflow, Dagster and Prefectt", {"Apache Airflow", "Dagster"}, set()),
        ("Probablity and statistics", {"Probability and statistics"}, set()),
    ],
    "a keyword run names every name": [
        ("pandas numpy", {"pandas", "NumPy"}, set()),
        ("deep learning computer vision opencv", {"Deep learning", "Computer vision", "OpenCV"}, set()),
        ("docker kubernetes helm terraform", {"Docker", "Kubernetes", "Helm", "Terraform"}, set()),
        ("Spark Structured Streaming", {"Spark Streaming"}, {"Apache Spark"}),
        ("GCP BigQuery", {"BigQuery"}, {"Google Cloud"}),
        ("Cloud ETL", set(), {"Cloud computing"}),
        ("debugging ML systems", set(), {"Machine learning systems"}),
    ],
    "a past deed with what it was done to": [
        ("Presented results to senior leadership", {"Presentation skills"}, set()),
        ("Led teams across three offices", {"Leadership"}, set()),
    ],
    "a certification with its short form": [
        ("Certified Scrum Master", {"Scrum"}, set()),
        ("CKA (Certified Kubernetes Administrator)", {"Kubernetes"}, set()),
        ("Certified Kubernetes Application Developer", {"Kubernetes"}, set()),
        ("Machine Learning Specialization (Stanford Online)", {"Machine learning"}, set()),
    ],
    "a wrong credit removed": [
        ("Excel at meeting deadlines", set(), {"Excel"}),
        ("Excel with Power Query", {"Excel"}, set()),
        ("Hobbies: Go, chess, Spark AR", set(), {"Go", "Apache Spark"}),
        ("AI Engineer", set(), {"Artificial intelligence"}),
        ("NLP researchers and data engineers", set(), {"Natural language processing"}),
        ("Mathematik und Informatik", set(), {"Mathematics"}),
        ("Statistica descrittiva", set(), {"Statistics"}),
        ("Statistcs", {"Statistics"}, set()),
        ("Recurrent Neural Nets", {"Recurrent neural networks"}, {"Neural networks"}),
    ],
}


@each_case(CASES)
def test_round_thirteen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


def test_a_name_written_with_a_typo_counts_as_named_not_implied() -> None:
    """Python written with a typo beside pandas (which implies Python) is credited as
    written, at the entry's own level, not as an implication."""
    hits = Matcher([]).resolve("Pyhton, pandas")
    hit = hits[next(k for k in hits if base_key(k) == "python")]
    assert hit.method == "fuzzy"
