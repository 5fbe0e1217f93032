"""One set of rules for the files people write.

For every skills file and role file, the loader (what `assess` and `roles` read)
accepts it <=> its JSON Schema (`rolefit schema skills|role`) validates it <=>
`rolefit validate` passes it. The one exception is written down: the rules a
schema cannot say (file_schemas.BEYOND_SCHEMA, such as prerequisite cycles),
where the schema accepts and the loader and `validate` reject, with those
problems only. Held over every YAML file under tests/data/, the examples and the
shipped roles, and over documents generated near the rules' edges.
"""

from __future__ import annotations

import copy
import functools
import math
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolefit.errors import Problem, RolefitError
from rolefit.formats.file_schemas import BEYOND_SCHEMA, role_schema, skills_schema
from rolefit.formats.proficiency import LEVEL_WORDS, Reading, level_pattern, read_level
from rolefit.formats.profiles import load_profile
from rolefit.formats.roles import builtin_roles, load_role
from rolefit.formats.validation import validate_file
from rolefit.matching.vocabulary import load_user_vocabulary, load_vocabulary
from rolefit.model import LEVEL_NAMES, Role
from rolefit.scoring.assess import check_target
from rolefit.yaml.safe import load_file

from .conftest import DATA, EXAMPLES, ROOT, RunCli

FILES = sorted(DATA.rglob("*.yaml")) + EXAMPLES + sorted((ROOT / "roles").glob("*.yaml"))
VALIDATORS = {
    "skills": jsonschema.Draft202012Validator(skills_schema()),
    "role": jsonschema.Draft202012Validator(role_schema()),
}
BEYOND = [re.compile(pattern) for pattern in BEYOND_SCHEMA.values()]
WARNING = re.compile(r"is not used|is not a date such as")  # warnings ride along with the problems of a bad file


