"""Matching round twenty-two (precision): false credits of the 20th part's kinds, each
a table of traps and of cases that must keep their credit (none copied from the
parts): a name declined after a colon or a dash, an issue tracker's key before a
colon, a team's name, a broad field before "and tools", a Latin binomial in brackets,
an inflected everyday word near a tool's name, a tool's name that is also a title of
literature, an event attended that a tool names, what a method copes with, a job title before its employer."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a name declined after a colon or a dash claims nothing": [
        ("Kafka experience: none", set(), {"Apache Kafka"}),
        ("Kubernetes: never used it", set(), {"Kubernetes"}),
        ("Airflow - no", set(), {"Apache Airflow"}),
        ("Snowflake: not yet", set(), {"Snowflake"}),
        ("Scala - no experience", set(), {"Scala"}),
        ("Python: 6 years, Rust: none", {"Python"}, {"Rust"}),
        # a colon or a dash with what is done, or "no" inside a name, keeps it
        ("Docker: no-code builders for the analysts", {"Docker"}, set()),
        ("Kubernetes - not just deployment but autoscaling too", {"Kubernetes"}, set()),
        ("Git: branching strategies", {"Git"}, set()),
        ("PostgreSQL - 5 years", {"PostgreSQL"}, set()),
    ],
    "an issue tracker's key before a colon is no field": [
        ("ML-204: Retrain the churn model on the March data", set(), {"Machine learning"}),
        ("AI-31: Bump the tokenizer version", set(), {"Artificial intelligence"}),
        ("[ML-77] Add Prometheus alerts for the feature store", {"Prometheus"}, {"Machine learning"}),
        # a model's name with its version keeps it; a key that is no name leaves the line
        ("GPT-4: prompt engineering for support replies", {"Prompt engineering"}, set()),
        ("OPS-418: Move the Airflow DAGs to Kubernetes", {"Kubernetes"}, set()),
    ],
    "a team's name names no skill": [
        ("Team: NLP Platform", set(), {"Natural language processing"}),
        ("Squad: Data Science Enablement", set(), {"Data science"}),
        ("Joined the Kubernetes Enablement team last year", set(), {"Kubernetes"}),
        # a person's certification title and the skill before a colon keep theirs
        ("AWS Cloud Practitioner or higher preferred", {"AWS"}, set()),
        ("NLP: named entity recognition", {"Named entity recognition"}, set()),
    ],
    "a broad field before a word for its tools names the tools": [
        (
            "Experience with NLP infrastructure and libraries (spaCy, NLTK)",
            {"spaCy", "NLTK"},
            {"Natural language processing"},
        ),
        ("Deep learning infrastructure and tools (PyTorch, Triton)", {"PyTorch"}, {"Deep learning"}),
        # another skill before tools, or a field with another field, keeps it
        ("Experience with machine learning and statistics", {"Machine learning", "Statistics"}, set()),
        ("Experience with Python and tools like dbt", {"Python", "dbt"}, set()),
    ],
    "a Latin binomial in brackets names nothing": [
        ("Ospreys (Pandion haliaetus) nesting by the lake", set(), {"Pandas"}),
        ("Saw a pair of red kites (Milvus milvus) above the valley", set(), {"Milvus"}),
        # tools in brackets keep theirs
        ("Vector databases (Milvus, Qdrant)", {"Milvus", "Qdrant", "Vector databases"}, set()),
        ("Orchestration (Apache airflow)", {"Apache Airflow"}, set()),
    ],
    "an inflected everyday word is no typo of a longer tool name": [
        ("Buzzards circled above the ridge all afternoon", set(), {"CircleCI"}),
        ("We circled back on the proposal", set(), {"CircleCI"}),
        # typos of the name itself keep it
        ("Circlci", {"CircleCI"}, set()),
        ("Kuberntes", {"Kubernetes"}, set()),
        ("Pyhton, Pandas", {"Python", "pandas"}, set()),
        ("Dockers", {"Docker"}, set()),
    ],
    "a tool's name that is also a title of literature counts on a technical line": [
        ("Beautiful Soup, so rich and green, sang the Mock Turtle", set(), {"Beautiful Soup"}),
        ("a beautiful soup for dinner", set(), {"Beautiful Soup"}),
        ("Beautiful Soup", {"Beautiful Soup"}, set()),
        ("Scraped listings with Beautiful Soup and requests", {"Beautiful Soup"}, set()),
        ("Python, Beautiful Soup, Selenium", {"Python", "Beautiful Soup", "Selenium"}, set()),
    ],
    "an event attended that a tool names is no claim on the tool": [
        ("Attended a Kubernetes meetup in Leeds", set(), {"Kubernetes"}),
        ("Went to the PyTorch conference in San Francisco", set(), {"PyTorch"}),
        # speaking there names the talk's skill
        ("Speaker at PyCon", {"Presentation skills"}, set()),
        ("Attended a workshop on Docker", set(), set()),
    ],
    "what a method copes with, after it, is a topic, not a practice": [
        ("MSc thesis: Bayesian inference with missing data", {"Bayesian statistics"}, {"Data cleaning"}),
        ("Causal inference with incomplete data from field trials", {"Causal inference"}, {"Data cleaning"}),
        # the practice itself keeps it
        ("Handling missing data", {"Data cleaning"}, set()),
        ("Dealing with missing data in survey responses", {"Data cleaning"}, set()),
        ("Imputed missing data with pandas", {"Data cleaning", "pandas"}, set()),
    ],
    "a job title, then an employer and when or where, names no skill": [
        ("Intern, Snowflake (summer 2022)", set(), {"Snowflake"}),
        ("Data Engineer, Databricks (remote)", set(), {"Databricks"}),
        # a title's sentence, or a tool with its years, keeps them
        ("Data Engineer, built pipelines with Spark and Kafka", {"Apache Spark", "Apache Kafka"}, set()),
        ("Machine Learning Engineer, PyTorch (3 years)", {"PyTorch"}, set()),
    ],
}


@each_case(CASES)
def test_round_22p_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
