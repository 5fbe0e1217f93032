"""The fast reader of the simple YAML subset must agree with libyaml wherever it
answers, and leave everything else (returning None) to the full path."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.yaml import safe as yamlsafe

from .conftest import DATA, EXAMPLES, ROOT

TRICKY = [
    "Python",
    "C++",
    "C#",
    ".NET",
    "Node.js",
    "R",
    "NO",
    "yes",
    "on",
    "off",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "1",
    "-1",
    "007",
    "0x1F",
    "0o17",
    "1e3",
    ".5",
    "-.inf",
    ".nan",
    "1:30",
    "2024-05-01",
    "3.11",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "#x",
    "-x",
    "- x",
    "?x",
    ":x",
    "x:",
    "[x]",
    "{x}",
    "x, y",
    "*x",
    "&x",
    "!x",
    "|x",
    ">x",
    "%x",
    "@x",
    "`x",
    "'x'",
    '"x"',
    "it's",
    'say "hi"',
    "back\\slash",
    "Weights & Biases",
    "A/B testing",
    "SQL (advanced)",
    "  spaced  ",
    "",
    "é",
    "\uff30\uff59\uff34\uff4f\uff52\uff43\uff48",
    "x\u2028y",
    "tab\there",
    "trailing ",
    "--- x",
    "...",
    "x -- y",
]


def _render_scalar(draw: st.DrawFn, value: str) -> str:
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value + '"'
    return value


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Text in (and near) the subset: mappings, `- item` and `- key: value` lists,
    quoting of every style, comments, blank lines, both sequence indentations."""
    lines: list[str] = []
    scalars = st.sampled_from(TRICKY)

    def comment() -> str:
        return draw(st.sampled_from(["", "", " # note", "  #x"]))

    def block(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            key = _render_scalar(draw, draw(scalars))
            kind = draw(st.sampled_from(["scalar", "scalar", "empty", "list", "map"] if depth < 3 else ["scalar"]))
            pad = " " * indent
            if kind == "scalar":
                gap = draw(st.sampled_from([" ", " ", "   "]))
                lines.append(
                    f"{pad}{key}{draw(st.sampled_from(['', ' ']))}:{gap}{_render_scalar(draw, draw(scalars))}{comment()}"
                )
            elif kind == "empty":
                lines.append(f"{pad}{key}:{comment()}")
            elif kind == "map":
                lines.append(f"{pad}{key}:{comment()}")
                block(indent + draw(st.sampled_from([2, 4])), depth + 1)
            else:
                lines.append(f"{pad}{key}:{comment()}")
                inner = indent + draw(st.sampled_from([0, 2]))
                for _ in range(draw(st.integers(1, 3))):
                    if draw(st.booleans()):
                        lines.append(f"{' ' * inner}- {_render_scalar(draw, draw(scalars))}{comment()}")
                    else:
                        first = _render_scalar(draw, draw(scalars))
                        lines.append(f"{' ' * inner}- {first}: {_render_scalar(draw, draw(scalars))}")
                        if draw(st.booleans()):
                            lines.append(f"{' ' * (inner + 2)}{_render_scalar(draw, draw(scalars))}: 3")
                        if draw(st.booleans()):
                            lines.append(f"{' ' * (inner + 2)}{_render_scalar(draw, draw(scalars))}:")
                            lines.append(f"{' ' * (inner + draw(st.sampled_from([2, 4])))}-   {draw(scalars)}")
            if draw(st.integers(0, 5)) == 0:
                lines.append(draw(st.sampled_from(["", "# comment", "   "])))

    block(0, 1)
    return "\n".join(lines) + "\n"


def _full(text: str) -> Any:
    return yamlsafe.parse(text, "f")  # libyaml, with marks: never the subset reader


def _agrees(text: str) -> None:
    fast = yamlsafe.parse_simple(text)
    if fast is None:
        return
    try:
        full = _full(text)
    except RolefitError as exc:
        pytest.fail(f"the subset reader accepted what libyaml refuses: {exc}\n{text}")
    assert repr(fast) == repr(full), text  # repr: types must agree too, and nan equals nan


@settings(max_examples=400)
@given(documents())
def test_agrees_with_libyaml(text: str) -> None:
    _agrees(text)


@settings(max_examples=400)
@given(documents(), st.lists(st.tuples(st.integers(0, 400), st.sampled_from(list(":#'\"- \n[{&*!|>\t\\"))), max_size=3))
def test_agrees_with_libyaml_on_damaged_text(text: str, edits: list[tuple[int, str]]) -> None:
    for position, char in edits:
        position %= len(text) + 1
        text = text[:position] + char + text[position:]
    _agrees(text)


@pytest.mark.parametrize(
    "path",
    [*EXAMPLES, *sorted((DATA / "bad").glob("*.yaml")), *sorted((ROOT / "roles").glob("*.yaml"))],
    ids=lambda p: p.name,
)
def test_agrees_on_the_shipped_files(path: Any) -> None:
    try:
        text = yamlsafe.read_text(path)
    except RolefitError:
        return
    _agrees(text)


def test_the_usual_shapes_take_the_fast_path() -> None:
    for example in EXAMPLES:
        assert yamlsafe.parse_simple(yamlsafe.read_text(example)) is not None, example.name


@pytest.mark.parametrize(
    "text",
    [
        "skills: [Python, SQL]\n",  # flow
        "a: &x 1\nb: *x\n",  # anchors
        "a: |\n  text\n",  # block scalar
        "a: b\n  c\n",  # multi-line plain scalar
        "a: 1\na: 2\n",  # duplicate key: libyaml names the line
        "a:\tb\n",  # tab
        "- a\n",  # top-level list
        '"a\\tb": 1\n',  # escapes
        "a: 1\r\nb: 2\r\n",  # CRLF
        "a: b\x0bc\n",  # an ASCII control character (vertical tab)
        "a: b\x7f\n",  # DEL
        "skills: x\x0c\n",  # a form feed, in a line of a kind that is remembered
        "a:\n  - x\x1b[31m\n",  # an escape, inside a list
        "a: x\x85y\n",  # NEL: a line break to YAML 1.1, beyond ASCII
        "a: x\u2028y\n",  # LS
        "---\na: 1\n",  # document markers
        "a: 1\n...\n",
        "--- # c\na: 1\n",
        "--- a: 1\n",  # a marker before a key
        "a: 1\n... b: 2\n",
    ],
)
def test_outside_the_subset(text: str) -> None:
    assert yamlsafe.parse_simple(text) is None
    assert yamlsafe.parse_simple(text) is None  # and again, with the lines before it remembered


@pytest.mark.parametrize("path", [*EXAMPLES, *sorted((DATA / "bad").glob("*.yaml"))], ids=lambda p: p.name)
def test_remembering_lines_changes_nothing(path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        text = yamlsafe.read_text(path)
    except RolefitError:
        return
    first, again = yamlsafe.parse_simple(text), yamlsafe.parse_simple(text)
    monkeypatch.setattr(yamlsafe, "_LINE_TOKENS", {})
    monkeypatch.setattr(yamlsafe, "_LINE_MEMO_SIZE", 0)
    assert repr(yamlsafe.parse_simple(text)) == repr(first) == repr(again)
    assert yamlsafe._LINE_TOKENS == {}  # the bound holds


def test_lines_that_repeat_are_remembered_and_a_persons_own_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsafe, "_LINE_TOKENS", {})
    text = 'name: "Ada 1"\ntarget: ml-engineer\nseniority: mid\nskills:\n  - Python\n'
    assert yamlsafe.parse_simple(text) == {
        "name": "Ada 1",
        "target": "ml-engineer",
        "seniority": "mid",
        "skills": ["Python"],
    }
    assert set(yamlsafe._LINE_TOKENS) == {"target: ml-engineer", "seniority: mid", "skills:", "  - Python", ""}
