"""Matching round ten: skills read out of prose the way job ads and résumés write them,
and guards that keep that reading from crediting the wrong skill. A verb with what it is
done to ("deploy models", "tuning their hyperparameters"), after a few words that are no
skill ("experience deploying models"), an activity before "with", an infinitive after
what someone can do, a tool after "in" or the last "using"; people are no skill ("data
engineers"), another form of a known word is no typo ("data leaks"), a word of a skill's
name is no instruction ("cluster management"). Each kind is a table of positive and trap
cases; none is one string's special case."""

from __future__ import annotations

import pytest

from rolefit.matching.matcher import Matcher, _activity_nouns, _object_forms, _verb_bases

from .test_matching_round8 import assert_reads, each_case, matcher

# What the string must name (directly, not by implication), and what it must not.
CASES: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a verb and what it is done to name the activity": [
        ("Deploy models", {"Model deployment"}, set()),
        ("deployed the models", {"Model deployment"}, set()),
        ("tune their hyperparameters", {"Hyperparameter tuning"}, set()),
        ("detect anomalies", {"Anomaly detection"}, set()),
        ("test hypotheses", {"Hypothesis testing"}, set()),
        ("classify images", {"Image classification"}, set()),
        ("visualise data", {"Data visualization"}, set()),
        ("analyse data", {"Data analysis"}, set()),
        ("track experiments", {"Experiment tracking"}, set()),
        ("review code", {"Code review"}, set()),
        ("Manage stakeholders", {"Stakeholder management"}, set()),
        ("resolve conflicts", {"Conflict resolution"}, set()),
        ("Led a team", {"Leadership"}, set()),
        ("clean large datasets", {"Data cleaning"}, set()),
    ],
    "what the verb is done to is read too, but no broad field": [
        ("Train CNN models", {"Model training", "Convolutional neural networks"}, set()),
        ("deploying ML models", {"Model deployment"}, {"Machine learning"}),
        ("Deploying deep learning models", {"Model deployment"}, {"Deep learning"}),
    ],
    "words in front of what it is done to are dropped only when they add nothing": [
        ("optimize ML model performance", {"Model optimization"}, {"Performance optimization"}),
        ("optimize data models", set(), {"Model optimization"}),
        ("designed fault-tolerant distributed systems", {"Distributed computing"}, {"System design"}),
        ("design systems", {"System design"}, set()),
    ],
    "a noun before a noun is no instruction": [
        ("cluster management", set(), {"Clustering"}),
        ("cluster management tools", set(), {"Clustering"}),
        ("forecast accuracy", set(), {"Forecasting"}),
        ("model drift", set(), set()),
        ("Safety AI", set(), {"AI safety"}),
    ],
    "a verb after words that are no skill": [
        ("experience deploying models to production", {"Model deployment"}, set()),
        ("you will build data pipelines", {"Data pipelines"}, set()),
        ("we expect you to detect anomalies", {"Anomaly detection"}, set()),
        ("no experience deploying models", set(), {"Model deployment"}),
        ("transferring trained models into production", set(), {"Model training"}),
        ("experience optimizing algorithms for GPUs", set(), {"Algorithms"}),
    ],
    "a verb is read up to a preposition, then the place": [
        ("Deployed models on AWS", {"Model deployment", "AWS"}, set()),
        ("Train models with PyTorch", {"Model training", "PyTorch"}, set()),
    ],
    "an activity before 'with' that is a one-word skill": [
        ("Collaborate closely with product managers", {"Collaboration"}, set()),
        ("communicate with stakeholders", {"Communication"}, set()),
        ("Work closely with data scientists", set(), {"Data science"}),
        ("Optimize with care", set(), {"Optimization"}),
    ],
    "an infinitive after what someone can do, not a purpose": [
        ("ability to deploy models", {"Model deployment"}, set()),
        ("know how to use R or Python", {"R", "Python"}, set()),
        ("CI/CD expertise to deploy ML at scale", {"Continuous integration and delivery"}, {"Model deployment"}),
    ],
    "one skill written whole after 'in', the tools after the last 'using'": [
        ("built a churn model in SQL", {"SQL"}, set()),
        ("5 years of experience in Linux", {"Linux"}, set()),
        ("Extract records based on business rules using PostgreSQL", {"PostgreSQL"}, set()),
        ("deploy models in production", {"Model deployment"}, set()),
    ],
    "people and teams are no skill; a title is": [
        ("data engineers", set(), {"Data engineering"}),
        ("software engineers", set(), {"Software engineering"}),
        (
            "Collaborate with data engineers and data scientists",
            {"Collaboration"},
            {"Data engineering", "Data science"},
        ),
        ("Data Engineer", {"Data engineering"}, set()),
    ],
    "another form of a known word is no typo of a third": [
        ("data leaks", set(), {"Data lakes"}),
        ("Monitoring", set(), {"Mentoring"}),
        ("Pyhton", {"Python"}, set()),
        ("Kubernetess", {"Kubernetes"}, set()),
        ("Vision-language modells", {"Vision-language models"}, set()),
    ],
    "abbreviations and list ends": [
        ("Feature engg", {"Feature engineering"}, set()),
        ("project mngmt", {"Project management"}, set()),
        ("SW development", {"Software engineering"}, set()),
        ("Python, SQL etc.", {"Python", "SQL"}, set()),
        ("4+ years software development experience", {"Software engineering"}, set()),
        ("3 years of Python", {"Python"}, set()),
    ],
    "what came of a deed is a clause of its own": [
        ("Built an ML model deployment pipeline reducing release time from days to hours", {"Model deployment"}, set()),
    ],
    "a tool for an activity, and words after a skill that add nothing": [
        ("Built a web scraper", {"Web scraping"}, set()),
        ("experiment tracker", {"Experiment tracking"}, set()),
        ("Functional programming patterns", {"Functional programming"}, set()),
        ("Machine learning integration", {"Machine learning"}, set()),
    ],
    "a tool written as a name before a part rolefit does not know": [
        ("TensorBoard Profiler", {"TensorBoard"}, set()),
        ("GCP Console", {"Google Cloud"}, set()),
        ("PyTorch Lightnng", {"PyTorch Lightning"}, set()),
        ("Julia Roberts", set(), {"Julia"}),
        ("Spark Joy", set(), {"Apache Spark"}),
    ],
    "each tool of a list before a colon, when what follows is done with them": [
        ("Tableau / Power BI: interactive dashboards", {"Tableau", "Power BI"}, set()),
        ("Cloud / DevOps: AWS, Docker", {"AWS", "Docker"}, {"Cloud computing", "DevOps"}),
    ],
}


