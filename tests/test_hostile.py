"""Hostile input, tried as an attacker would (issue 8, section 2).

Every case ends the same way: a message naming the file (and line:col where
there is one), exit 2, no traceback, and every good learner of a batch still
scored. Output never carries user text as markup or control codes, and `-o`
writes the file the user named.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .conftest import RunCli
from .test_roles import MINIMAL

GOOD = "name: Good learner\nskills:\n  Python: 4\n  SQL: 3\n"


def _cohort(folder: Path, bad: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.yaml").write_text(GOOD)
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Skills files that must be refused, with the place and the words of the message.
BAD_SKILLS = {
    # name: (file text, "line:col", words the message must hold)
    "superscript-level": ("skills:\n  Python: ²\n", "2:11", "not written with the digits 0-5 (did you mean 2?)"),
    "circled-level": ("skills:\n  Python: ③\n", "2:11", "not written with the digits 0-5 (did you mean 3?)"),
    "arabic-indic-level": ("skills:\n  Python: ٣\n", "2:11", "not written with the digits 0-5 (did you mean 3?)"),
    "level-in-a-mapping": ("skills:\n  - name: Python\n    level: ²\n", "3:12", "not written with the digits"),
    "years-inf": ("skills:\n  - name: Python\n    years: .inf\n", "3:12", "'years' of skill 'Python'"),
    "years-nan": ("skills:\n  - name: Python\n    years: .nan\n", "3:12", "'years' of skill 'Python'"),
    "years-1e400": ("skills:\n  - name: Python\n    years: 1e400\n", "3:12", "'years' of skill 'Python'"),
    "level-inf": ("skills:\n  Python: .inf\n", "2:11", "level inf is out of range"),
}


@pytest.mark.parametrize("case", BAD_SKILLS, ids=str)
def test_bad_skills_file_in_a_batch(cli: RunCli, tmp_path: Path, case: str) -> None:
    text, where, words = BAD_SKILLS[case]
    folder = _cohort(tmp_path / "cohort", {"bad.yaml": text})
    result = cli(["batch", str(folder), "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert [learner["name"] for learner in document["learners"]] == ["Good learner"]
    assert f"error: {folder / 'bad.yaml'}:{where}: " in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", BAD_SKILLS, ids=str)
def test_bad_skills_file_assessed(cli: RunCli, tmp_path: Path, case: str) -> None:
    text, where, words = BAD_SKILLS[case]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["assess", str(path), "--format", "json"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"error: {path}:{where}: " in result.stderr and words in result.stderr


def _role(**changes: str) -> str:
    text = MINIMAL
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


SALARY = """\
salary:
  - source: A survey
    year: {year}
    figures:
      - label: mid
        amount: {amount}
