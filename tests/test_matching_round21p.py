"""Matching round twenty-one (precision): round twenty's new readings stress-tested on
traps written for their shapes (everyday deeds, roles and names in sentences about no
technical work), each kind a table of traps and of cases that must keep their credit
(none copied from the parts): a deed done to things counted, a past deed before
one's own or a number, a verb in -ize before a plain noun, what a thing does, two
letters joined by a slash, short forms that are also everyday names, a short form
spelt out in brackets as other words, a year beside an everyday name, years
served, a verb and an article before a longer noun phrase."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a deed done to things counted names its activity only when they are work": [
        ("Scraped 300 barnacles off the hull", set(), {"Web scraping"}),
        ("Cleaned 40 hotel rooms a day", set(), {"Data cleaning"}),
        ("Documented 30 bird species on the trip", set(), {"Technical documentation"}),
        ("Presented 12 awards at the gala dinner", set(), {"Presentation skills"}),
        # data-sized counts, technical words, people and work products keep it
        ("Scraped 2M product pages with Scrapy", {"Web scraping", "Scrapy"}, set()),
        ("Cleaned and deduplicated 5M customer records", {"Data cleaning"}, set()),
        ("Cleaned and merged 9 sources into one reporting table", {"Data cleaning"}, set()),
        ("Mentored two junior analysts through their first year", {"Mentoring"}, set()),
        ("Published 3 papers on causal inference", {"Academic publishing", "Causal inference"}, set()),
    ],
    "a past deed that starts the entry, before a thing pointed at, names its activity only for work": [
        ("Benchmarked our coffee prices against the café next door", set(), {"Benchmarking"}),
        ("Benchmarked the two vector databases for our search service", {"Benchmarking"}, set()),
        ("Containerised the reporting service last spring", {"Containerization"}, set()),
        ("Negotiated a better price for the used car", {"Negotiation"}, set()),
    ],
    "a past deed before one's own things is their activity only for work": [
        ("Presented my passport at the border", set(), {"Presentation skills"}),
        ("Presented my research at two workshops", {"Presentation skills"}, set()),
    ],
    "a verb in -ize before a plain noun names its activity only on a technical line": [
        ("Containerized cargo at the port of Felixstowe", set(), {"Containerization"}),
        ("Containerize ML apps for the platform team", {"Containerization"}, set()),
        ("Containerized the batch jobs", {"Containerization"}, set()),
    ],
    "what a thing does is no one's skill": [
        ("The map communicates clearly where the exits are", set(), {"Communication"}),
        ("The leaflet communicates well to parents", set(), {"Communication"}),
        ("Communicates clearly with stakeholders", {"Communication"}, set()),
        ("The team communicates openly about incidents", {"Communication"}, set()),
    ],
    "two letters joined by a slash inside a longer entry are an abbreviation": [
        ("R/C cars and model trains as hobbies", set(), {"R", "C"}),
        ("Fixed the A/C units in the flat", set(), {"C"}),
        ("Prototyped the service in Go/Rust", {"Go", "Rust"}, set()),
        ("C/C++ for firmware", {"C", "C++"}, set()),
        ("Python/R", {"Python", "R"}, set()),
    ],
    "short forms that are also everyday names count on a technical line": [
        ("Watched CNN every morning with breakfast", set(), {"Convolutional neural networks"}),
        ("SAS flight to Copenhagen on Friday", set(), {"SAS"}),
        ("Bert and Ernie puppets for the nursery", set(), {"BERT"}),
        ("Trained a CNN to spot cracked tiles", {"Convolutional neural networks"}, set()),
        ("Fine-tuned BERT on support tickets", {"BERT"}, set()),
        ("SAS: 3", {"SAS"}, set()),
        ("Reconnaissance d'images par réseaux convolutifs (CNN)", {"Convolutional neural networks"}, set()),
    ],
    "a short form spelt out in brackets as other words is that": [
        (
            "NLP practitioner certificate for life coaching (neuro-linguistic programming)",
            set(),
            {"Natural language processing"},
        ),
        ("Worked as a PCA (patient care assistant) on nights", set(), {"Principal component analysis"}),
        ("GCP (Good Clinical Practice) certificate", set(), {"Google Cloud"}),
        ("NLP (natural language processing)", {"Natural language processing"}, set()),
        ("CKA (Certified Kubernetes Administrator)", {"Kubernetes"}, set()),
    ],
    "a short form written in a case it is never written in is a unit": [
        ("Administered 500 mL of saline", set(), {"Machine learning"}),
        ("ML and statistics", {"Machine learning"}, set()),
        ("iOS: 2", {"iOS development"}, set()),
    ],
    "a short form someone works as is a job": [
        ("Worked as a PCA on the night shift", set(), {"Principal component analysis"}),
        ("Worked as an SRE at a bank", set(), {"Site reliability engineering"}),
        ("Used ResNet as a CNN backbone", {"Convolutional neural networks"}, set()),
        ("Used PCA as a baseline", {"Principal component analysis"}, set()),
    ],
    "a verb and an article before a longer noun phrase do not make its first word's activity": [
        ("Design a system status page for customers", set(), {"System design"}),
        ("Deploy a model registry service for the team", {"Model registry"}, {"Model deployment"}),
        ("Build a data pipeline for the finance team", {"Data pipelines"}, set()),
        ("Managed project schedules for the lab", {"Project management"}, set()),
    ],
    "a year is no version: an everyday name beside one is still everyday": [
        ("Moved the family from Ohio to Java in 2019", set(), {"Java"}),
        ("Upgraded the service to Java 21", {"Java"}, set()),
    ],
    "years served or spent as someone do not make a line technical; years of a skill do": [
        ("Served in the SAS regiment for eight years", set(), {"SAS"}),
        ("Three years as a CNN field producer", set(), {"Convolutional neural networks"}),
        ("Prometheus and Icarus, a first-year classics essay", set(), {"Prometheus"}),
        ("4 years in Java at a bank", {"Java"}, set()),
        ("Seven years of experience in Java", {"Java"}, set()),
    ],
    "round twenty's readings keep their credit": [
        ("Shipped three ranking models to production", {"Model deployment"}, set()),
        ("Deployed the churn model on SageMaker", {"Model deployment", "Amazon SageMaker"}, set()),
        ("Negotiated the rent down by ten percent", {"Negotiation"}, set()),
        ("Reviewer for ICLR and AISTATS", {"Peer review"}, set()),
        ("Partitioned the Hive tables by date", {"Apache Hive"}, set()),
        ("Set up Grafana alerts for the API", {"Grafana"}, set()),
        ("Led a team of five data scientists", {"Leadership"}, set()),
    ],
}


@each_case(CASES)
def test_round_21p_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
