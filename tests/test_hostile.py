"""Hostile input, tried as an attacker would (issue 8, section 2).

Every case ends the same way: a message naming the file (and line:col where
there is one), exit 2, no traceback, and every good learner of a batch still
scored. Output never carries user text as markup or control codes, and `-o`
writes the file the user named.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

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
    "level-inf": ("skills:\n  Python: .inf\n", "2:11", "level must be a whole number"),
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
    from rolefit.roles import parse_role

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
    result = cli(["batch", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert sorted(learner["name"] for learner in json.loads(result.stdout)["learners"]) == [
        "Deep learner",
        "Good learner",
    ]


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
    from rolefit import yamlsafe

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
    import rolefit.batch

    started: list[int] = []
    real = rolefit.batch.score_files

    def spy(paths, prepared, ids, workers, on_done=None):  # type: ignore[no-untyped-def]
        started.append(workers)
        return real(paths, prepared, ids, workers, on_done)

    monkeypatch.setattr(rolefit.batch, "score_files", spy)
    monkeypatch.setattr(rolefit.batch, "usable_cpus", lambda: 2)
    folder = tmp_path / "cohort"
    folder.mkdir()
    for number in range(3 * rolefit.batch.CHUNK):
        (folder / f"l{number:03d}.yaml").write_text(GOOD)
    result = cli(["batch", str(folder), "--jobs", jobs, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert started == [2]
    assert len(result.stdout.splitlines()) == 1 + 3 * rolefit.batch.CHUNK


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("max 100000\n", None), ("200000 100000\n", 2), ("150000 100000\n", 2), ("50000 100000\n", 1), ("garbage", None)],
)
def test_cgroup_quota(tmp_path: Path, cpu_max: str, expected: int | None) -> None:
    from rolefit.batch import _cgroup_quota

    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert _cgroup_quota(str(path)) == expected
    assert _cgroup_quota(str(tmp_path / "absent")) is None


def test_usable_cpus_reads_the_affinity_not_the_machine() -> None:
    from rolefit.batch import usable_cpus

    if hasattr(os, "sched_getaffinity"):
        assert 1 <= usable_cpus() <= len(os.sched_getaffinity(0))
    else:
        assert usable_cpus() >= 1
