"""Matching round twenty-one (recall): the kinds of missed credits the spent parts still
showed, each a table of positive and trap cases written for the kind (none copied from
the parts): a name that is also an everyday word written as a name in mid-sentence, a
cloud platform before a colon and its own services, a one-letter language before what
is made with it or in lower case in a list, a one-word activity before the people it is
done to, a verb done to what it points at in a tool found, models of a kind trained,
and a name the vocabulary writes in lower case, capitalised in mid-sentence."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "an everyday word's name written as a name in mid-sentence, on a technical line": [
        ("Bumped Kafka to 3.7 across the cluster", {"Apache Kafka"}, set()),
        ("Our team runs Kafka and Flink for clickstream", {"Apache Kafka", "Apache Flink"}, set()),
        ("She writes Kotlin and Java most days", {"Kotlin", "Java"}, set()),
        ("I have been writing Go since 2019", {"Go"}, set()),
        ("Learnt Julia during my postdoc", {"Julia"}, set()),
        ("Moved the billing jobs from Celery to Dagster", {"Dagster"}, set()),
        ("Celery workers behind a Redis queue", {"Celery", "Redis"}, set()),
        ("Kafka topics for every order event", {"Apache Kafka"}, set()),
        # a person, a place, a season or a book club is no tool
        ("Spring jobs fair at the primary school", set(), {"Spring Framework"}),
        ("Flew to Java to visit my grandmother", set(), {"Java"}),
        ("My sister Julia visited us over Easter", set(), {"Julia"}),
        ("Ran a Kafka reading circle at the local library", set(), {"Apache Kafka"}),
        ("Taught a statistics module in Spring term", set(), {"Spring Framework"}),
        ("Ported the services to Java in Spring 2023", {"Java"}, {"Spring Framework"}),
        ("Our cats Ruby and Kafka sleep all day", set(), {"Ruby", "Apache Kafka"}),
        ("Card holder at American Express since 2015", set(), {"Express.js"}),
    ],
    "a cloud platform alone before a colon and its own services is the platform used": [
        ("Azure: Blob Storage, Functions, Data Factory", {"Microsoft Azure", "Azure Data Factory"}, set()),
        ("AWS: Lambda, DynamoDB, S3", {"AWS", "AWS Lambda", "Amazon S3"}, set()),
        # a word for tools before the colon is a heading, and so is a platform before
        # tools of no platform
        ("AWS services: Lambda, S3", {"AWS Lambda", "Amazon S3"}, {"AWS"}),
        ("AWS: Docker, Terraform", {"Docker", "Terraform"}, {"AWS"}),
        ("Cloud: AWS, GCP", {"AWS", "Google Cloud"}, {"Cloud computing"}),
    ],
    "a one-letter language before what is made with it, or in lower case in a list": [
        ("Ported the old R scripts to Python", {"R", "Python"}, set()),
        ("Maintains legacy C code for the firmware team", {"C"}, set()),
        ("most of my answers are about r and dplyr", {"R", "dplyr"}, set()),
        ("the reports were queried in SQL or r", {"SQL", "R"}, set()),
        # the letter elsewhere is no language
        ("Plan a or b for the trip", set(), {"R", "C"}),
        ("Section C projects are due on Monday", set(), {"C"}),
        ("Option r and option s on the form", set(), {"R"}),
    ],
    "a one-word activity in lower case before the people it is done to or with": [
        ("Offered mentorship to new hires on the data team", {"Mentoring"}, set()),
        ("Gave monthly presentations to the leadership team", {"Presentation skills"}, set()),
        # things, not people
        ("Bought pizza for the interns on Fridays", set(), {"Mentoring", "Presentation skills"}),
    ],
    "a verb whose activity ends one skill's name, done to what it points at in a tool": [
        ("Exported the survey and cleaned it in pandas", {"Data cleaning", "pandas"}, set()),
        ("Pulled the logs and cleaned the records with SQL", {"Data cleaning", "SQL"}, set()),
        # no tool, or no data
        ("Cleaned the office fridge with Dettol", set(), {"Data cleaning"}),
        ("Washed the car and cleaned it with a sponge", set(), {"Data cleaning"}),
    ],
    "training models of a kind a name says is model training": [
        (
            "Pre-processing images and training convolutional neural networks",
            {"Model training", "Convolutional neural networks"},
            set(),
        ),
        ("Designing and training deep learning models for radiology", {"Model training", "Deep learning"}, set()),
        # a participle, or the noun before something else
        ("Served trained neural networks behind an API", {"Neural networks"}, {"Model training"}),
        ("Attended a training on deep learning models", set(), {"Model training"}),
        ("Curated training data for neural networks", set(), {"Model training"}),
    ],
    "a name written in lower case by the vocabulary, capitalised in mid-sentence": [
        ("Rewrote the slow Pandas code in Polars", {"pandas", "Polars"}, set()),
        ("Plotted the results using Seaborn.", {"Seaborn"}, set()),
        ("Ran the nightly Dbt jobs on a schedule", {"dbt"}, set()),
        # the animals, or no tool's use
        ("Saw two red Pandas at the zoo on Sunday", set(), {"pandas"}),
        ("We adopted two Pandas with the zoo fund", set(), {"pandas"}),
    ],
}


@each_case(CASES)
def test_round_21r_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
