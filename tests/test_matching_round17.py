"""Matching round seventeen: the kinds of misses and wrong credits the seventeenth
held-aside part showed when it was measured blind, each a table of positive and trap
cases written for the kind (none copied from the part): a negated bullet line, people
named with a title, course codes, who issues a certification, word order read as a deed,
headings inside a line, emoji, a task word after a tool, comparisons, ranks and a form's
answered question."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a negated line after a bullet names nothing it negates": [
        ("- never ran Airflow in production", set(), {"Apache Airflow"}),
        ("- never used Docker at work", set(), {"Docker"}),
        ("* no Terraform experience", set(), {"Terraform"}),
        ("\u2022 not used Snowflake yet", set(), {"Snowflake"}),
        # the rest of the entry still counts
        ("- Python, never used Scala", {"Python"}, {"Scala"}),
        ("- not limited to SQL", {"SQL"}, set()),
    ],
    "a person named with a title is no tool": [
        ("Supervisor: Prof. Anna Julia", set(), {"Julia"}),
        ("Referee: Mr. Tom Jenkins", set(), {"Jenkins"}),
        ("Dr. Flask, lab manager", set(), {"Flask"}),
        # a tool after the person still counts
        ("Worked with Dr. Smith on PyTorch models", {"PyTorch"}, set()),
    ],
    "a course code is no course title": [
        ("MATH 240 (Linear Algebra)", {"Linear algebra"}, {"Mathematics"}),
        ("STAT 201", set(), {"Statistics"}),
        # a skill's own name before a number still claims it
        ("SQL 101", {"SQL"}, set()),
        ("Python 101", {"Python"}, set()),
        ("NLP 101", {"Natural language processing"}, set()),
        ("ML 101 (evening course)", {"Machine learning"}, set()),
    ],
    "who issues a certification is no skill": [
        ("Oracle Certified Associate, Java SE 8 Programmer", {"Java"}, {"Oracle Database"}),
        ("Kubernetes and Cloud Native Associate (KCNA) - Linux Foundation", {"Kubernetes"}, {"Linux"}),
        ("Member of the Python Software Foundation", set(), {"Python"}),
        # the product's own name before Certified is the skill certified
        ("AWS Certified Developer - Associate", {"AWS"}, set()),
        ("Oracle Database 19c administration", {"Oracle Database"}, set()),
        # a product's short name before Certified is no company
        ("Android Certified Application Developer", {"Android development"}, set()),
    ],
    "a word before a noun is no deed done to it": [
        ("train/test/validation split", set(), {"A/B testing"}),
        ("kept a test split aside", set(), {"A/B testing"}),
        ("Learning deep breathing for stress", set(), {"Deep learning"}),
        # a deed with all it is done to, or before a small word, still counts
        ("Cleaned the data before every release", {"Data cleaning"}, set()),
        ("Managed project schedules and budgets", {"Project management"}, set()),
        ("tuning hyperparameters with Optuna", {"Hyperparameter tuning", "Optuna"}, set()),
    ],
    "groups under their own headings in one line": [
        ("Languages: Go, Rust; Cloud: GCP", {"Go", "Rust", "Google Cloud"}, set()),
        ("Scripting: Bash, Python; DL: Keras, JAX", {"Bash", "Python", "Keras", "JAX"}, {"Deep learning"}),
        # a colon that ends the line is a question's, not a heading's
        ("Years of experience with Docker:", {"Docker"}, set()),
    ],
    "a heading that starts each name of its list": [
        ("Model: training, evaluation, serving", {"Model training", "Model evaluation", "Model serving"}, set()),
        ("Data: versioning, labeling", {"Data versioning", "Data labeling"}, set()),
        # one name is not enough to read the heading so
        ("Cloud: AWS, storage", {"AWS"}, {"Cloud computing"}),
    ],
    "emoji around names are spaces": [
        ("\U0001f9e0 PyTorch \u00b7 \U0001f40d pandas", {"PyTorch", "pandas"}, set()),
        ("\u2601\ufe0f AWS", {"AWS"}, set()),
        ("\U0001f525 Spark jobs", {"Apache Spark"}, set()),
        # a music sign is no emoji: it writes a name
        ("C\u266f and F\u266f", {"C#", "F#"}, {"C"}),
    ],
    "a task word after a tool qualifies it": [
        ("Ubuntu and Linux administration", {"Linux"}, set()),
        ("TensorFlow Lite export", {"TensorFlow Lite"}, set()),
        ("PowerShell scripting", {"PowerShell"}, set()),
        ("emacs keybindings in VS Code", {"VS Code"}, set()),
    ],
    "a machine's task that people do every day is not read from a deed": [
        ("Answered questions from walk-in customers", set(), {"Question answering"}),
        ("Answering questions on the phone", set(), {"Question answering"}),
        # its name still names it
        ("Extractive question answering with BERT", {"Question answering", "BERT"}, set()),
    ],
    "a part of more words shares the next part's last words": [
        ("Clear written and verbal communication", {"Written communication", "Verbal communication"}, set()),
        ("Added unit and integration tests", {"Unit testing", "Integration testing"}, set()),
        ("Maintained data and ML pipelines", {"Data pipelines", "ML pipelines"}, set()),
        # not a proper name last, nor a name of one word
        ("Captain prefect, Year 12", set(), {"Prefect"}),
        ("Experiencia con Tableau y Power BI", {"Tableau", "Power BI"}, {"Business intelligence"}),
    ],
    "a repository's topics, slugs a space apart": [
        (
            "Topics: natural-language-processing large-language-models pytorch",
            {"Natural language processing", "PyTorch"},
            set(),
        ),
        ("topics: data-science time-series-analysis pandas", {"Data science", "Time series analysis", "pandas"}, set()),
        ("reinforcement-learning stable-baselines3", {"Reinforcement learning", "Stable Baselines3"}, set()),
        ("deep-learning computer-vision opencv", {"Deep learning", "Computer vision", "OpenCV"}, set()),
        # a phrase with hyphens is no list of topics
        ("end-to-end model training", {"Model training"}, set()),
    ],
    "what someone is learning is claimed": [
        ("Learning Kotlin", {"Kotlin"}, set()),
        ("currently learning Elixir and Erlang", {"Elixir", "Erlang"}, set()),
        # a name that starts with the word stays itself, and nothing else is read
        ("Learning to rank", {"Learning to rank"}, set()),
        ("Learning rate warm-up", set(), {"Continuous learning", "Machine learning"}),
    ],
    "a name before -based, -powered or -accelerated": [
        ("Built Elasticsearch-powered search for support tickets", {"Elasticsearch"}, set()),
        ("Vue.js-based admin panel", {"Vue.js"}, set()),
        ("CUDA-accelerated image filters", {"CUDA"}, set()),
        # the cloud says where, and a word that names nothing stays so
        ("cloud-based CRM", set(), {"Cloud computing"}),
        ("Join our AI-powered analytics platform", set(), {"Artificial intelligence"}),
        ("tree-based models", set(), set()),
    ],
    "'instead of' and 'rather than' separate a comparison": [
        ("Airflow instead of cron", {"Apache Airflow"}, set()),
        ("DuckDB rather than Spark for small data", {"DuckDB", "Apache Spark"}, set()),
    ],
    "a rank after a name qualifies it": [
        ("Kaggle Competitions Master", {"Kaggle"}, set()),
        ("SQL expert", {"SQL"}, set()),
        # a degree's word is no rank
        ("Master of Arts, History", set(), set()),
    ],
    "a form's question answered yes or no": [
        ("Have you used Kubernetes? Yes, for two years", {"Kubernetes"}, set()),
        ("Experience with Spark? yes", {"Apache Spark"}, set()),
        ("Experience with Spark? No", set(), {"Apache Spark"}),
        ("Any Scala? none", set(), {"Scala"}),
    ],
}


@each_case(CASES)
def test_round_seventeen_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
