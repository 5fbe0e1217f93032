from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.formats.proficiency import is_stale
from rolefit.formats.profiles import load_profile, parse_profile, profile_from_data
from rolefit.model import DEFAULT_LEVEL, Profile, Skill

from .conftest import DATA, EXAMPLES, RunCli

STYLES = {
    "names": "skills: [Python, SQL]\n",
    "mappings": "skills:\n  - name: Python\n  - name: SQL\n",
    "mapping of levels": "skills:\n  Python:\n  SQL:\n",
}


@pytest.mark.parametrize("text", STYLES.values(), ids=list(STYLES))
def test_three_styles_normalise_to_one_model(text: str) -> None:
    profile = parse_profile(text, "f")
    assert [(s.name, s.level, s.level_assumed) for s in profile.skills] == [
        ("Python", DEFAULT_LEVEL, True),
        ("SQL", DEFAULT_LEVEL, True),
    ]


@pytest.mark.parametrize(
    ("written", "level"),
    [("0", 0), ("5", 5), ("expert", 5), ("Advanced", 4), ("BEGINNER", 2), ("awareness", 1), ("none", 0), ("3.0", 3)],
)
def test_levels_as_numbers_or_words(written: str, level: int) -> None:
    profile = parse_profile(f"skills:\n  Python: {written}\n", "f")
    assert profile.skills[0].level == level
    assert profile.skills[0].level_assumed is False


def test_details_and_context_are_kept() -> None:
    profile = parse_profile(
        "name: Ada\ntarget: ml-engineer\nskills:\n"
        "  - name: PyTorch\n    level: 4\n    years: 2.5\n    evidence: thesis\n    last_used: 2024-05\n",
        "f",
    )
    assert profile.name == "Ada" and profile.target == "ml-engineer"
    assert profile.skills == (Skill("PyTorch", 4, years=2.5, evidence="thesis", last_used="2024-05"),)


def test_a_skill_called_no_is_a_skill() -> None:
    assert [s.name for s in parse_profile("skills: [NO, 'yes', R, C++, C#]\n", "f").skills] == [
        "NO",
        "yes",
        "R",
        "C++",
        "C#",
    ]


def test_all_problems_are_reported_at_once_with_the_warnings() -> None:
    with pytest.raises(RolefitError) as info:
        parse_profile("naem: x\nskills:\n  Python: 9\n  SQL: guru\n", "f")
    assert [str(p) for p in info.value.problems] == [
        "f:1:1: field 'naem' is not used; did you mean 'name'?",
        "f:3:11: skill 'Python': level 9 is out of range; levels go from 0 (none) to 5 (expert)",
        "f:4:8: skill 'SQL': unknown level 'guru'; expected 0-5 or a level word such as none, awareness, beginner, "
        "intermediate, advanced, expert",
    ]


def test_seniority_is_read_and_checked() -> None:
    assert parse_profile("seniority: Senior\nskills: [Python]\n", "f").seniority == "senior"
    assert parse_profile("skills: [Python]\n", "f").seniority is None
    with pytest.raises(RolefitError) as info:
        parse_profile("seniority: junior\nskills: [Python]\n", "f")
    assert str(info.value) == "f:1:12: 'seniority' is 'junior'; did you mean 'entry'?"


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 90),
    st.floats(-1, 90, allow_nan=False),
    st.sampled_from(
        [
            *("", " ", "Python", " C++ ", "expert", "Advanced", "guru", "3", "7", "x  y", "2024-05", "novice"),
            *(
                "3.5",
                "Python (expert)",
                "Go: 3 yrs",
                "SQL - adv",
                "4/5",
                "2 years",
                "long ago",
                "learning",
                "email",
                "a, b",
            ),
        ]
    ),
    st.text(max_size=6),
)
_SKILL = st.one_of(
    _SCALARS,
    st.dictionaries(_SCALARS, _SCALARS, min_size=1, max_size=1),  # - Python: expert
    st.dictionaries(
        st.sampled_from(["name", "level", "years", "evidence", "last_used", "levle"]), _SCALARS, max_size=5
    ),
)
_DOCUMENT = st.one_of(
    _SCALARS,
    st.fixed_dictionaries(
        {},
        optional={
            "name": _SCALARS,
            "target": _SCALARS,
            "seniority": st.one_of(_SCALARS, st.sampled_from(["entry", "mid", "senior", "Senior", "junior"])),
            "skills": st.one_of(
                _SCALARS,
                st.lists(_SKILL, max_size=4),
                st.dictionaries(_SCALARS, _SCALARS, max_size=4),
                st.recursive(  # headings, and headings in headings (an error)
                    st.lists(_SKILL, max_size=3) | st.dictionaries(_SCALARS, _SCALARS, max_size=3),
                    lambda inner: (
                        st.dictionaries(_SCALARS, inner, max_size=3)
                        | st.lists(st.dictionaries(_SCALARS, inner, min_size=1, max_size=1), max_size=3)
                    ),
                    max_leaves=6,
                ),
            ),
            "skils": _SCALARS,
        },
    ),
)