def _has_nan(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, dict):
        return any(_has_nan(k) or _has_nan(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nan(v) for v in value)
    return False


def _loader_problems(path: Path, kind: str) -> list[Problem]:
    """What the commands that read this kind of file say about it ([] when they read it)."""
    try:
        if kind == "role":
            load_role(path)
        elif kind == "vocabulary":
            load_user_vocabulary(path, load_vocabulary())
        else:
            check_target(load_profile(path), [role.id for role in builtin_roles()])
    except RolefitError as exc:
        return list(exc.problems)
    return []


def _schema_accepts(path: Path, kind: str) -> bool | None:
    """None where the schema has nothing to say: a vocabulary file (no schema), or a
    document holding NaN (JSON has no NaN, so no JSON Schema decides about it)."""
    if kind not in VALIDATORS:
        return None
    try:
        data = load_file(path)
    except RolefitError:
        return False  # not YAML, or not one document: nothing for a schema to accept
    if _has_nan(data):
        return None
    return VALIDATORS[kind].is_valid(data)


def assert_agree(path: Path) -> tuple[str, bool]:
    kind, problems, _ = validate_file(path)
    if kind == "unknown":
        kind = "skills"  # unreadable as YAML: every reader must refuse it
    loader = _loader_problems(path, kind)
    assert [p.message for p in problems] == [p.message for p in loader], "validate and the loader disagree"
    schema = _schema_accepts(path, kind)
    if schema is None or schema == (not loader):
        return kind, not loader
    assert schema, f"the {kind} schema rejects what the loader reads"
    unexplained = [p for p in loader if not any(r.search(p.message) for r in [*BEYOND, WARNING])]
    assert not unexplained, f"the {kind} schema accepts what the loader rejects: {unexplained}"
    return kind, False


@functools.cache
def corpus_verdict(path: Path) -> tuple[str, bool]:
    return assert_agree(path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_loader_schema_and_validate_agree_on_every_file(cli: RunCli, path: Path) -> None:
    _, accepted = corpus_verdict(path)
    assert (cli(["validate", str(path)]).exit_code == 0) == accepted


def test_the_corpus_holds_good_and_bad_files_of_both_kinds() -> None:
    seen = {corpus_verdict(path) for path in FILES}
    assert seen >= {("skills", True), ("skills", False), ("role", True), ("role", False)}


# Generated documents ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def _check_document(folder: Path, document: Any) -> None:
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert_agree(path)


def _cased(words: list[str]) -> st.SearchStrategy[str]:
    """Words in random case, with random surrounding spaces and dots."""
    return st.builds(
        lambda w, flips, pad, dot: (
            pad + "".join(c.upper() if f else c for c, f in zip(w, flips, strict=False)) + dot + pad
        ),
        st.sampled_from(words),
        st.lists(st.booleans(), min_size=20, max_size=20),
        st.sampled_from(["", " ", "  "]),
        st.sampled_from(["", ".", " ."]),
    )


# Values near the rules' edges, as data: every single edit is tried (test_one_edit_*),
# and hypothesis combines them, with words in random case (test_generated_*).
ODD_TEXT: list[Any] = ["", "  ", "x", " x ", "Python", "python", 3, 2.5, True, None, [], {}]
NAMES: list[Any] = ["Python", "python ", "SQL", "Go", "PyTorch", "", " ", 7, None, True]
TEXT_LISTS: list[Any] = [None, "x", "", ["a", "b"], [""], [" "], [1], [True], [], 3, {"a": 1}]
ROLE_LEVELS: list[Any] = [
    0,
    1,
    3,
    5,
    6,
    -1,
    2.0,
    2.5,
    " 3 ",
    "03",
    "0",
    "x",
    "expert",
    "iNtermediate",
    "none",
    "None",
    True,
    None,
]
ROLE_LEVELS += ["4/5", {"entry": 2, "mid": 3, "senior": 4}, {"entry": 2, "mid": 3}, {"entry": 2, "mid": 3, "junior": 4}]
IMPORTANCE: list[Any] = ["required", "Required", " bonus ", "preferred", "must", None, 3, "", []]
IMPORTANCE += [
    {"entry": "bonus", "mid": "preferred", "senior": "required"},
    {"entry": "bonus", "mid": "bonus", "senior": "bonus"},
]
IMPORTANCE += [{"mid": "required"}, {"entry": "x", "mid": "required", "senior": "required"}]

ROLE_EDGES: dict[str, list[Any]] = {
    "id": ["r", " r ", "R", "my-role", "-x", "", 5, None, "a b"],
    "title": ODD_TEXT,
    "levels": [
        None,
        [],
        ["entry"],
        ["mid", "senior"],
        ["Entry", " MID "],
        ["senior", "entry"],
        ["entry", "entry"],
        ["junior"],
        "mid",
        [["mid"]],
        ["entry", "mid", "senior"],
    ],
    "summary": ODD_TEXT,
    "responsibilities": TEXT_LISTS,
    "career_path": [None, {"entry": ["a"]}, {"junior": ["a"]}, {"mid": "x"}, {"senior": [""]}, "x"],
    "salary": [
        None,
        [],
        "x",
        [{"source": "s", "figures": [{"label": "l", "amount": 1}]}],
        [{"source": "s", "figures": [{"label": "l", "low": 1}]}],
        [{"source": "s", "figures": [{"label": "l", "low": 5, "high": 1}]}],
        [{"source": "s", "figures": [{"label": "l", "low": 1, "high": 5, "amount": None}]}],
        [{"source": "s", "figures": [{"label": "", "amount": -1}]}],
        [{"source": "s", "year": 2024.0, "region": None, "figures": []}],
        [{"source": "s", "year": 1800, "figures": []}],
        [{"source": "s", "year": 2024.5, "figures": []}],
        [{"source": " ", "figures": None}],
        [{"figures": [{"label": "l", "amount": 1e13}]}],
    ],
    "sources": TEXT_LISTS,
    "categories": [None, [], "x", [{"name": "C", "weight": 1, "skills": []}]],
    "skils": [[]],
}
CATEGORY_EDGES: dict[str, list[Any]] = {
    "name": ["Maths", "maths", "Code", "", None, 4, " C "],
    "weight": [1, 0.5, 0, -1, None, "1", 1e13, True, 1e12],
    "skills": [None, [], "Python", [{"name": "Go", "level": 2}]],
    "wieght": [1],
}
REQUIREMENT_EDGES: dict[str, list[Any]] = {
    "name": NAMES,
    "importance": IMPORTANCE,
    "level": ROLE_LEVELS,
    "one_of": [None, ["A", "B"], ["A", "a"], ["A"], ["A", "A"], ["SQL", "B"], "A", [1, 2], ["Python", "B"]],
    "aliases": TEXT_LISTS,
    "prerequisites": [None, ["Python"], ["SQL"], "SQL", ["Nope"], [], "Python"],
    "learn": TEXT_LISTS,
    "why": ODD_TEXT,
    "lvl": [3],
}
SKILL_LEVELS: list[Any] = [
    "3.5",
    "4/5",
    "11/10",
    "80%",
    "101%",
    "★★★☆☆",
    "*",
    "3 yrs",
    "81 years",
    "expert, 3 yrs",
    "guru",
]
SKILL_LEVELS += ["expret", "2 and 3", "٣", "²", "5.", ".5", "-1", "", True, None, 6, -1, 2.5, 0, "Python, SQL", ",,"]
SKILL_EDGES: dict[str, list[Any]] = {
    "name": NAMES,
    "skill": NAMES,
    "level": SKILL_LEVELS,
    "rating": SKILL_LEVELS,
    "years": [2, 0, 81, -1, "3 yrs", "3", "x", None, True, "2 years of experience"],
    "yrs": [2],
    "evidence": ODD_TEXT,
    "last_used": ["2024", "someday", "", None, 2019],
    "email": ["x"],
}
PROFILE_EDGES: dict[str, list[Any]] = {
    "name": ODD_TEXT,
    "target": ["ml-engineer", " ml-engineer ", "MLE", "", None, 5],
    "seniority": ["junior", "", None, 2, "Mid", " senior "],
    "skills": [
        "Python, SQL",
        "",
        ",",
        None,
        3,
        [],
        {},
        {"Python": 4, "Tools": ["Docker"]},
        {"Tools": {"Git": {"level": 2}}},
        {"Tools": {"Git": {"x": 1}}},
        {"Python": {"level": 4, "skill": "x"}},
        {"Python": {"name": "Py", "years": 2}},
        {"Python": {"level": 4, "rating": 3}},
        {"Python": {"lvl": 4}},
    ],
    "links": [["x"]],
}
ENTRIES: list[Any] = [*NAMES, {"level": 3}, {}, {"Python": 3, "SQL": 2}, {"name": "Go", "skill": "Go"}]
ENTRIES += [{"Docker": level} for level in SKILL_LEVELS]
ENTRIES += [{"Tools": v} for v in ([], {}, ["Docker"], {"Docker": 3}, "Docker, Git", ",,", [{"Inner": ["Docker"]}])]
ENTRIES += [{"Tools": [{"Inner": v}]} for v in (3, {"level": 2}, {"x": 1})]

# Words in random case, only for hypothesis.
CASED = {
    "level": _cased(sorted(LEVEL_NAMES)),
    "importance": _cased(["required", "preferred", "bonus"]),
    "seniority": _cased(["entry", "mid", "senior"]),
    "skill level": _cased(sorted(LEVEL_WORDS)),
}

DELETE = "<deleted>"  # an edit that removes the field


def _base_role(levels: bool) -> tuple[dict[str, Any], dict[str, tuple[dict[str, Any], dict[str, list[Any]]]]]:
    """A valid role, and the parts an edit may change with their edge values."""
    python = {"name": "Python", "level": 3}
    sql = {"name": "SQL", "level": 2, "importance": "bonus", "aliases": ["structured query language"]}
    category = {"name": "C", "weight": 1, "skills": [python, sql]}
    document: dict[str, Any] = {"id": "r", "title": "R", "categories": [category]}
    if levels:
        document["levels"] = ["entry", "mid", "senior"]
    parts = {
        "role": (document, ROLE_EDGES),
        "category": (category, CATEGORY_EDGES),
        "python": (python, REQUIREMENT_EDGES),
        "sql": (sql, REQUIREMENT_EDGES),
    }
    return document, parts


def _base_skills() -> tuple[dict[str, Any], dict[str, tuple[Any, dict[str, list[Any]]]]]:
    pytorch = {"name": "PyTorch", "level": 4}
    entries: list[Any] = ["Python", pytorch, {"SQL": "advanced"}]
    document: dict[str, Any] = {"skills": entries}
    parts: dict[str, tuple[Any, dict[str, list[Any]]]] = {
        "file": (document, PROFILE_EDGES),
        "skill": (pytorch, SKILL_EDGES),
        "entries": (entries, {"0": ENTRIES, "2": ENTRIES, "append": ENTRIES}),
    }
    return document, parts


def _apply(target: Any, key: str, value: Any) -> None:
    """Set (or with DELETE remove) a field of a mapping, or an item of a list."""
    if isinstance(target, list):
        if key == "append":
            target.append(value)
        else:
            target[int(key)] = value
    elif value == DELETE:
        target.pop(key, None)
    else:
        target[key] = copy.deepcopy(value)


def _single_edits(parts: dict[str, tuple[Any, dict[str, list[Any]]]]) -> list[tuple[str, str, Any]]:
    return [
        (part, key, value)
        for part, (target, edges) in parts.items()
        for key, values in edges.items()
        for value in ([] if isinstance(target, list) else [DELETE]) + values
    ]


ROLE_EDITS = [(levels, *edit) for levels in (False, True) for edit in _single_edits(_base_role(False)[1])]
SKILLS_EDITS = _single_edits(_base_skills()[1])


def _edit_id(edit: tuple[Any, ...]) -> str:
    return "-".join(str(x) for x in edit)[:80]


@pytest.mark.parametrize(("levels", "part", "key", "value"), ROLE_EDITS, ids=[_edit_id(e) for e in ROLE_EDITS])
def test_one_edit_of_a_role(folder: Path, levels: bool, part: str, key: str, value: Any) -> None:
    document, parts = _base_role(levels)
    _apply(parts[part][0], key, value)
    document.setdefault("id", "r")  # the field `validate` tells a role file by
    _check_document(folder, document)


@pytest.mark.parametrize(("part", "key", "value"), SKILLS_EDITS, ids=[_edit_id(e) for e in SKILLS_EDITS])
def test_one_edit_of_a_skills_file(folder: Path, part: str, key: str, value: Any) -> None:
    document, parts = _base_skills()
    _apply(parts[part][0], key, value)
    _check_document(folder, document)


@st.composite
def _edited(draw: st.DrawFn, base: Any, cased: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """The base document with one to three edits, words sometimes in random case."""
    document, parts = base()
    for _ in range(draw(st.integers(1, 3))):
        target, edges = parts[draw(st.sampled_from(sorted(parts)))]
        key = draw(st.sampled_from(sorted(edges)))
        options = ([] if isinstance(target, list) else [DELETE]) + edges[key]
        value = draw(st.one_of(st.sampled_from(options), *([cased[key]] if key in cased else [])))
        _apply(target, key, value)
    return dict(document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_edited(lambda: _base_role(True), {"level": CASED["level"], "importance": CASED["importance"]}))
def test_generated_role_files(folder: Path, document: dict[str, Any]) -> None:
    document.setdefault("id", "r")
    _check_document(folder, document)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=_edited(
        _base_skills, {"seniority": CASED["seniority"], "level": CASED["skill level"], "rating": CASED["skill level"]}
    )
)
def test_generated_skills_files(folder: Path, document: dict[str, Any]) -> None:
    _check_document(folder, document)


# The level grammar, on its own ----------------------------------------------------------

LEVEL_PATTERN = re.compile(level_pattern())


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(
        st.text(alphabet="0123456789./%★☆* ,;+andyrsYRexpADV", max_size=14),
        st.builds(
            lambda a, s, b: a + s + b,
            _cased(sorted(LEVEL_WORDS)),
            st.sampled_from([", ", " and ", ";"]),
            st.sampled_from(["3 yrs", "2 years of experience", "4/5", "expert", "81 y"]),
        ),
    )
)
def test_the_level_pattern_reads_what_read_level_reads(text: str) -> None:
    assert bool(LEVEL_PATTERN.search(text)) == isinstance(read_level(text), Reading)


# The cases issue #8 named, each with the answer every reader now gives -------------------

ROLE = "id: r\ntitle: R\ncategories:\n  - name: C\n    weight: 1\n    skills:\n      - name: Python\n"


@pytest.mark.parametrize(
    ("skill_fields", "accepted"),
    [
        ("level: ' 3 '", True),
        ("level: iNtermediate", True),
        ("level: 3\n        importance: Required", True),
        ("level: 0", False),
        ("level: none", False),
        ("level: 6", False),
        ("importance: required", False),  # a requirement without a target level
    ],
)
def test_named_role_cases(tmp_path: Path, skill_fields: str, accepted: bool) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(ROLE + "        " + skill_fields + "\n")
    assert assert_agree(path) == ("role", accepted)


def test_a_single_responsibility_is_a_list_of_one(tmp_path: Path) -> None:
    path = tmp_path / "role.yaml"
    path.write_text(ROLE + "        level: 3\nresponsibilities: Ship models\n")
    assert assert_agree(path) == ("role", True)
    assert load_role(path).responsibilities == ("Ship models",)


@pytest.mark.parametrize(
    ("top", "accepted"),
    [("target: MLE", False), ("target: ml-engineer", True), ("seniority: Junior", False), ("seniority: ' Mid '", True)],
)
def test_named_skills_cases(tmp_path: Path, top: str, accepted: bool) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(top + "\nskills: [Python]\n")
    assert assert_agree(path) == ("skills", accepted)


def test_validate_knows_the_roles_of_roles_dir(cli: RunCli, tmp_path: Path) -> None:
    roles = tmp_path / "roles"
    roles.mkdir()
    (roles / "mine.yaml").write_text(ROLE.replace("id: r", "id: my-role") + "        level: 3\n")
    me = tmp_path / "me.yaml"
    me.write_text("target: my-role\nskills: [Python]\n")
    refused = cli(["validate", str(me)])
    assert refused.exit_code == 2
    assert refused.stdout.startswith(f"{me}:1:9: target 'my-role' is not a known role; ")
    assert cli(["validate", "--roles-dir", str(roles), str(me)]).exit_code == 0


# Sources by title -------------------------------------------------------------------------


@pytest.mark.parametrize("role", builtin_roles(), ids=lambda r: r.id)
def test_builtin_roles_name_their_sources_by_title(cli: RunCli, role: Role) -> None:
    """A path such as seeds/003_976f251dc8282809.txt means nothing to a user."""
    sources = [*role.sources, *(block.source for block in role.salary)]
    assert sources
    assert not [s for s in sources if re.search(r"seeds/|\.txt\b|[0-9a-f]{12}", s)]
    shown = " ".join(cli(["roles", "show", role.id, "--no-pager"], env={"COLUMNS": "200"}).stdout.split())
    assert all(title in shown for title in role.sources)