@each_case(CASES)
def test_each_kind_is_read(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)


@pytest.mark.parametrize(
    ("word", "base"),
    [("deploying", "deploy"), ("deployed", "deploy"), ("deploys", "deploy"), ("labelled", "label"), ("led", "lead")],
)
def test_verb_bases(word: str, base: str) -> None:
    assert base in _verb_bases(word)


@pytest.mark.parametrize(
    ("base", "noun"),
    [
        ("deploy", "deployment"),
        ("detect", "detection"),
        ("optimize", "optimization"),
        ("analyze", "analysis"),
        ("classify", "classification"),
        ("recognize", "recognition"),
        ("resolve", "resolution"),
        ("decide", "decision"),
        ("tune", "tuning"),
        ("lead", "leadership"),
        ("design", "design"),
    ],
)
def test_activity_nouns(base: str, noun: str) -> None:
    assert noun in set(_activity_nouns(base))


def test_a_plain_verb_is_not_its_own_noun() -> None:
    # Only a few verbs are their own activity ("design systems"); "safety AI" is no
    # "AI safety" turned round.
    assert "safety" not in set(_activity_nouns("safety"))


def test_object_forms_drop_words_in_front_and_make_plurals_singular() -> None:
    forms = dict(_object_forms(["their", "hyperparameters"]))
    assert forms["hyperparameter"] == "their"
    assert dict(_object_forms(["large", "datasets"]))["data"] == "large"
    assert "ml model" in dict(_object_forms(["ml", "model", "performance"]))


def test_reading_prose_is_memoised_per_word() -> None:
    m = Matcher([])
    m.resolve("deploy models")
    assert m._activities["deploy"]
    before = dict(m._activities)
    m.resolve("deploy pipelines")
    assert m._activities["deploy"] is before["deploy"]


def test_a_role_alias_is_found_after_a_verb_in_its_role_only() -> None:
    from rolefit.matching.matcher import Term, scoped_key

    m = Matcher([Term("Model deployment", ("shipping models",), scope="mlops")])
    key = m.key("Model deployment")
    assert scoped_key(key, "mlops") in m.resolve("shipping models")
    assert "Model deployment" in {m.display_name(k) for k in m.resolve("deploy models")}


def test_matcher_fixture_is_shared() -> None:
    assert matcher() is matcher()