@settings(max_examples=300)
@given(_DOCUMENT)
def test_the_shortcut_for_usual_files_agrees_with_the_checks(document: object) -> None:
    """profile_from_data takes a shortcut for the usual, valid shapes; it must give
    exactly what the full checks give, and decline everything they would refuse."""
    from rolefit.formats.checks import Checker
    from rolefit.formats.profiles import _simple_profile

    shortcut = _simple_profile(document, "f")
    if shortcut is None:
        return
    # The full checks, run on their own: a valid file gives the same profile.
    check = Checker("f")
    top = check.top_mapping(document, "skills file")
    from rolefit.formats.profiles import _seniority, _skills

    skills = _skills(check, top.get("skills"), None)
    assert check.problems == [] and check.warnings == []
    assert shortcut.skills == tuple(skills)
    assert shortcut.name == check.text(top, "name", "") and shortcut.target == check.text(top, "target", "")
    assert shortcut.seniority == _seniority(check, top)
    assert check.problems == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_take_the_shortcut(path: Path) -> None:
    from rolefit.formats.profiles import _simple_profile
    from rolefit.yaml.safe import load_file

    data = load_file(path, marks=False)
    assert _simple_profile(data, "f") is not None


@pytest.mark.parametrize(
    "name", ["one-key-list", "headings-lists", "list-of-headings", "level-in-name", "level-words", "level-fraction"]
)
def test_the_common_shapes_take_the_shortcut_and_read_the_same(name: str) -> None:
    from rolefit.formats.profiles import _simple_profile
    from rolefit.yaml.safe import load_file

    path = DATA / "shapes" / f"{name}.yaml"
    shortcut = _simple_profile(load_file(path, marks=False), "f")
    assert shortcut is not None
    assert shortcut.skills == profile_from_data(load_file(path), "f", strict=False).skills


def test_a_remembered_skill_never_stands_in_for_an_equal_key_of_another_type() -> None:
    """Skills given by name and level are remembered across files; 1, 1.0 and
    true are equal dictionary keys, but only the first two are levels."""
    assert parse_profile("skills: {Python: 1}\n", "f").skills[0].level == 1
    assert parse_profile("skills: {Python: 1.0}\n", "f").skills[0].level == 1
    with pytest.raises(RolefitError, match="not true/false"):
        parse_profile("skills: {Python: true}\n", "f")


def test_a_remembered_skill_with_years_is_the_skill_with_those_years() -> None:
    """Skills given with years are remembered too, by their years: equal keys of
    another kind (2 and 2.0, 0 and -0.0, a bool) never stand in for each other."""

    def skill(fields: str) -> Skill:
        return parse_profile(f"skills:\n  - name: Python\n{fields}", "f").skills[0]

    assert skill("    years: 2\n").years == 2.0
    assert skill("    years: 3\n").years == 3.0
    assert skill("    years: 2.0\n") == skill("    years: 2\n")
    assert skill("    level: 4\n    years: 2\n").level == 4
    assert skill("    level: 4\n    years: 2\n").years == 2.0
    assert skill("    years: 0\n").years == 0.0
    assert str(skill("    years: -0.0\n").years) == "-0.0"  # as read, not the 0 remembered before
    years_level = skill("    years: 7\n")
    assert years_level.level_from_years and years_level.level_assumed
    with pytest.raises(RolefitError, match="must be a number"):
        skill("    years: true\n")
    with pytest.raises(RolefitError, match="between 0 and 80"):
        skill("    years: 81\n")
    under = parse_profile("skills:\n  Languages:\n    - name: Python\n      years: 2\n", "f").skills[0]
    assert under.heading == "Languages" and under.years == 2.0
    assert skill("    years: 2\n").heading is None


