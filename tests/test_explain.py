"""`rolefit explain`: how a string is read, in the core and on the command line."""

from __future__ import annotations

import json

import jsonschema
import pytest

from rolefit.formats.roles import parse_role
from rolefit.formats.schemas import explain_schema
from rolefit.matching.explain import explain_one
from rolefit.scoring.assess import build_matcher
from rolefit.scoring.fit import RoleIndex, RoleSet

from .conftest import RunCli
from .test_fates import ASKING, OTHER

ROLES = [parse_role(ASKING, "asking.yaml"), parse_role(OTHER, "other.yaml")]
MATCHER = build_matcher(ROLES)
INDEXES = RoleSet(RoleIndex(role, MATCHER) for role in ROLES)


def test_a_level_in_the_text_is_read_and_the_rest_matched() -> None:
    e = explain_one("Python (expert)", MATCHER, INDEXES)
    assert (e.name, e.level, e.normalised) == ("Python", (5, None), "python")
    assert [(r.skill, r.method) for r in e.resolved] == [("Python", "exact")]
    asked = e.resolved[0].asked_by
    assert [(a.role, a.requirement, a.importance, a.target) for a in asked] == [("asking", "Python", "required", 4)]


def test_aliases_implications_and_pieces_are_shown() -> None:
    e = explain_one("k8s, LaTeX", MATCHER, INDEXES)
    assert e.parts == ("k8s", "LaTeX")
    read = {r.skill: (r.method, r.via) for r in e.resolved}
    assert read["Kubernetes"] == ("alias", "k8s")
    assert read["Containerization"] == ("implied", "Kubernetes")
    assert read["LaTeX"] == ("exact", "")
    by_skill = {r.skill: [a.role for a in r.asked_by] for r in e.resolved}
    assert by_skill["LaTeX"] == ["other"] and by_skill["Containerization"] == ["asking"]


@pytest.mark.parametrize(
    ("text", "skill", "reason"),
    [
        ("Kers", "Keras", "too short"),
        ("Pythonista", "Python", "plus a piece"),
        # a short form read only in context says what would make it count
        ("Transformers", "Hugging Face Transformers", "too ambiguous alone: only beside a skill of its field"),
        ("Transformers", "Transformer architecture", "(BERT, GPT models"),
        ("Automated testing and deployment", "Model deployment", "alone it is, but beside other skills only"),
        # a word with another sense counts as a whole entry, not alone in a longer one
        ("Teaching Assistant, Spring 2024", "Spring Framework", "as a whole entry it is, but in a longer one only"),
        # a name that is also an everyday word, on a line about no technical work
        ("The python at the zoo shed its skin", "Python", "read here in that sense"),
        ("Airflow through the ducts was blocked", "Apache Airflow", "on a line about technical work"),
    ],
)
def test_near_misses_say_why_they_were_rejected(text: str, skill: str, reason: str) -> None:
    e = explain_one(text, MATCHER, INDEXES)
    assert skill not in {r.skill for r in e.resolved}
    misses = {m.skill: m.reason for m in e.near_misses}
    assert reason in misses[skill]


def test_a_typo_is_read_and_not_listed_as_a_miss() -> None:
    e = explain_one("Kubernets", MATCHER, INDEXES)
    assert e.resolved[0].skill == "Kubernetes" and e.resolved[0].method == "fuzzy"
    assert "Kubernetes" not in {m.skill for m in e.near_misses}


def test_explain_on_the_command_line(cli: RunCli) -> None:
    table = cli(["explain", "SQL - advanced", "Zorbling"])
    assert table.exit_code == 0, table.stderr
    text = " ".join(table.stdout.split())
    assert "4 advanced, written in the text; the skill is 'SQL'" in text and "nothing rolefit knows" in text
    everyday = " ".join(cli(["explain", "The python at the zoo"]).stdout.split())
    assert "reads as no skill: each reading below was turned down" in everyday
    assert "nothing rolefit knows" not in everyday and "not read as Python" in everyday
    document = json.loads(cli(["explain", "k8s", "--format", "json", "--role", "ml-engineer"]).stdout)
    jsonschema.validate(document, explain_schema())
    everything = json.loads(cli(["explain", "Python (expert)", "Go: 3 yrs", "Phyton", "a, b", "-f", "json"]).stdout)
    jsonschema.validate(everything, explain_schema())
    (explanation,) = document["explanations"]
    assert explanation["resolved"][0]["skill"] == "Kubernetes"
    assert all(a["role"] == "ml-engineer" for r in explanation["resolved"] for a in r["asked_by"])


def test_explain_with_an_unknown_role_is_a_usage_error(cli: RunCli) -> None:
    result = cli(["explain", "Python", "--role", "nope"])
    assert result.exit_code == 2 and "nope" in result.stderr


def test_a_short_form_read_in_context_is_no_near_miss() -> None:
    e = explain_one("PyTorch, Transformers", MATCHER, INDEXES)
    assert "Hugging Face Transformers" in {r.skill for r in e.resolved}
    assert "Hugging Face Transformers" not in {m.skill for m in e.near_misses}
