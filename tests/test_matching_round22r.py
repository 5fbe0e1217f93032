"""Matching round twenty-two (recall): the kinds of missed credits the 20th part showed,
each a table of positive and trap cases written for the kind (none copied from the
parts): a tool before a word rolefit does not know in a short entry, a tool's own file
type, a cloud platform before a dash and its own services, leading a piece of work, and
a clause after a negated one."""

from __future__ import annotations

from .test_matching_round8 import assert_reads, each_case

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a tool before words rolefit does not know, in a short entry": [
        ("Linux sysadmin", {"Linux"}, set()),
        ("Ubuntu Linux sysadmin (Debian, Arch)", {"Linux"}, set()),
        ("Git LFS", {"Git"}, set()),
        ("Tableau whiz", {"Tableau"}, set()),
        ("Weights and Biases sweeps", {"Weights & Biases"}, set()),
        # an everyday word, a person or a title after the name, or a longer sentence
        ("Spark plugs", set(), {"Apache Spark"}),
        ("Ruby Tuesday", set(), {"Ruby"}),
        ("Julia Roberts", set(), {"Julia"}),
        ("Tableau vivant actor", set(), {"Tableau"}),
        ("Communication breakdown", set(), {"Communication"}),
        ("Leadership retreat", set(), {"Leadership"}),
        ("Curiosity cabinet", set(), {"Curiosity"}),
        ("Linux sysadmin wanted for our Leeds office today", set(), set()),
    ],
    "a tool's own file type names the tool": [
        ("writing Dockerfiles", {"Docker"}, set()),
        ("Jenkinsfile pipelines for the monorepo", {"Jenkins"}, set()),
        # a word that only ends so
        ("updated my profile", set(), set()),
        ("a dockerfile-free build", set(), set()),
    ],
    "a cloud platform before a dash and its own services is the platform used": [
        ("AWS \u2014 Lambda, DynamoDB, S3", {"AWS", "AWS Lambda", "Amazon S3"}, set()),
        ("Azure - Data Factory, Synapse", {"Microsoft Azure", "Azure Data Factory"}, set()),
        ("GCP \u2013 BigQuery, Dataflow", {"Google Cloud", "BigQuery"}, set()),
        # a level after the dash, or tools of no platform after a word that is none
        ("AWS - advanced", {"AWS"}, set()),
        ("Storage \u2014 S3, DynamoDB", {"Amazon S3", "Amazon DynamoDB"}, {"AWS"}),
    ],
    "leading a piece of work or a team names Leadership": [
        ("Lead the migration of our Airflow DAGs to Dagster", {"Leadership"}, set()),
        ("Led the Terraform 0.12 to 1.5 upgrade across 40 modules", {"Leadership", "Terraform"}, set()),
        ("Lead a distributed data platform team", {"Leadership"}, set()),
        ("Leading the rollout of dbt across 3 analytics teams", {"Leadership", "dbt"}, set()),
        # a race, a way, a walk or the metal
        ("Led the league in assists in 2019", set(), {"Leadership"}),
        ("Lead the way on the hike", set(), {"Leadership"}),
        ("Led the walk to the castle", set(), {"Leadership"}),
        ("Lead the kids to the park on Sunday", set(), {"Leadership"}),
    ],
    "a clause after a negated one still claims, the negated one does not": [
        ("I have no degree in statistics, but I have built two Flask apps", {"Flask"}, {"Statistics"}),
        ("I do not know Java, but I write Kotlin daily", {"Kotlin"}, {"Java"}),
        ("No Spark experience; but I have run Hadoop jobs", {"Apache Hadoop"}, {"Apache Spark"}),
        # the negated clause alone, or one that says no more
        ("I have no Terraform experience, but I am keen to learn", set(), {"Terraform"}),
        ("Never used Docker, but happy to try", set(), {"Docker"}),
    ],
    "a skill after a background in it, work on it, or a quality shown, in a sentence": [
        ("Most of my research is on graph neural networks for chemistry", {"Graph neural networks"}, set()),
        ("My background in bioinformatics helps me read the assays", {"Bioinformatics"}, set()),
        ("I would love to work on recommender systems at your company", {"Recommender systems"}, set()),
        ("He shows real curiosity about every dataset he touches", {"Curiosity"}, set()),
        ("She demonstrates great resilience under pressure", {"Resilience"}, set()),
        # what is no skill, a field before the noun it qualifies, or a word's other sense
        ("My background in retail helps me talk to store managers", set(), set()),
        ("Most of my work is on machine learning models for fraud", set(), {"Machine learning"}),
        ("He shows great promise as a chess player", set(), set()),
        ("I work on Spring weekends at the farm shop", set(), {"Spring Framework"}),
    ],
    "a tool in a ticket title or a stand-up line, before what is made with it or done to it": [
        ("BUG: Gradio app freezes when the file is empty", {"Gradio"}, set()),
        ("Yesterday: paired on Ana's Polars migration", {"Polars"}, set()),
        ("Blocked: the Flink upgrade waits on the platform team", {"Apache Flink"}, set()),
        # a name in another sense before the noun, or the noun alone
        ("Our Spring rewrite of the garden plan is done", set(), {"Spring Framework"}),
        ("BUG: app crashes on upload", set(), set()),
    ],
    "an activity that is a skill's name, done now to a piece of work": [
        ("Update: the deploy failed twice, I'm debugging the retry logic in the worker", {"Debugging"}, set()),
        ("Today: benchmarking the two vector databases", {"Benchmarking"}, set()),
        # done to things that are no work
        ("I'm debugging the garden hose again", set(), {"Debugging"}),
        ("We were benchmarking the new neighbours, jokingly", set(), {"Benchmarking"}),
    ],
    "what a job ad rewards, after 'points for' or 'a plus for', is asked for": [
        ("Bonus points for Numba or Cython experience", {"Numba", "Cython"}, set()),
        ("Extra points for hands-on Terraform experience", {"Terraform"}, set()),
        ("A big plus for experience with Snowflake and dbt", {"Snowflake", "dbt"}, set()),
        # a purpose after a tool is still no claim
        ("Terraform for provisioning our Kubernetes clusters", {"Terraform"}, set()),
    ],
    "a test of a kind whose testing is a skill, in a sentence": [
        ("Ran a two-week multivariate test on the pricing page", {"Multivariate testing"}, set()),
        ("She wrote integration tests for every endpoint", {"Integration testing"}, set()),
        # a test whose testing is no skill
        ("Passed my driving test in March", set(), set()),
        ("Booked a blood test for Monday", set(), set()),
    ],
}


@each_case(CASES)
def test_round_22r_readings(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