REMEMBERED = [
    "skills:\n  - Languages: Python, Java\n",  # in a list: a level that cannot be read
    "skills:\n  Languages: Python, Java\n",  # in a mapping: a heading over two names
    "skills:\n  - Python\n  - name: SQL\n  - name: Go\n    level: 2\n  - Rust: expert\n",
    "skills:\n  Python:\n  SQL: 3\n  Go: expert\n  Rust: 2, Java\n",
    "skills:\n  - name: Python\n    level: true\n",
    "skills:\n  Python: true\n",
    "skills:\n  - name: Python\n    level: 1\n  - name: SQL\n    level: 1.0\n",
    "skills:\n  Python: 1.0\n  SQL: 1\n",
    "skills:\n  - name: Python\n    years: 3\n  - name: SQL\n    level: 2\n    years: 1\n",
    "skills:\n  Programming:\n    - Python\n    - name: SQL\n      level: 2\n",
    "skills:\n  Programming:\n    Python: 3\n    SQL: 2\n",
    "skills:\n  - Programming:\n      - Python\n",
    "skills:\n  - name: Python (expert)\n  - SQL - advanced\n  Python (expert): 2\n",
]


@pytest.mark.parametrize("order", [1, -1], ids=["forward", "backward"])
def test_remembered_entries_read_as_afresh_in_every_shape(order: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries are looked up among the remembered skills before their shape is
    read: the same name and level written in another shape (a list, a mapping,
    under a heading) must still be read as that shape says."""
    from rolefit.formats import profiles

    texts = [*REMEMBERED, *(path.read_text(encoding="utf-8") for path in [*SHAPES, *EXAMPLES])][::order]

    def read(text: str) -> object:
        try:
            return parse_profile(text, "f")
        except RolefitError as exc:
            return str(exc)

    remembered = [read(text) for text in texts]
    monkeypatch.setattr(profiles, "_NAMED_MEMO_SIZE", 0)
    afresh = []
    for text in texts:
        monkeypatch.setattr(profiles, "_NAMED_SKILLS", {})
        afresh.append(read(text))
    assert remembered == afresh


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_remembering_skills_changes_nothing(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rolefit.formats import profiles
    from rolefit.formats.profiles import load_profile

    remembered = load_profile(path)
    monkeypatch.setattr(profiles, "_NAMED_SKILLS", {})
    monkeypatch.setattr(profiles, "_NAMED_MEMO_SIZE", 0)
    assert load_profile(path) == remembered
    assert profiles._NAMED_SKILLS == {}  # the bound holds


# The ways people write skills files (tests/data/shapes: NAME.yaml is read as NAME.json;
# `validate --strict` prints NAME.strict) ------------------------------------------------

SHAPES = sorted((DATA / "shapes").glob("*.yaml"))


def _reading(profile: Profile) -> dict[str, object]:
    return {
        "skills": [
            [s.as_written, s.name, s.level, s.level_assumed, s.level_from_years, s.years, s.heading]
            for s in profile.skills
        ],
        "warnings": [str(w) for w in profile.warnings],
    }


def test_the_shapes_corpus_is_complete() -> None:
    assert len(SHAPES) >= 12
    for path in SHAPES:
        assert path.with_suffix(".json").is_file() and path.with_suffix(".strict").is_file(), path.name


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
def test_each_shape_is_read_as_written(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    expected = json.loads(path.with_suffix(".json").read_text())
    assert _reading(load_profile(path.name)) == expected


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
def test_each_shape_is_valid_but_not_strict(cli: RunCli, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(path.parent)
    lenient = cli(["validate", path.name])
    assert lenient.exit_code == 0, lenient.stdout
    assert "valid skills file" in lenient.stderr
    strict = cli(["validate", "--strict", path.name])
    assert strict.exit_code == 2
    assert strict.stdout == path.with_suffix(".strict").read_text()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_are_strictly_valid(cli: RunCli, path: Path) -> None:
    assert cli(["validate", "--strict", str(path)]).exit_code == 0


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("novice", 1),
        ("Novice", 1),
        ("aware", 1),
        ("basic", 2),
        ("familiar", 2),
        ("beginner", 2),
        ("int", 3),
        ("Int.", 3),
        ("working knowledge", 3),
        ("Working  Knowledge", 3),
        ("competent", 3),
        ("adv", 4),
        ("adv.", 4),
        ("proficient", 4),
        ("fluent", 4),
        ("strong", 4),
        ("expert", 5),
        ("mastery", 5),
        ("no experience", 0),
        ("2.5", 2),  # halves round down
        ("3.5", 3),
        ("3.51", 4),
        ("0.4", 0),
        ("4/5", 4),
        ("7/10", 3),
        ("8/10", 4),
        ("80%", 4),
        ("★★★☆☆", 3),
    ],
)
def test_level_words_and_numbers(written: str, level: int) -> None:
    profile = parse_profile(f"skills:\n  Python: '{written}'\n", "f")
    assert (profile.skills[0].level, profile.skills[0].level_assumed) == (level, False)


@pytest.mark.parametrize(("value", "level"), [(2.5, 2), (3.5, 3), (4.5, 4), (4.6, 5), (0.5, 0)])
def test_fractional_numbers_round_to_the_nearest_level_halves_down(value: float, level: int) -> None:
    assert parse_profile(f"skills:\n  - name: Python\n    level: {value}\n", "f").skills[0].level == level


def test_novice_is_never_read_or_suggested_as_none() -> None:
    assert parse_profile("skills: {Python: novice}\n", "f").skills[0].level == 1
    problems = profile_problems("skills: {Python: novice}\n", strict=True)
    assert problems and all("'none'" not in p.split("one of")[0] for p in problems)
    assert "reads as 1 (awareness)" in problems[0]


@pytest.mark.parametrize(
    ("written", "name", "level", "years"),
    [
        ("Python (expert)", "Python", 5, None),
        ("SQL - advanced", "SQL", 4, None),
        ("SQL \u2013 advanced", "SQL", 4, None),  # an en dash
        ("PyTorch 4/5", "PyTorch", 4, None),
        ("Go: 3 yrs", "Go", 4, 3.0),
        ("Rust (2 years)", "Rust", 3, 2.0),
        ("Rust (6 months)", "Rust (6 months)", 3, None),  # not a form rolefit reads: the name stays whole
        ("Docker (basic, 1 year)", "Docker", 2, 1.0),
        ("Linear algebra: working knowledge", "Linear algebra", 3, None),
        ("Machine learning - supervised - advanced", "Machine learning - supervised", 4, None),
        ("C++: 5", "C++", 5, None),
        ("pandas | 80%", "pandas", 4, None),
        # Not levels: the name stays whole.
        ("SQL (PostgreSQL)", "SQL (PostgreSQL)", 3, None),
        ("Python 3", "Python 3", 3, None),
        ("C++ (3)", "C++ (3)", 3, None),
        ("Python (pandas, NumPy)", "Python (pandas, NumPy)", 3, None),
        ("Languages: Python, Java", "Languages: Python, Java", 3, None),
        ("Python, R", "Python, R", 3, None),
        ("HTML/CSS", "HTML/CSS", 3, None),
        ("CI/CD", "CI/CD", 3, None),
        ("A/B testing", "A/B testing", 3, None),
        ("Excel (R)", "Excel (R)", 3, None),
        ("Windows 10", "Windows 10", 3, None),
        ("Expert systems", "Expert systems", 3, None),
    ],
)
def test_a_level_written_in_the_name(written: str, name: str, level: int, years: float | None) -> None:
    skill = parse_profile(f"skills:\n  - {json.dumps(written, ensure_ascii=False)}\n", "f").skills[0]
    assert (skill.name, skill.level, skill.years, skill.as_written) == (name, level, years, written)
    level_in_name = name != written and not skill.level_from_years
    assert skill.level_assumed is not level_in_name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("skills:\n  A:\n    B:\n      - Python\n", "headings go one level deep"),
        ("skills:\n  Python: 9\n", "level 9 is out of range"),
        ("skills:\n  Python: '7/5'\n", "unknown level '7/5'"),
        ("skills:\n  Python: true\n", "not true/false"),
        ("skills:\n  - name: Python\n    level: [3]\n", "not a list"),
        ("skills:\n  - name: Python\n    proficiency: 3\n    level: 4\n", "both give the level"),
    ],
)
def test_what_is_truly_ambiguous_is_an_error(text: str, message: str) -> None:
    problems = profile_problems(text)
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(("years", "level"), [(0, 2), (0.5, 2), (1, 3), (2.9, 3), (3, 4), (10, 4), (40, 4)])
def test_years_suggest_a_level_but_never_expert(years: float, level: int) -> None:
    skill = parse_profile(f"skills:\n  - name: Python\n    years: {years}\n", "f").skills[0]
    assert (skill.level, skill.level_assumed, skill.level_from_years) == (level, True, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A level given in its own field outranks one in the name, which then stays whole.
        ("skills:\n  - name: sql (advanced)\n    level: 2\n", ("sql (advanced)", 2, None, False)),
        ("skills:\n  sql (advanced): 1\n", ("sql (advanced)", 1, None, False)),
        ("skills:\n  - name: Go (3 years)\n    years: 5\n", ("Go", 4, 5.0, True)),
        ("skills:\n  - name: Go (expert)\n    years: 1\n", ("Go", 5, 1.0, False)),
    ],
)
def test_what_the_person_gives_in_a_field_outranks_the_name(
    text: str, expected: tuple[str, int, float | None, bool]
) -> None:
    skill = parse_profile(text, "f").skills[0]
    assert (skill.name, skill.level, skill.years, skill.level_from_years) == expected


def test_a_given_level_outranks_years() -> None:
    skill = parse_profile("skills:\n  - name: Python\n    level: 2\n    years: 10\n", "f").skills[0]
    assert (skill.level, skill.level_assumed, skill.level_from_years) == (2, False, False)


def test_unknown_fields_are_kept_and_named_with_the_nearest_known_one() -> None:
    profile = parse_profile("name: Kim\nemail: k@x.org\ntarge: ml-engineer\nskills: [Python]\n", "f")
    assert profile.ignored == ("email", "targe")
    assert [str(w) for w in profile.warnings] == [
        "f:2:1: field 'email' is not used (rolefit reads name, target, seniority and skills)",
        "f:3:1: field 'targe' is not used; did you mean 'target'?",
    ]


def test_an_unreadable_last_used_is_kept_with_a_warning() -> None:
    profile = parse_profile("skills:\n  - name: Python\n    last_used: long ago\n", "f")
    assert profile.skills[0].last_used == "long ago"
    assert [w.message for w in profile.warnings] == [
        "'last_used' of skill 'Python' is not a date such as 2024 or 2024-05; it is kept but not used"
    ]


@pytest.mark.parametrize(
    ("last_used", "stale"),
    [
        ("2020-05", True),
        ("2020-07", False),
        ("2019", True),
        ("2020", False),
        ("2025-11", False),
        ("present", False),
        ("long ago", False),
        (None, False),
    ],
)
def test_a_skill_is_stale_when_last_used_more_than_five_years_ago(last_used: str | None, stale: bool) -> None:
    assert is_stale(last_used, date(2025, 6, 15)) is stale


def profile_problems(text: str, *, strict: bool = False) -> list[str]:
    from rolefit.yaml.safe import parse

    try:
        profile_from_data(parse(text, "f"), "f", strict=strict)
    except RolefitError as exc:
        return [p.message for p in exc.problems]
    return []


_YAMLISH_PIECES = st.sampled_from(
    [
        "skills:", "skills: ", "name: ", "target: ", "email: x", "  ", "    ", "- ", "-", ": ", ":", "\n", "\n  - ",
        "Python", "Python (expert)", "SQL - advanced", "4/5", "3 yrs", "(", ")", "[", "]", "{", "}", ",", "'", '"',
        "level: ", "years: ", "last_used: ", "evidence: ", "proficiency: ", "novice", "3.5", "-1", "9", "true",
        "null", "~", "&a ", "*a", "!!python/object ", "#", "|", ">", "? ", "%", "@", "\t", "★", "é", "\x00",
    ]
)  # fmt: skip


@given(st.lists(_YAMLISH_PIECES, max_size=40).map("".join))
def test_the_loader_never_raises_anything_but_rolefit_error(text: str) -> None:
    for strict in (False, True):
        try:
            if strict:
                profile_problems(text, strict=True)
            else:
                parse_profile(text, "f")
        except RolefitError:
            pass


def test_level_words_looked_up_read_as_read_level_reads_them() -> None:
    """make_skill looks the usual spellings of the level words up in a table of
    its own before calling read_level: each must read exactly as read_level reads it."""
    from rolefit.formats import profiles
    from rolefit.formats.proficiency import LEVEL_WORDS, read_level

    table = profiles._WORD_READINGS
    assert {"expert", "Expert", "EXPERT", "advanced beginner", "Advanced Beginner", "Advanced beginner"} <= set(table)
    assert len(table) >= len(LEVEL_WORDS)
    for spelling, reading in table.items():
        assert read_level(spelling) == reading, spelling
    made = profiles.make_skill("Python", "Working Knowledge")
    assert isinstance(made, Skill) and made.level == 3 and not made.level_assumed
    # A spelling not in the table goes to read_level: the same answer, the same messages.
    assert profiles.make_skill("Python", "eXpert") == profiles.make_skill("Python", "expert")
    assert (
        profiles.make_skill("Python", "expertt")
        == "skill 'Python': unknown level 'expertt'; did you mean 'expert'? (or 0-5)"
    )
