"""Kinds of writing seen in the spent held-aside parts of the matching test set (round
eight): a broad field before a word for its tools, a purpose after "for", aliases that
need their field beside other skills, short forms with two meanings, a tool before a
colon, and services a heading lists without their platform. Each kind is a table; none
is a single string's special case."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pytest

from rolefit.matching.matcher import Matcher, base_key
from rolefit.matching.vocabulary import parse_vocabulary


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher([])


def direct(text: str) -> set[str]:
    """The skills a string names (not those they imply), by display name."""
    found = matcher().resolve(text)
    return {matcher().display_name(base_key(k)) for k, hit in found.items() if hit.method != "implied"}


def assert_reads(text: str, named: set[str], not_named: set[str]) -> None:
    """`text` names every skill of `named` and none of `not_named` (the rounds' case tables)."""
    found = direct(text)
    assert named <= found, f"{text!r}: {found}"
    assert not (not_named & found), f"{text!r}: {found}"


def each_case(cases: Mapping[str, list[tuple[str, set[str], set[str]]]]) -> pytest.MarkDecorator:
    """A round's case table, by kind, as a test's parameters (text, named, not_named),
    each case known by its kind and text."""
    return pytest.mark.parametrize(
        ("text", "named", "not_named"),
        [case for kind_cases in cases.values() for case in kind_cases],
        ids=[f"{kind}: {case[0][:40]}" for kind, kind_cases in cases.items() for case in kind_cases],
    )


# What the string must name, and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a field before a word for its tools names the tools": [
        ("NLP libraries", set(), {"Natural language processing"}),
        ("ML frameworks expertise", set(), {"Machine learning"}),
        ("Proficiency in NLP Libraries and Machine Learning Frameworks", set(), {"Machine learning"}),
        ("NLP frameworks such as spaCy and NLTK", {"spaCy", "NLTK"}, {"Natural language processing"}),
        ("ML frameworks (TensorFlow, PyTorch)", {"TensorFlow", "PyTorch"}, {"Machine learning"}),
        ("Computer vision toolkits", set(), {"Computer vision"}),
    ],
    "a tool or a practice before the same words is claimed": [
        ("Python libraries", {"Python"}, set()),
        ("Model serving frameworks", {"Model serving"}, set()),
        ("deep learning frameworks", {"Deep learning frameworks"}, set()),
    ],
    "what follows 'for' is a purpose": [
        ("packages for machine learning", set(), {"Machine learning"}),
    ],
    "an alias that needs its field beside other skills": [
        ("deployment", {"Model deployment"}, set()),
        ("Automated testing and deployment", {"Automated testing"}, {"Model deployment"}),
        ("Google Cloud Platform (BigQuery, basic deployment)", {"BigQuery"}, {"Model deployment"}),
        ("PyTorch, deployment", {"PyTorch", "Model deployment"}, set()),
    ],
    "a short form with two meanings, read by what is beside it": [
        ("Transformers", set(), {"Transformer architecture", "Hugging Face Transformers"}),
        ("PyTorch, Transformers, spaCy", {"Hugging Face Transformers"}, {"Transformer architecture"}),
        ("Transformers (BERT, GPT)", {"Transformer architecture", "BERT"}, {"Hugging Face Transformers"}),
        ("Transformers (Hugging Face)", {"Hugging Face Transformers"}, {"Transformer architecture"}),
        ("BLEU, COMET", set(), {"Comet ML"}),
        ("MLflow, Comet", {"MLflow", "Comet ML"}, set()),
        ("transformer", {"Transformer architecture"}, set()),
    ],
    "a tool before a colon is claimed; a heading is not": [
        ("Git: branching strategies, code review", {"Git", "Code review"}, set()),
        ("Kubernetes: Basic container orchestration", {"Kubernetes", "Container orchestration"}, set()),
        ("Excel: pivot tables, data modeling", {"Excel", "Data modeling"}, set()),
        ("Cloud: AWS, GCP", {"AWS", "Google Cloud"}, {"Cloud computing"}),
        ("Version Control: Git, GitHub", {"Git", "GitHub"}, {"Version control"}),
        ("ML tools: MLflow", {"MLflow"}, {"Machine learning"}),
        ("Machine learning: regression, clustering", set(), {"Machine learning"}),
        ("Databases: MySQL", {"MySQL"}, {"Databases"}),
    ],
    "services a heading lists without their platform": [
        ("AWS tools: Lambda, Athena, Glue", {"AWS Lambda", "Amazon Athena", "AWS Glue"}, {"AWS"}),
        ("AWS: S3, Glue", {"Amazon S3", "AWS Glue"}, set()),
    ],
}


@pytest.mark.parametrize(
    ("text", "named", "not_named"), [case for cases in CASES.values() for case in cases], ids=lambda v: str(v)
)
def test_each_kind_is_read(text: str, named: set[str], not_named: set[str]) -> None:
    found = direct(text)
    assert named <= found
    assert not (not_named & found)


def test_vocabulary_fields_and_guarded_aliases_are_checked() -> None:
    data = {"skills": [{"name": "A"}], "fields": ["B"]}
    with pytest.raises(Exception, match="fields: unknown skill"):
        parse_vocabulary(data)
    item = {"form": "a", "skill": "A", "beside": ["A"], "alone": "yes"}
    with pytest.raises(Exception, match='alone: expected true, false or "entry"'):
        parse_vocabulary({"skills": [{"name": "A"}], "in_context": [item]})
    parsed = parse_vocabulary({"skills": [{"name": "A"}], "in_context": [{**item, "alone": True}], "fields": ["A"]})
    assert parsed.guarded == (("a", "A", ("A",)),) and parsed.in_context == () and parsed.fields == ("A",)


RECALL: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "clauses of a sentence read one by one": [
        (
            "Created data pipeline that ingested streaming data and output cleaned data to Redshift",
            {"Data pipelines", "Amazon Redshift"},
            set(),
        ),
        ("Built ETL jobs using Airflow and Redshift that saved the company money", {"Apache Airflow"}, set()),
    ],
    "a tool written whole after to, into, on, from": [
        ("Import data from flat files into R or Python.", {"R", "Python"}, set()),
        ("Deploy on AWS (Docker, ECS/EKS)", {"AWS", "Docker"}, set()),
        ("Contribute to open source", set(), {"Open-source contribution"}),
        ("Apply machine learning to business problems", {"Machine learning"}, set()),
    ],
    "two proper names run into one": [
        ("Snowflake SQL", {"Snowflake", "SQL"}, set()),
        ("GCP BigQuery", {"BigQuery"}, {"Google Cloud"}),  # the platform is implied
        ("Clickhouse, GCP BigQuery, AWS RedShift", {"ClickHouse", "BigQuery", "Amazon Redshift"}, set()),
        ("Cloud ETL", set(), {"Cloud computing"}),  # "cloud" is a word, not a name
        ("Git, GitHub", {"Git", "GitHub"}, set()),
        ("Python scripting", set(), {"Shell scripting"}),
    ],
}


@pytest.mark.parametrize(
    ("text", "named", "not_named"), [case for cases in RECALL.values() for case in cases], ids=lambda v: str(v)
)
def test_each_recall_kind_is_read(text: str, named: set[str], not_named: set[str]) -> None:
    found = direct(text)
    assert named <= found
    assert not (not_named & found)
