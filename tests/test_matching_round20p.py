"""Matching round twenty (precision): kinds of wrong credits the spent parts still
showed, each a table of positive and trap cases written for the kind (none copied from
the parts): a name that is also an everyday word, myth, place or person read in a
sentence about no technical work; an everyday word a slip from a name read as its
typo; a tax named after an activity; a broad field inside a product's name; a name
written only inside a longer name found; what is made with a tool. Each table also holds cases that must keep
their credit: skills-file entries, lists of names, technical lines."""

from __future__ import annotations

from rolefit.matching.matcher import Matcher
from rolefit.matching.normalise import normalise
from rolefit.matching.vocabulary import load_vocabulary

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "an everyday sense in a sentence about no technical work names nothing": [
        ("Our dog chased a python through the garden", set(), {"Python"}),
        ("Honeymoon in Java, then three days in Lombok", set(), {"Java"}),
        ("Opened the window to improve airflow in the bedroom", set(), {"Apache Airflow"}),
        ("Played Cassandra in the school production of Troilus", set(), {"Apache Cassandra"}),
        ("A spark from the campfire lit the dry grass", set(), {"Apache Spark"}),
        ("Mrs Jenkins taught us piano for six years", set(), {"Jenkins"}),
        ("Our essay compared Prometheus with Icarus", set(), {"Prometheus"}),
        ("The swift nested under the barn roof", set(), {"Swift"}),
        ("Jupiter was bright above the hills tonight", set(), {"Jupyter"}),
        ("Read Great Expectations twice over the summer", set(), {"Great Expectations"}),
        ("Regression to the mean in exam scores", set(), {"Regression analysis"}),
        # two such names do not vouch for each other
        ("Swift and Ruby, our two cats, turn five in June", set(), {"Swift", "Ruby"}),
        ("A python and a ruby boa at the reptile show", set(), {"Python", "Ruby"}),
        ("Visited the delta lake and the old Oracle at Delphi", set(), {"Delta Lake", "Oracle Database"}),
    ],
    "a line that says what someone does with such a name keeps it; travel and pets do not": [
        ("I use Python every day", {"Python"}, set()),
        ("Taught myself Rust last summer", {"Rust"}, set()),
        ("Learning Rust on weekends", {"Rust"}, set()),
        ("Wrote the ingestion layer in Java", {"Java"}, set()),
        ("Configured Jenkins for the mobile team", {"Jenkins"}, set()),
        ("Teaching Java to first-years on Saturdays", {"Java"}, set()),
        ("You should feel comfortable with Rust", {"Rust"}, set()),
        ("Added Prometheus alerts on every queue", {"Prometheus"}, set()),
        ("Helped retire the old Java monolith", {"Java"}, set()),
        ("Went to Java for my honeymoon", set(), {"Java"}),
        ("Our dog Luigi loves the beach", set(), {"Luigi"}),
        ("Prefect of the school council, 2014", set(), {"Prefect"}),
        ("The Great Expectations reading group meets Tuesdays", set(), {"Great Expectations"}),
        ("Went on a YOLO road trip", set(), {"YOLO"}),
    ],
    "a skill's name that starts like a person's title is the skill, however it is cased": [
        ("Ms Azure", {"Microsoft Azure"}, set()),
        ("ms azure, Power BI", {"Microsoft Azure", "Power BI"}, set()),
        ("Mrs Jenkins retired in May", set(), {"Jenkins"}),
    ],
    "the same names keep their credit as entries, in lists and on technical lines": [
        ("Python", {"Python"}, set()),
        ("Airflow", {"Apache Airflow"}, set()),
        ("Advanced Python skills", {"Python"}, set()),
        ("Python: expert", {"Python"}, set()),
        ("Spark | 3 | two projects", {"Apache Spark"}, set()),
        ("Java and Kotlin", {"Java", "Kotlin"}, set()),
        ("Docker, Nomad", {"Docker"}, set()),
        ("Python and Spark", {"Python", "Apache Spark"}, set()),
        ("Built Airflow DAGs for the nightly loads", {"Apache Airflow"}, set()),
        ("Upgraded the service to Java 21", {"Java"}, set()),
        ("Scheduled the jobs with Airflow on Kubernetes", {"Apache Airflow", "Kubernetes"}, set()),
        ("It was my first time using Flutter", {"Flutter"}, set()),
        ("Jupiter notebooks for the analysis", {"Jupyter"}, set()),
        ("Set up Prometheus to scrape our API servers", {"Prometheus"}, set()),
        ("![Rust](https://img.shields.io/badge/rust-000?logo=rust)", {"Rust"}, set()),
        ("Regression", {"Regression analysis"}, set()),
        ("Regression and variance analysis for the pricing team", {"Regression analysis"}, set()),
    ],
    "an everyday word a slip from a name is spelt as meant": [
        ("Payments", set(), {"Patent writing"}),
        ("Sprint planning and retros", set(), {"Spring Framework"}),
        ("Scalar and vector quantities", set(), {"Scala"}),
        ("Pesto and pasta night", set(), {"Presto"}),
        # a typo of the name itself still reads
        ("Pyhton", {"Python"}, set()),
        ("Kuberentes", {"Kubernetes"}, set()),
    ],
    "a tax named after an activity is no skill": [
        ("Prepared the R&D tax claim for 2023", set(), {"R&D"}),
        ("R&D tax incentives for our AI platform", set(), {"R&D"}),
        # the activity itself still counts
        ("R&D", {"R&D"}, set()),
        ("Led R&D on battery chemistry", {"R&D"}, set()),
    ],
    "a field inside a product's name is no field": [
        ("Converted the classifier to Core ML for the iPhone app", set(), {"Machine learning"}),
        ("On-device text recognition with ML Kit", set(), {"Machine learning"}),
        # the field written as itself still counts
        ("Core machine learning concepts", {"Machine learning"}, set()),
        ("ML and statistics", {"Machine learning", "Statistics"}, set()),
    ],
    "a name written only inside a longer name found is that name": [
        ("Quarterly reviews: storytelling with data for the board", {"Data storytelling"}, {"Storytelling"}),
        # written on its own too, it counts on its own
        ("R / R Markdown", {"R", "R Markdown"}, set()),
        ("Docker, Docker Compose", {"Docker", "Docker Compose"}, set()),
    ],
    "what is made with a tool is no skill of its own": [
        ("Keras 3 including TensorFlow backend", {"Keras", "TensorFlow"}, {"Backend development"}),
        ("Keras 3 incl. PyTorch backend", {"Keras", "PyTorch"}, {"Backend development"}),
        # the skill written as itself still counts
        ("Backend development with Django", {"Backend development", "Django"}, set()),
        ("Backend (FastAPI, Flask)", {"Backend development", "FastAPI", "Flask"}, set()),
    ],
}


@each_case(CASES)
def test_round_20p_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


def test_everyday_forms_are_names_or_aliases_of_the_vocabulary() -> None:
    vocabulary = load_vocabulary()
    forms = {normalise(f) for s in vocabulary.skills for f in (s.name, *s.aliases)}
    assert vocabulary.everyday, "the shipped vocabulary lists everyday names"
    assert [f for f in vocabulary.everyday if normalise(f) not in forms] == []


def test_no_typo_words_are_no_names() -> None:
    # A word spelt as meant must not be a name itself, or it could never be read.
    from rolefit.matching.matcher import _NO_TYPOS

    matcher = Matcher([])
    assert [w for w in _NO_TYPOS if matcher.knows(w)] == []
