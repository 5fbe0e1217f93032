"""Matching round twelve: skill names written whole inside a longer phrase that the
other layers read no further (a sentence, a keyword run a parser left without
separators), with the guards that keep a name in another sense, a purpose, a field
qualifying a noun, people and a negated phrase from counting. Each kind is a table of
positive and trap cases; none is one string's special case."""

from __future__ import annotations

from rolefit.matching.matcher import Matcher, base_key

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a name written whole inside a sentence": [
        ("Ability to program in R (preferred) or in Python", {"R", "Python"}, set()),
        ("push that model into production via an AWS endpoint", {"AWS"}, set()),
        ("Wrote the ingestion jobs with help from PySpark and Apache Airflow", {"PySpark", "Apache Airflow"}, set()),
        ("We expect solid Kubernetes experience and TensorFlow or PyTorch", {"TensorFlow", "PyTorch"}, set()),
    ],
    "a tool's name before what is made with it": [
        ("Write maintainable Python code with type hints", {"Python"}, set()),
        ("push that model into production via a Databricks job", {"Databricks"}, set()),
        ("Data warehouse design (Star schema, Snowflake schema)", set(), {"Snowflake"}),
        ("Fine-tuning requires GPU infrastructure and PEFT expertise", set(), {"GPU computing"}),
    ],
    "a name before a word for its parts or practice": [
        ("Previous hands-on experience in computer vision projects would be desirable", {"Computer vision"}, set()),
        ("Master model registry management and automated testing", {"Model registry"}, set()),
        ("We rely on vector database operations every day", {"Vector databases"}, set()),
        ("Publications in machine learning research preferred", set(), {"Machine learning"}),
    ],
    "a typo inside a longer phrase": [
        ("We trained the ranking models with tenserflow and served them", {"TensorFlow"}, set()),
        ("Deployed the whole stack on Kubernets and Docker", {"Kubernetes"}, set()),
        ("Took a course on Machine Leaning and statistics last spring", {"Machine learning"}, set()),
        ("Coordinating with the schema design group every week", set(), {"Scheme"}),
    ],
    "everyday names and short forms of a skill": [
        ("Bagging", {"Ensemble methods"}, set()),
        ("Probability Distributions", {"Probability theory"}, set()),
        ("Dataset preparation", {"Data preprocessing"}, set()),
        ("LLM-as-a-judge", {"LLM evaluation"}, set()),
        ("GDPR compliance", {"Regulatory compliance"}, set()),
        ("unit tests, linting, type checks", {"Static code analysis"}, set()),
        ("Large-scale data processing", {"Big data processing"}, set()),
        ("Athena", {"Amazon Athena"}, set()),
    ],
    "an AWS service without its platform, alone or beside AWS": [
        ("Glue", {"AWS Glue"}, set()),
        ("Lambda", {"AWS Lambda"}, set()),
        ("S3, Glue, Redshift", {"AWS Glue"}, set()),
        ("glue code between the services", set(), {"AWS Glue"}),
        ("lambda calculus and type theory", set(), {"AWS Lambda"}),
    ],
    "a verb that starts a phrase, with what it is done to": [
        ("practice engineering new features, clean data before reporting or modeling", {"Data cleaning"}, set()),
        ("Led team projects implementing new algorithms for analysis", {"Leadership"}, set()),
        ("Created a pipeline and output cleaned data to Redshift", set(), {"Data cleaning"}),
        ("transferring trained models into a production environment", set(), {"Model training"}),
    ],
    "a keyword run without separators is a list": [
        (
            "automation testrail test automation manual testing ad tracking software testing test strategy selenium",
            {"Selenium"},
            {"Regression analysis"},
        ),
        ("python sql tableau power bi excel", {"Python", "SQL", "Tableau", "Power BI", "Excel"}, set()),
        ("sanity testing regression testing database testing milestones", set(), {"Regression analysis"}),
    ],
    "a purpose names no skill": [
        ("Implemented gradient boosted models in XGBoost for sentiment analysis", {"XGBoost"}, {"Sentiment analysis"}),
        ("scripts written to clean data for the Data Science team", set(), {"Data science", "Data cleaning"}),
    ],
    "a field before another noun qualifies it": [
        ("Containerize ML applications using Docker and orchestrate them", {"Docker"}, {"Machine learning"}),
        ("Ensuring AI solutions follow ethical guidelines", set(), {"Artificial intelligence"}),
        ("Build and maintain ML infrastructure including training platforms", set(), {"Machine learning"}),
    ],
    "a plain name ended by a noun is part of another idea": [
        ("regression ... autocorrelation in time series data", set(), {"Time series analysis"}),
        ("sequential decision making under uncertainty", set(), {"Decision making"}),
        ("debugging ML systems", set(), {"Machine learning systems"}),
        ("semi supervised learning of embeddings", set(), {"Supervised learning"}),
    ],
    "a capitalised title holds its last word": [
        ("Networking protocols, Data Communication, routing", set(), {"Communication"}),
        ("Advanced ML Algorithms and their uses", set(), {"Algorithms"}),
        ("Guild AI for experiment runs", set(), {"Artificial intelligence"}),
    ],
    "people, headings and negations name nothing inside": [
        ("worked closely with our Data Science team on reports", set(), {"Data science"}),
        ("SQL: Redshift, Postgres, MySQL", {"Amazon Redshift", "MySQL"}, {"SQL"}),
        ("there is no Apache Airflow deployment to look after here", set(), {"Apache Airflow"}),
        (
            "a lack of documentation around the Apache Airflow setup",
            set(),
            {"Apache Airflow", "Technical documentation"},
        ),
        ("Clickhouse, GCP BigQuery, AWS RedShift warehouses", {"BigQuery"}, {"Google Cloud"}),
    ],
}


@each_case(CASES)
def test_round_twelve_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


def test_a_name_inside_a_phrase_reads_as_written() -> None:
    """The hit says which words of the phrase named the skill, and by which form."""
    hits = Matcher([]).resolve("push that model into production via an AWS endpoint")
    hit = hits[next(k for k in hits if base_key(k) == "aws")]
    assert (hit.method, hit.part) == ("exact", "AWS")
