"""Matching round eighteen: the kinds of misses and wrong credits the eighteenth
held-aside part showed when it was measured blind, each a table of positive and trap
cases written for the kind (none copied from the part): arrows and table bars between
tools, groups that each carry their own level, a GPU as hardware, work made with a tool,
a tool before its own kind, course openings, a tool before the part it builds, a list of
tools each with its purpose, a plural that is no typo, and a deed in the present."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "an arrow between tools lists them": [
        ("Kafka -> Spark -> Delta Lake", {"Apache Kafka", "Apache Spark", "Delta Lake"}, set()),
        ("Airbyte \u2192 BigQuery \u2192 Looker", {"Airbyte", "BigQuery", "Looker"}, set()),
        ("Ingest: S3 => Glue => Redshift", {"Amazon S3", "AWS Glue", "Amazon Redshift"}, set()),
        # an arrow between figures names nothing
        ("p95 latency 800ms -> 120ms", set(), set()),
    ],
    "a table row's bars end its cells": [
        ("Terraform | 2 | on AWS", {"Terraform", "AWS"}, set()),
        ("Docker | 4 | in CI", {"Docker"}, set()),
        ("Pandas \u00b7 3 \u00b7 for reports", {"pandas"}, set()),
    ],
    "groups that each carry their own level": [
        ("SQL: expert \u00b7 Tableau: intermediate", {"SQL", "Tableau"}, set()),
        ("Go: 2 yrs | Rust: learning", {"Go", "Rust"}, set()),
        ("R: advanced \u2022 Stata: basic", {"R", "Stata"}, set()),
    ],
    "a GPU alone is hardware, not GPU computing": [
        ("Gaming laptop with a GPU", set(), {"GPU computing"}),
        ("Trained on 4 GPUs overnight", set(), {"GPU computing"}),
        ("GPU budget approvals", set(), {"GPU computing"}),
        # programming and optimising for GPUs is the skill
        ("GPU programming", {"GPU computing"}, set()),
        ("GPU optimization for inference", {"GPU computing"}, set()),
        ("GPU kernels in Triton", {"GPU computing"}, set()),
    ],
    "work made with a tool names the tool": [
        ("Vertex AI endpoints", {"Vertex AI"}, set()),
        ("Wrote Helm charts for every service", {"Helm"}, set()),
        ("Great Expectations suites", {"Great Expectations"}, set()),
        ("Jaeger and OpenTelemetry traces", {"OpenTelemetry"}, set()),
        ("PySpark batch jobs", {"PySpark"}, set()),
        # the same words in an everyday sense name nothing
        ("Hotel suites and traces of history", set(), set()),
    ],
    "a tool before its own kind names both": [
        ("Weaviate vector database", {"Weaviate", "Vector databases"}, set()),
        ("Pinecone vector DB", {"Pinecone", "Vector databases"}, set()),
        ("Neo4j graph database", {"Neo4j", "Graph databases"}, set()),
    ],
    "an intro, the basics or the fundamentals of a subject": [
        ("Intro to NLP with spaCy", {"Natural language processing", "spaCy"}, set()),
        ("Fundamentals of Deep Learning with Keras", {"Deep learning", "Keras"}, set()),
        ("Basics of SQL", {"SQL"}, set()),
        # an introduction to people names no skill
        ("Intro to the team", set(), set()),
    ],
    "a tool before the part it builds": [
        ("React frontend, Django backend", {"React", "Django"}, set()),
        ("Vue.js frontend", {"Vue.js"}, set()),
        ("Rust services on ECS", {"Rust", "Amazon ECS"}, set()),
        # a word for services that is no tool's
        ("Financial services clients", set(), set()),
    ],
    "a list of tools, each with its purpose": [
        ("Redis for caching, Postgres for everything else", {"Redis", "PostgreSQL"}, set()),
        ("dbt for transforms, Dagster for orchestration", {"dbt", "Dagster"}, set()),
        # the purpose is still not claimed
        ("Python for data analysis, SQL for reporting", {"Python", "SQL"}, {"Data analysis"}),
    ],
    "a name with an s added is its plural, not a typo": [
        ("Seasonal markdowns and promotions planning", set(), {"Markdown"}),
        ("Tracked the markdowns on clearance stock", set(), {"Markdown"}),
        # a real typo is still read
        ("Built services with Kuberntes at work", {"Kubernetes"}, set()),
    ],
    "a deed in the present, like one in the past": [
        ("Mentors junior analysts", {"Mentoring"}, set()),
        ("Mentored junior analysts", {"Mentoring"}, set()),
    ],
}


@each_case(CASES)
def test_round_eighteen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
