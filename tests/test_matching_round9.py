"""Matching round nine: a skills file's other entries as context for a short form
alone ("CV: 4", "Transformers: 4"), and kinds of writing the spent held-aside parts
still missed: a past deed (Mentored, Published, Collaborated), a certification's title,
a category before its examples, a plural in -ies, a tool before what is made with it,
"the" or "using" before a tool. Each kind is a table; none is one string's case."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rolefit.formats.profiles import parse_profile
from rolefit.formats.roles import builtin_roles
from rolefit.matching.matcher import base_key
from rolefit.scoring.assess import assess, build_matcher
from rolefit.scoring.fit import RoleIndex, RoleSet, resolve_profile

from .conftest import RunCli
from .test_matching_round8 import assert_reads, matcher


def in_file(names: list[str]) -> list[set[str]]:
    """What each entry of a skills file names, the others read as its context."""
    m = matcher()
    return [
        {m.display_name(base_key(k)) for k, hit in hits.items() if hit.method != "implied"}
        for hits in m.resolve_file(names)
    ]


ARCHITECTURE = "Transformer architecture"
LIBRARY = "Hugging Face Transformers"

# The file's entries, the entry read in context, what it must name and must not.
FILES: dict[str, list[tuple[list[str], int, set[str], set[str]]]] = {
    "the other entries decide": [
        (["Deep learning", "LLMs", "Transformers", "Representation learning"], 2, {ARCHITECTURE}, {LIBRARY}),
        (["PyTorch", "Transformers", "Python"], 1, {LIBRARY}, {ARCHITECTURE}),
        (["NLP", "Deep learning", "CV"], 2, {"Computer vision"}, set()),
        (["Regression analysis", "DoE"], 1, {"Experimental design"}, set()),
        (["Leadership", "Negotiation", "EQ"], 2, {"Emotional intelligence"}, set()),
        (["MLflow", "Comet"], 1, {"Comet ML"}, set()),
    ],
    "nothing in the file decides": [
        (["Transformers", "Python", "SQL"], 0, set(), {ARCHITECTURE, LIBRARY}),
        (["CV", "Excel"], 0, set(), {"Computer vision"}),
        (["CV"], 0, set(), {"Computer vision"}),
    ],
    "entries point both ways: nothing is credited": [
        (["PyTorch", "LLMs", "Transformers"], 2, set(), {ARCHITECTURE, LIBRARY}),
    ],
    "the entry's own words decide first": [
        (["PyTorch", "Transformers (BERT, GPT)"], 1, {ARCHITECTURE}, {LIBRARY}),
    ],
}


@pytest.mark.parametrize(
    ("names", "entry", "named", "not_named"),
    [case for cases in FILES.values() for case in cases],
    ids=lambda v: str(v),
)
def test_other_entries_are_context(names: list[str], entry: int, named: set[str], not_named: set[str]) -> None:
    found = in_file(names)[entry]
    assert named <= found
    assert not (not_named & found)


def test_context_changes_only_the_short_form() -> None:
    names = ["PyTorch", "Transformers", "Python"]
    alone = [dict(matcher().resolve(n)) for n in names]
    in_context = [dict(h) for h in matcher().resolve_file(names)]
    assert in_context[0] == alone[0] and in_context[2] == alone[2]
    assert alone[1] == {}  # the memo keeps the reading without context
    assert dict(matcher().resolve("Transformers")) == {}


def test_a_context_reading_says_which_entry_decided() -> None:
    hits = matcher().resolve_file(["NLP", "CV"])[1]
    hit = hits[matcher().key("Computer vision")]
    assert hit.method == "alias" and hit.via == "cv beside Natural language processing in this file"


# A skills file as the person writes it, through assess: the fate says what to write.
ROLES = builtin_roles()
MATCHER = build_matcher(ROLES)
ROLE_SET = RoleSet(RoleIndex(role, MATCHER) for role in ROLES)


def _entries(skills: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    profile = parse_profile(f"target: research-scientist\nskills:\n{skills}", "f")
    result = assess(profile, ROLE_SET, MATCHER, today=date(2026, 1, 15))
    return {e.skill.name: (e.fate, e.choices) for e in result.entries}


def test_a_split_file_names_both_readings() -> None:
    fates = _entries("  PyTorch: 4\n  LLMs: 4\n  Transformers: 4\n")
    assert fates["Transformers"] == ("not_recognised", (LIBRARY, ARCHITECTURE))


def test_a_short_form_alone_names_what_to_write() -> None:
    fates = _entries("  Python: 4\n  CV: 3\n")
    assert fates["CV"] == ("not_recognised", ("Computer vision",))


def test_a_decided_short_form_counts() -> None:
    fates = _entries("  Deep learning: 4\n  LLMs: 4\n  Transformers: 4\n")
    assert fates["Transformers"][0] != "not_recognised"
    profile = parse_profile("skills:\n  Deep learning: 4\n  LLMs: 4\n  Transformers: 4\n", "f")
    keys = {k for _, hits in resolve_profile(profile, MATCHER) for k in hits}
    assert MATCHER.key(ARCHITECTURE) in keys


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_report_says_what_to_write(cli: RunCli, fmt: str) -> None:
    text = "skills:\n  PyTorch: 4\n  LLMs: 4\n  Transformers: 4\n"
    args = ["assess", "-", "--role", "research-scientist", "-f", fmt, "--steps", "0", "--details"]
    output = cli(args, text, env={"COLUMNS": "200"}).stdout.replace("\\", "")  # Markdown escapes the colon
    assert f"ambiguous here: write {LIBRARY} or {ARCHITECTURE}" in output


def test_the_json_report_lists_the_choices(cli: RunCli) -> None:
    text = "skills:\n  PyTorch: 4\n  LLMs: 4\n  Transformers: 4\n"
    data = json.loads(cli(["assess", "-", "--role", "research-scientist", "-f", "json"], text).stdout)
    entries = {e["skill"]: e for e in data["entries"]}
    assert entries["Transformers"]["choices"] == [LIBRARY, ARCHITECTURE]
    assert entries["PyTorch"]["choices"] == []


RECALL: dict[str, list[tuple[str, set[str], set[str]]]] = {
    "a past deed alone or before a number": [
        ("Mentored 5 junior engineers", {"Mentoring"}, set()),
        ("Published 2 papers on NLP", {"Academic publishing"}, set()),
        ("Collaborated with the data science team", {"Collaboration"}, set()),
        ("Communicated", {"Communication"}, set()),
        ("Optimized model inference", set(), {"Optimization"}),
        ("Augmented reality", set(), {"Data augmentation"}),
        ("Summarized findings for leadership", set(), {"Text summarization"}),
    ],
    "a certification names its skills": [
        ("Certified Kubernetes Administrator (CKA)", {"Kubernetes"}, set()),
        ("AWS Certified Solutions Architect - Professional (2022)", {"AWS"}, set()),
        ("AWS Certified Machine Learning - Specialty", {"AWS", "Machine learning"}, set()),
        ("TensorFlow Developer Certificate", {"TensorFlow"}, set()),
        ("certificate management", set(), {"Management"}),
    ],
    "a category before two examples or more": [
        ("Cloud data warehouses (Snowflake, BigQuery, Redshift)", {"Data warehousing", "Snowflake"}, set()),
        ("Lakehouse architectures (Delta Lake, Apache Iceberg)", {"Data lakehouse", "Delta Lake"}, set()),
        ("Data Version Control (DVC)", {"DVC"}, {"Version control"}),
        ("Mobile deployment (CoreML, TFLite)", {"TensorFlow Lite"}, {"Model deployment"}),
    ],
    "a plural in -ies": [
        ("model registries", {"Model registry"}, set()),
    ],
    "a tool before what is made with it": [
        ("dbt tests", {"dbt"}, set()),
        ("Spark jobs", {"Apache Spark"}, set()),
        ("SQL queries", {"SQL"}, set()),
        ("regression tests", set(), {"Regression analysis"}),
        ("unit tests", {"Unit testing"}, set()),
    ],
    "the or using before a tool": [
        ("using the Matplotlib, Seaborn or Plotly libraries", {"Matplotlib", "Seaborn", "Plotly"}, set()),
    ],
}


@pytest.mark.parametrize(
    ("text", "named", "not_named"), [case for cases in RECALL.values() for case in cases], ids=lambda v: str(v)
)
def test_each_recall_kind_is_read(text: str, named: set[str], not_named: set[str]) -> None:
    assert_reads(text, named, not_named)
