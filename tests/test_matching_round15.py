"""Matching round fifteen: the kinds of misses and wrong credits the fifteenth held-aside
part showed when it was measured blind, each a table of positive and trap cases written
for the kind (none copied from the part): tools named like everyday words among words of
another field (Kafka, Go, Julia), hedges in people's own files, 'lacks', a deed after
when it was done, a rank before "of", lists in Chinese, Japanese and Korean, more things
made with a tool, certifications by brand or an unknown maker, soft skills as
adjectives, a tool's name as a word of another proper name, and other languages'
"with"."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a tool named like an everyday word counts alone or beside its field": [
        ("Novels by Kafka and Camus", set(), {"Apache Kafka"}),
        ("Go and backgammon club", set(), {"Go"}),
        ("Julia and Tom (my children)", set(), {"Julia"}),
        # in its own sense
        ("Kafka", {"Apache Kafka"}, set()),
        ("Kafka, Spark", {"Apache Kafka", "Apache Spark"}, set()),
        ("Go: 5 yrs", {"Go"}, set()),
        ("Go, Rust", {"Go", "Rust"}, set()),
        ("Experience with Go", {"Go"}, set()),
        ("Julia, Python", {"Julia", "Python"}, set()),
        ("Kafka topics", {"Apache Kafka"}, set()),
        # the one tool a sentence says was used
        ("Event streaming with Kafka", {"Apache Kafka"}, set()),
        ("Scientific computing in Julia", {"Julia"}, set()),
        ("Celery soup", set(), {"Celery"}),
    ],
    "a hedge around a skill qualifies it": [
        ("mostly python, some rust", {"Python", "Rust"}, set()),
        ("sql (postgres mostly)", {"SQL", "PostgreSQL"}, set()),
        ("docker stuff", {"Docker"}, set()),
        ("mainly Kubernetes", {"Kubernetes"}, set()),
    ],
    "'lacks' negates a clause": [
        ("Lacks experience with Spark", set(), {"Apache Spark"}),
        ("Python; lacks Scala", {"Python"}, {"Scala"}),
        # not a negation
        ("Slack and Jira", {"Jira"}, set()),
    ],
    "a deed after when it was done starts its entry": [
        ("In 2021, dockerized the API", {"Docker"}, set()),
        ("2018-2020: mentored two junior analysts", {"Mentoring"}, set()),
        ("Since 2019, negotiated the vendor contracts", {"Negotiation"}, set()),
        # still not a plain word around skills
        ("2019: optimized the queries", set(), {"Optimization"}),
    ],
    "a rank before 'of' makes a job title": [
        ("Director of Machine Learning", set(), {"Machine learning"}),
        ("VP of Data Engineering", set(), {"Data engineering"}),
        ("Jane Roe, Head of NLP", set(), {"Natural language processing"}),
        # a course or a field "of" something still counts
        ("Fundamentals of Machine Learning", {"Machine learning"}, set()),
    ],
    "lists in Chinese, Japanese and Korean, and Turkish case endings": [
        ("Pythonとpandasでの分析", {"Python", "pandas"}, set()),
        ("精通 Java、Rust 和 Scala", {"Java", "Rust", "Scala"}, set()),
        ("Dockerを使った開発", {"Docker"}, set()),
        ("GCP\uff08BigQuery・Dataflow\uff09", {"BigQuery", "Google Cloud Dataflow"}, set()),
        ("SQL을 활용한 분석", {"SQL"}, set()),
        ("Python'a, SQL'e", {"Python", "SQL"}, set()),
    ],
    "things made with a tool name it": [
        ("Airbyte connectors", {"Airbyte"}, set()),
        ("Grafana plugins", {"Grafana"}, set()),
        ("CUDA kernels", {"CUDA"}, set()),
        ("Kafka producers", {"Apache Kafka"}, set()),
        # an everyday word's kernels or charts are none
        ("Spring charts", set(), {"Spring Framework"}),
    ],
    "a certification by brand, or by a maker rolefit does not know": [
        ("SnowPro Core certified", {"Snowflake"}, set()),
        ("PMP certified", {"Project management"}, set()),
        ("dbt Fundamentals Certification", {"dbt"}, set()),
        ("Coursera TensorFlow Developer Certificate", {"TensorFlow"}, set()),
        ("Snow removal certificate", set(), {"Snowflake"}),
    ],
    "a soft skill as an adjective": [
        ("Curious and resilient", {"Curiosity", "Resilience"}, set()),
        ("Empathetic, organised", {"Empathy", "Organizational skills"}, set()),
        ("Detail-oriented thinker", {"Attention to detail"}, set()),
        ("Strong communicator", {"Communication"}, set()),
        # before a thing it is no trait
        ("Resilient message queues with Kafka", {"Apache Kafka"}, {"Resilience"}),
        ("Organised data in PostgreSQL", {"PostgreSQL"}, {"Organizational skills"}),
    ],
    "a tool's name as a word of another proper name, or 'of' something after an article": [
        ("A python of six metres", set(), {"Python"}),
        ("An oracle of the ancient world", set(), {"Oracle Database"}),
        ("Season tickets for the Oracle Arena", set(), {"Oracle Database"}),
        ("Interviewed through Spark Hire", set(), {"Apache Spark"}),
        # in its own sense
        ("Built pipelines in Spark and Airflow", {"Apache Spark", "Apache Airflow"}, set()),
        ("Presentation of results", {"Presentation skills"}, set()),
    ],
    "'with' and 'using' in other languages": [
        ("Análisis de datos con Python", {"Python"}, set()),
        ("Tableaux de bord avec Power BI", {"Power BI"}, set()),
        ("Phân tích dữ liệu với SQL", {"SQL"}, set()),
        ("Pengolahan data dengan pandas", {"pandas"}, set()),
        ("Modelos usando scikit-learn", {"scikit-learn"}, set()),
    ],
}


@each_case(CASES)
def test_round_fifteen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