"""

# Role files that must be refused: (file text, "line:col", words of the message).
BAD_ROLES = {
    "weight-inf": (_role(**{"weight: 1": "weight: .inf"}), "5:13", "must be a finite number"),
    "weight-nan": (_role(**{"weight: 1": "weight: .nan"}), "5:13", "must be a finite number"),
    "weight-1e400": (_role(**{"weight: 1": "weight: 1e400"}), "5:13", "must be a finite number"),
    "weight-1e308": (_role(**{"weight: 1": "weight: 1e308"}), "5:13", "must be a finite number of at most 1e+12"),
    "weight-huge-int": (_role(**{"weight: 1": "weight: " + "9" * 400}), "5:13", "not one that large"),
    "salary-inf": (MINIMAL + SALARY.format(year=2024, amount=".inf"), "15:17", "'amount' of salary figure 'mid'"),
    "salary-nan": (MINIMAL + SALARY.format(year=2024, amount=".nan"), "15:17", "'amount' of salary figure 'mid'"),
    "salary-1e400": (MINIMAL + SALARY.format(year=2024, amount="1e400"), "15:17", "must be a finite number"),
    "salary-negative": (
        MINIMAL + SALARY.format(year=2024, amount="-5"),
        "15:17",
        "'amount' of salary figure 'mid' is negative",
    ),
    "year-inf": (MINIMAL + SALARY.format(year=".inf", amount=100), "12:11", "'year' of a salary block"),
    "year-nan": (MINIMAL + SALARY.format(year=".nan", amount=100), "12:11", "'year' of a salary block"),
    "year-negative": (MINIMAL + SALARY.format(year=-3, amount=100), "12:11", "must be a year 1900-2200"),
    "level-superscript": (_role(**{"level: 3": "level: ²"}), "9:16", "did you mean 2?"),
}


@pytest.mark.parametrize("case", BAD_ROLES, ids=str)
@pytest.mark.parametrize("command", ["assess", "batch", "validate"])
def test_bad_role_file(cli: RunCli, tmp_path: Path, case: str, command: str) -> None:
    text, where, words = BAD_ROLES[case]
    role = tmp_path / "role.yaml"
    role.write_text(text, encoding="utf-8")
    learner = tmp_path / "good.yaml"
    learner.write_text(GOOD)
    args = {
        "assess": ["assess", str(learner), "--role", str(role), "--format", "json"],
        "batch": ["batch", str(learner), "--role", str(role), "--format", "json"],
        "validate": ["validate", str(role)],
    }[command]
    result = cli(args)
    assert result.exit_code == 2
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    out = result.stdout if command == "validate" else result.stderr
    assert f"{role}:{where}: " in out and words in out


def test_two_huge_weights_cannot_overflow(cli: RunCli, tmp_path: Path) -> None:
    text = MINIMAL.replace("weight: 1", "weight: 1e12") + (
        "  - name: Data\n    weight: 1e12\n    skills:\n      - name: SQL\n        importance: required\n        level: 3\n"
    )
    role = tmp_path / "role.yaml"
    role.write_text(text)
    learner = tmp_path / "good.yaml"
    learner.write_text(GOOD)
    result = cli(["assess", str(learner), "--role", str(role), "--format", "json", "--fail-under", "100"])
    assert result.exit_code == 0, result.stderr  # both skills met: 100, and the gate compares a real number
    assert json.loads(result.stdout)["roles"][0]["fit"] == 100


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
@pytest.mark.parametrize("command", ["assess", "batch"])
def test_fail_under_must_be_a_number_0_to_100(cli: RunCli, tmp_path: Path, value: str, command: str) -> None:
    learner = tmp_path / "good.yaml"
    learner.write_text(GOOD)
    result = cli([command, str(learner), f"--fail-under={value}"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--fail-under" in result.stderr


def test_json_refuses_nan_as_a_last_guard() -> None:
    from rolefit.render.json import dumps, dumps_compact

    for dump in (dumps, dumps_compact):
        with pytest.raises(ValueError, match="JSON compliant"):
            dump({"fit": float("nan")})


# Depth: walks that recursed ------------------------------------------------------


def test_prerequisite_chain_longer_than_the_recursion_limit(cli: RunCli, tmp_path: Path) -> None:
    steps = sys.getrecursionlimit() + 500
    lines = ["id: chain", "title: Chain", "categories:", "  - name: Programming", "    weight: 1", "    skills:"]
    for i in range(steps):
        lines.append(f"      - name: Skill {i}\n        importance: required\n        level: 3")
        if i < steps - 1:
            lines.append(f"        prerequisites: [Skill {i + 1}]")
    role = tmp_path / "chain.yaml"
    role.write_text("\n".join(lines) + "\n")
    learner = tmp_path / "good.yaml"
    learner.write_text(GOOD)
    result = cli(["assess", str(learner), "--role", str(role), "--format", "json", "--steps", "3"])
    assert result.exit_code == 0, result.stderr
    plan = [step["skill"] for step in json.loads(result.stdout)["plan"]["steps"]]
    assert plan == [f"Skill {steps - 1}", f"Skill {steps - 2}", f"Skill {steps - 3}"]  # the deepest basics first


def test_prerequisite_cycle_through_a_long_chain(tmp_path: Path) -> None:
    from rolefit.errors import RolefitError
    from rolefit.formats.roles import parse_role

    steps = sys.getrecursionlimit() + 500
    lines = ["id: loop", "title: Loop", "categories:", "  - name: Programming", "    weight: 1", "    skills:"]
    for i in range(steps):
        lines.append(f"      - name: Skill {i}\n        level: 3\n        prerequisites: [Skill {(i + 1) % steps}]")
    with pytest.raises(RolefitError, match="prerequisites form a cycle: Skill 0 -> Skill 1 -> "):
        parse_role("\n".join(lines) + "\n", "loop.yaml")


def test_cohort_folder_nested_deeper_than_the_recursion_limit(cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    _cohort(folder, {})
    deep = os.open(folder, os.O_RDONLY)
    try:  # made relative to an open folder: the path grows too long for one system call
        for _ in range(sys.getrecursionlimit() + 200):
            os.mkdir("d", dir_fd=deep)
            inner = os.open("d", os.O_RDONLY, dir_fd=deep)
            os.close(deep)
            deep = inner
        descriptor = os.open("deep.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=deep)
        os.write(descriptor, b"name: Deep learner\nskills: [Python]\n")
        os.close(descriptor)
    finally:
        os.close(deep)
    try:
        result = cli(["batch", str(folder), "--format", "json"])
    finally:
        _remove_chain(folder / "d")
    assert result.exit_code == 0, result.stderr
    names = sorted(learner["name"] for learner in json.loads(result.stdout)["learners"])
    assert names == ["Deep learner", "Good learner"]


def _remove_chain(top: Path) -> None:
    """Remove top/d/d/.../d one level at a time: shutil.rmtree (and so pytest's
    clean-up of old temporary folders, shared by every run) recurses, and would
    fail on this tree in every later test run."""
    spare = top.with_name("spare")
    while top.exists():
        if (top / "d").exists():
            (top / "d").rename(spare)
        for entry in top.iterdir():
            entry.unlink()
        top.rmdir()
        if spare.exists():
            spare.rename(top)


# Files that are not files ----------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("batch", "is not a regular file (a pipe, socket or device)"),
        ("assess", "is a pipe nothing was written to in 0.2 seconds"),
        ("validate", "is a pipe nothing was written to in 0.2 seconds"),
        ("role", "is a pipe nothing was written to in 0.2 seconds"),
    ],
)
def test_a_pipe_nobody_writes_to_is_never_waited_on_forever(
    cli: RunCli, tmp_path: Path, command: str, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """batch refuses pipes given by name, as it does in a folder; a single file
    may be a pipe (`assess <(command)`), but one nobody writes to is an error."""
    from rolefit.yaml import safe as yamlsafe

    monkeypatch.setattr(yamlsafe, "PIPE_WAIT_SECONDS", 0.2)
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD)
    args = {
        "batch": ["batch", str(good), str(pipe), "--format", "json"],
        "assess": ["assess", str(pipe)],
        "validate": ["validate", str(pipe)],
        "role": ["assess", str(good), "--role", str(pipe)],
    }[command]
    result = cli(args)  # before the fix: waits forever for a writer
    assert result.exit_code == 2
    assert f"{pipe}: {words}" in result.stderr + result.stdout
    if command == "batch":
        assert [learner["name"] for learner in json.loads(result.stdout)["learners"]] == ["Good learner"]


# Roles: ids used twice ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({"a.yaml": MINIMAL, "b.yaml": MINIMAL}, "b.yaml: role id 'my-role' is already used by {dir}/a.yaml"),
        (
            {"mine.yaml": MINIMAL.replace("id: my-role", "id: ml-engineer")},
            "mine.yaml: role id 'ml-engineer' is already used by a built-in role, (built-in) ml-engineer.yaml",
        ),
    ],
    ids=["two-files", "a-built-in-id"],
)
@pytest.mark.parametrize("command", [["roles"], ["assess", "GOOD"], ["batch", "GOOD"]], ids=lambda c: c[0])
def test_a_role_id_used_twice_is_an_error(
    cli: RunCli, tmp_path: Path, files: dict[str, str], words: str, command: list[str]
) -> None:
    folder = tmp_path / "roles"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text)
    good = tmp_path / "good.yaml"
    good.write_text(GOOD)
    args = [str(good) if a == "GOOD" else a for a in command]
    result = cli([*args, "--roles-dir", str(folder)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert words.format(dir=folder) in result.stderr


# --jobs ---------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["100000", "99999999999999999999"])
def test_jobs_is_capped_at_the_usable_cpus(
    cli: RunCli, tmp_path: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rolefit.cohort.batch

    started: list[int] = []
    real = rolefit.cohort.batch.score_files

    def spy(paths, prepared, ids, workers, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(workers)
        return real(paths, prepared, ids, workers, *args, **kwargs)

    monkeypatch.setattr(rolefit.cohort.batch, "score_files", spy)
    monkeypatch.setattr(rolefit.cohort.batch, "usable_cpus", lambda: 2)
    folder = tmp_path / "cohort"
    folder.mkdir()
    for number in range(3 * rolefit.cohort.batch.CHUNK):
        (folder / f"l{number:03d}.yaml").write_text(GOOD)
    result = cli(["batch", str(folder), "--jobs", jobs, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert started == [2]
    assert len(result.stdout.splitlines()) == 1 + 3 * rolefit.cohort.batch.CHUNK


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("max 100000\n", None), ("200000 100000\n", 2), ("150000 100000\n", 2), ("50000 100000\n", 1), ("garbage", None)],
)
def test_cgroup_quota(tmp_path: Path, cpu_max: str, expected: int | None) -> None:
    from rolefit.cohort.batch import _cgroup_quota

    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert _cgroup_quota(str(path)) == expected
    assert _cgroup_quota(str(tmp_path / "absent")) is None


def test_usable_cpus_reads_the_affinity_not_the_machine() -> None:
    from rolefit.cohort.batch import usable_cpus

    if hasattr(os, "sched_getaffinity"):
        assert 1 <= usable_cpus() <= len(os.sched_getaffinity(0))
    else:
        assert usable_cpus() >= 1


# Output is never an injection vector ------------------------------------------------

# What a hostile file can hold, written as YAML double-quoted escapes.
PAYLOADS = {
    "colour": r"\e[31mred\e[0m",
    "osc8-link": r"\e]8;;https://evil.example\e\\click\e]8;;\e\\",
    "window-title": r"\e]0;pwned\a",
    "carriage-return": r"good\rEVIL",
    "bidi-override": r"\u202Eexe.txt",
    "c1-csi": r"\x9B31m",
}
# Raw, anything but a newline between lines of output would act on a terminal.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _hostile_files(folder: Path, payload: str) -> tuple[Path, Path]:
    """A skills file and a role file with the payload in every text a user writes."""
    folder.mkdir(parents=True, exist_ok=True)
    learner = folder / "learner.yaml"
    learner.write_text(f'name: "{payload}"\nskills:\n  "Py{payload}thon": 3\n  "{payload}": 2\n')
    role = folder / "role.yaml"
    role.write_text(
        MINIMAL.replace("title: My role", f'title: "Eng {payload} [/x] [link=https://evil.example]here[/link]"')
        .replace("name: Programming", f'name: "Prog{payload}"')
        .replace("name: Python", f'name: "Python{payload}"\n        learn: ["{payload}"]')
    )
    return learner, role


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
@pytest.mark.parametrize(
    "command",
    [
        ["assess", "LEARNER", "--role", "ROLE", "--color", "always"],
        ["batch", "LEARNER", "--role", "ROLE", "--color", "always"],
        ["roles", "show", "ROLE", "--format", "table"],
    ],
    ids=lambda c: c[0] if c[0] != "roles" else "roles-show",
)
def test_terminal_output_shows_control_codes_escaped(
    cli: RunCli, tmp_path: Path, payload: str, command: list[str]
) -> None:
    learner, role = _hostile_files(tmp_path, payload)
    args = [str(learner) if a == "LEARNER" else str(role) if a == "ROLE" else a for a in command]
    result = cli(args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout + result.stderr
    colourless = re.sub("\x1b\\[[0-9;]*m", "", text)  # rolefit's own colours, asked for with --color always
    assert not RAW_CONTROL.search(colourless)
    assert "\x1b]" not in text and "\x07" not in text
    assert "\\x1b" in colourless or "\\r" in colourless or "\\u202e" in colourless or "\\x9b" in colourless


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=list(PAYLOADS))
def test_error_messages_show_control_codes_escaped(cli: RunCli, tmp_path: Path, payload: str) -> None:
    learner = tmp_path / "learner.yaml"
    learner.write_text(f'target: "{payload}"\nskills:\n  Python: "{payload}"\n')
    for args in (["assess", str(learner)], ["batch", str(learner)], ["validate", str(learner)]):
        result = cli(args)
        # `Python: "a;b"` reads as a heading over skills a and b (the grouped shape), so
        # validate may accept the file; assess and batch refuse the unknown target.
        if args[0] != "validate":
            assert result.exit_code == 2
            assert "error" in result.stderr
        assert not RAW_CONTROL.search(result.stdout + result.stderr)


def test_a_file_name_with_control_codes_is_shown_escaped(cli: RunCli, tmp_path: Path) -> None:
    folder = _cohort(tmp_path / "cohort", {"\x1b]0;pwned\x07\r.yaml": "skills: [\n"})
    for fmt in ("table", "markdown"):
        result = cli(["batch", str(folder), "-f", fmt])
        assert result.exit_code == 2
        assert not RAW_CONTROL.search(result.stdout + result.stderr)
        assert "\\x1b]0;pwned\\x07\\r.yaml" in result.stderr


@pytest.mark.parametrize("markup", ["Eng [/x]", "[link=https://evil.example]Eng[/link]", "[bold red]Eng"])
def test_rich_markup_in_a_role_title_is_text(cli: RunCli, tmp_path: Path, markup: str) -> None:
    role = tmp_path / "role.yaml"
    role.write_text(MINIMAL.replace("title: My role", f"title: '{markup}'"))
    learner = tmp_path / "good.yaml"
    learner.write_text(GOOD)
    for command in (["batch", str(learner)], ["assess", str(learner)]):
        result = cli([*command, "--role", str(role), "--color", "always"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.stderr
        assert markup in result.stdout
        assert "\x1b]8;" not in result.stdout  # no live link


MARKDOWN_BREAKERS = [
    "a|b",  # ends a table cell
    "`code` ``x``",  # opens a code span
    "<script>alert(1)</script>",  # raw HTML
    "[click](https://evil.example)",  # a link
    "https://evil.example",  # an autolink
    "*bold* _it_ ~~gone~~",  # emphasis, strikethrough
    "&lt;b&gt;",  # an entity
    "line\nbreak",  # ends the table row
]


@pytest.mark.parametrize("text", MARKDOWN_BREAKERS)
def test_markdown_shows_user_text_as_written(tmp_path: Path, text: str) -> None:
    from rolefit.render.safe_markdown import escape

    escaped = escape(text)
    assert "\n" not in escaped
    # Every special character is escaped: removing the escapes gives the text back...
    assert re.sub(r"\\(.)", r"\1", escaped) == text.replace("\n", "\\n")
    # ...and none is left bare.
    assert not re.search(r"(?<!\\)[`|<>\[\]*_~&:]", re.sub(r"\\\\", "", escaped))


@pytest.mark.parametrize("fmt", ["markdown"])
def test_markdown_batch_with_hostile_file_names(cli: RunCli, tmp_path: Path, fmt: str) -> None:
    names = ["pipe|name.yaml", "tick`s`.yaml", "new\nline.yaml", "<b>html<b>.yaml"]
    folder = _cohort(tmp_path / "cohort", dict.fromkeys(names, GOOD))
    (folder / "broken`|.yaml").write_text("skills: [\n")
    result = cli(["batch", str(folder), "-f", fmt])
    assert result.exit_code == 2
    learners = result.stdout.split("### Learners", 1)[1].split("###", 1)[0]
    rows = [line for line in learners.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(names) + 1  # the header and its rule, each file, good.yaml
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 7 for row in rows)  # six cells each
    assert "<b>" not in result.stdout and "`" not in result.stdout.replace("\\`", "")


@pytest.mark.parametrize("name", ["Ann\rEVIL", "Bo\nb", 'quo"te', "=cmd|' /C calc'!A0", "+1", "@SUM(A1)", "-2"])
def test_csv_rows_cannot_be_split_or_run(cli: RunCli, tmp_path: Path, name: str) -> None:
    import csv
    import io

    folder = _cohort(tmp_path / "cohort", {"hostile.yaml": f"name: {json.dumps(name)}\nskills: [Python]\n"})
    result = cli(["batch", str(folder), "-f", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 2
    written = next(row["name"] for row in rows if row["file"].endswith("hostile.yaml"))
    assert written == ("'" + name if name[0] in "=+-@" else name)


# -o writes the file the user named ----------------------------------------------------


@pytest.fixture
def learner(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD)
    return path


def test_output_to_a_device_writes_through(cli: RunCli, tmp_path: Path, learner: Path) -> None:
    """On a device node of its own (a copy of /dev/null): were the fix to break,
    this test must not replace the machine's /dev/null, as the old code did as root."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("making a device node needs root on Linux")
    result = cli(["assess", str(learner), "-f", "json", "-o", str(device)])
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(device.stat().st_mode)  # before the fix: replaced by a regular file


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(
    cli: RunCli, tmp_path: Path, learner: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert cli(["assess", str(learner), "-f", "json", "-o", str(link)]).exit_code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text())["person"]["name"] == "Good learner"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_output_keeps_an_existing_files_mode(cli: RunCli, tmp_path: Path, learner: Path, mode: int) -> None:
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(mode)
    assert cli(["assess", str(learner), "-f", "json", "-o", str(target)]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert json.loads(target.read_text())["person"]["name"] == "Good learner"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_output_to_a_named_pipe_writes_into_it(cli: RunCli, tmp_path: Path, learner: Path) -> None:
    import threading

    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    result = cli(["assess", str(learner), "-f", "json", "-o", str(pipe)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert json.loads(received[0])["person"]["name"] == "Good learner"


@pytest.mark.parametrize("command", ["assess", "batch"])
def test_output_dash_is_stdout(
    cli: RunCli, tmp_path: Path, learner: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli([command, str(learner), "-f", "json", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "which",
    [
        "skills-file",
        "batch-file",
        "batch-folder",
        "role-file",
        "roles-dir",
        "hard-link",
        "batch-folder-hard-link",
        "batch-folder-symlink",
        "batch-file-roundabout",
    ],
)
def test_output_over_an_input_is_refused(cli: RunCli, tmp_path: Path, learner: Path, which: str) -> None:
    role = tmp_path / "roles" / "mine.yaml"
    role.parent.mkdir()
    role.write_text(MINIMAL)
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    outside = tmp_path / "outside.txt"
    command, victim = {
        "skills-file": (["assess", str(learner)], learner),
        "batch-file": (["batch", str(learner)], learner),
        "batch-folder": (["batch", str(tmp_path)], learner),
        "role-file": (["assess", str(learner), "--role", str(role)], role),
        "roles-dir": (["batch", str(learner), "--roles-dir", str(role.parent)], role),
        "hard-link": (["assess", str(learner)], tmp_path / "alias.yaml"),
        # a cohort's learner under another name, in another folder, as the file written
        "batch-folder-hard-link": (["batch", str(cohort)], outside),
        # a learner of the cohort that is a link to the file written
        "batch-folder-symlink": (["batch", str(cohort)], outside),
        # the file written, named by a path that goes out of its folder and back
        "batch-file-roundabout": (["batch", str(role.parent / ".." / learner.name)], learner),
    }[which]
    if which == "hard-link":
        os.link(learner, victim)
    if which.startswith("batch-folder-"):
        (cohort / "first.yaml").write_bytes(learner.read_bytes())
        outside.write_bytes(learner.read_bytes())
        if which.endswith("hard-link"):
            os.link(outside, cohort / "second.yaml")
        else:
            (cohort / "second.yaml").symlink_to(outside)
    before = victim.read_bytes()
    result = cli([*command, "-o", str(victim)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"error: {victim}: -o names an input file" in result.stderr
    assert victim.read_bytes() == before


# Signals and pipes: real processes ----------------------------------------------------------


def _rolefit(*args: str) -> list[str]:
    return [sys.executable, "-m", "rolefit", *args]


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    found: list[int] = []
    for task in tasks.iterdir() if tasks.exists() else ():
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the workers")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_batch_leaves_no_temporary_file_and_no_worker(tmp_path: Path, signame: str) -> None:
    import signal
    import subprocess
    import time

    cohort = tmp_path / "cohort"
    cohort.mkdir()
    slow = "skills:\n" + "".join(f"  - Skill number {i}\n" for i in range(40_000))  # seconds of matching each
    for number in range(4):
        (cohort / f"a-slow-{number}.yaml").write_text(slow)
    for number in range(70):
        (cohort / f"b-{number:02d}.yaml").write_text(GOOD)
    target = tmp_path / "out.csv"
    proc = subprocess.Popen(
        _rolefit("batch", str(cohort), "-f", "csv", "--jobs", "2", "-q", "-o", str(target)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        proc.send_signal(getattr(signal, signame))
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == -getattr(signal, signame)  # ended by the signal, after cleaning up
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cohort"]  # no out.csv, no .out.csv.*.tmp
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "a worker was left behind"


@pytest.mark.parametrize(
    ("command", "codes"),
    [
        (["batch", "COHORT", "-f", "csv", "--jobs", "1"], {141}),  # rows stream out: the closed pipe is noticed
        (["batch", "COHORT", "-f", "csv", "--jobs", "2"], {141}),
        (["batch", "COHORT", "-f", "markdown"], {0, 141}),  # one large write, which may all be accepted
        (["roles", "show", "ml-engineer"], {0, 141}),  # through Rich, which used to exit 1 itself
        (["roles", "show", "ml-engineer", "-f", "json"], {0, 141}),
    ],
    ids=["batch-csv", "batch-csv-2-jobs", "batch-markdown", "roles-show", "roles-show-json"],
)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, command: list[str], codes: set[int]) -> None:
    """`rolefit ... | head -1`: exit 141 (128 + SIGPIPE), as a program the signal
    stopped, when rolefit notices; never 1, which means "below --fail-under",
    and never a traceback. (A last write the pipe took whole is not noticed: 0.)"""
    import subprocess

    cohort = tmp_path / "cohort"
    cohort.mkdir()
    for number in range(1500):  # output well past a pipe's buffer
        (cohort / f"learner-with-a-long-file-name-{number:04d}.yaml").write_text(GOOD)
    args = [str(cohort) if a == "COHORT" else a for a in command]
    proc = subprocess.Popen(
        _rolefit(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "400"}
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert os.read(proc.stdout.fileno(), 100)  # a little (a buffered read could take it all), then
    proc.stdout.close()  # stop reading, as `head -1` does
    with proc.stderr:
        stderr = proc.stderr.read()
    assert proc.wait(timeout=120) in codes, stderr
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr


# The helpers, for any text ---------------------------------------------------------------


@given(st.text())
def test_visible_never_lets_a_control_code_through(text: str) -> None:
    from rolefit.render.safe_terminal import visible

    shown = visible(text)
    assert not RAW_CONTROL.search(shown) and "\n" not in shown
    assert not re.search("[\ud800-\udfff\u2028\u2029]", shown)
    if not RAW_CONTROL.search(text) and not re.search("[\n\ud800-\udfff\u2028\u2029]", text):
        assert shown == text  # ordinary text, emoji and other scripts are left alone


@given(st.text())
def test_markdown_escape_leaves_nothing_bare(text: str) -> None:
    from rolefit.render.safe_markdown import escape

    escaped = escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert not re.search(r"(?<!\\)[`|<>\[\]*_~&:#!()]", re.sub(r"\\\\", "", escaped))


@given(st.text())
def test_a_csv_cell_is_never_a_formula(text: str) -> None:
    from rolefit.render.safe_csv import cell

    assert not cell(text).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell(text).removeprefix("'") == text or cell(text) == text


# Rows of cells, the usual and those the csv module must quote: commas, quotes, line breaks, empty cells.
_CSV_CELLS = st.lists(st.text(alphabet=st.sampled_from("ab ,\"\r\n;'=é"), max_size=6), max_size=5)


@given(_CSV_CELLS)
def test_csv_rows_joined_at_once_are_the_csv_modules(cells: list[str]) -> None:
    import csv
    import io

    from rolefit.render.safe_csv import RowWriter

    joined, quoted = io.StringIO(), io.StringIO()
    RowWriter(joined).writerow(cells)
    csv.writer(quoted, lineterminator="\r\n").writerow(cells)
    assert joined.getvalue() == quoted.getvalue()


def test_warnings_of_assess_show_control_codes_escaped(cli: RunCli, tmp_path: Path) -> None:
    learner = tmp_path / "learner.yaml"
    learner.write_text('"\\e]0;pwned\\a": 1\nskills: [Python]\n')
    result = cli(["assess", str(learner), "-f", "json"])
    assert result.exit_code == 0
    assert "is not used" in result.stderr
    assert not RAW_CONTROL.search(result.stderr)
