"""Matching round nineteen: the kinds of wrong credits the nineteenth held-aside part
showed when it was measured blind, each a table of positive and trap cases written for
the kind (none copied from the part): a form's rating of nought declines the skill it
asks about, as a form's "No" does; a verb after a group ("the team works") is no
plural of a skill's name."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a rating of nought on a form claims nothing": [
        ("How would you rate your Docker skills (1-10): 0", set(), {"Docker"}),
        ("Experience with Airflow (1-5): 0 - not used", set(), {"Apache Airflow"}),
        # a rating above nought still claims what it rates
        ("Your experience with SQL (1-5): 4", {"SQL"}, set()),
        ("Experience with Terraform (1-10): 7, mostly AWS", {"Terraform"}, set()),
    ],
    "a verb after a group is no plural of a skill": [
        ("Our platform team works remotely", set(), {"Collaboration"}),
        ("The research group works across two sites", set(), {"Collaboration"}),
        # the skill itself still reads
        ("Strong team work and communication", {"Collaboration", "Communication"}, set()),
        ("teamwork", {"Collaboration"}, set()),
    ],
}


@each_case(CASES)
def test_round_19_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
