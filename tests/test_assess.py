"""`rolefit assess` end to end: formats, exit codes, stdout hygiene, atomic output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from rolefit.formats.schemas import report_schema
from rolefit.options import ReportFormat
from rolefit.render import REPORT_MODULES

from .conftest import EXAMPLES, RunCli
from .test_roles import MINIMAL

REQUIRED_KEYS = {
    "requirement",
    "category",
    "importance",
    "target_level",
    "matched_skill",
    "match_method",
    "match_score",
    "user_level",
    "level_assumed",
    "credit",
}


def test_every_format_has_a_renderer() -> None:
    assert set(REPORT_MODULES) == set(ReportFormat)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_json_report_validates_and_explains_every_requirement(cli: RunCli, example: Path) -> None:
    result = cli(["assess", str(example), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    document = json.loads(result.stdout)
    jsonschema.validate(document, report_schema())
    assert len(document["roles"]) == 4
    for role in document["roles"]:
        for category in role["categories"]:
            for requirement in category["requirements"]:
                assert set(requirement) >= REQUIRED_KEYS
                if requirement["matched_skill"] is not None:
                    written = {s["name"] for s in document["person"]["skills"]}
                    assert requirement["matched_skill"] in written


@pytest.mark.parametrize("fmt", list(ReportFormat))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_output_is_deterministic(cli: RunCli, example: Path, fmt: ReportFormat) -> None:
    first = cli(["assess", str(example), "--format", fmt.value])
    second = cli(["assess", str(example), "--format", fmt.value])
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    assert first.stdout.strip()


def test_target_role_is_detailed(cli: RunCli) -> None:
    document = json.loads(cli(["assess", str(EXAMPLES[1]), "-f", "json"]).stdout)
    assert document["detail_reason"] == "target"
    assert document["detailed_role"] == document["person"]["target"]
    assert document["plan"]["role"] == document["detailed_role"]


def test_role_option_restricts_and_accepts_paths(cli: RunCli, tmp_path: Path) -> None:
    role_file = tmp_path / "mine.yaml"
    role_file.write_text(MINIMAL)
    result = cli(
        ["assess", "-", "--role", str(role_file), "--role", "ml-engineer", "-f", "json"], stdin="skills: [python3]\n"
    )
    document = json.loads(result.stdout)
    assert [r["id"] for r in document["roles"]] == ["my-role", "ml-engineer"]
    mine = document["roles"][0]
    assert mine["fit"] == 100
    assert mine["categories"][0]["requirements"][0]["matched_skill"] == "python3"


def test_fail_under(cli: RunCli) -> None:
    passing = cli(["assess", str(EXAMPLES[0]), "-f", "json", "--fail-under", "0"])
    assert passing.exit_code == 0
    failing = cli(["assess", str(EXAMPLES[0]), "-f", "json", "--fail-under", "100"])
    assert failing.exit_code == 1
    json.loads(failing.stdout)  # the report is still written
    assert "below --fail-under 100" in failing.stderr


def test_output_file_is_written_atomically(cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = cli(["assess", str(EXAMPLES[0]), "-f", "json", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    json.loads(target.read_text())
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_no_output_file_when_the_run_fails(cli: RunCli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("skills: {Python: 9}\n")
    target = tmp_path / "report.json"
    result = cli(["assess", str(bad), "-o", str(target)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {bad}:1:18: skill 'Python': level 9 is out of range; levels go from 0 (none) to 5 (expert)\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["bad.yaml"]


def test_unwritable_output_is_a_clear_error(cli: RunCli, tmp_path: Path) -> None:
    result = cli(["assess", str(EXAMPLES[0]), "-o", str(tmp_path / "missing" / "r.json")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'missing' / 'r.json'}: cannot write")


def test_unknown_role_and_target(cli: RunCli) -> None:
    result = cli(["assess", str(EXAMPLES[0]), "--role", "ml-engneer"])
    assert result.exit_code == 2
    assert "did you mean 'ml-engineer'?" in result.stderr
    bad_target = cli(["assess", "-"], stdin="target: reserch-scientist\nskills: [Python]\n")
    assert bad_target.exit_code == 2
    assert bad_target.stderr == (
        "error: <stdin>: target 'reserch-scientist' is not a known role; did you mean 'research-scientist'?\n"
    )


def test_user_text_is_printed_as_written(cli: RunCli) -> None:
    result = cli(["assess", "-", "--color", "never"], stdin="name: '[bold]Eve[/bold]'\nskills: ['[red]Python']\n")
    assert result.exit_code == 0
    assert "[bold]Eve[/bold]" in result.stdout


def test_markdown_escapes_user_text(cli: RunCli) -> None:
    result = cli(["assess", "-", "-f", "markdown"], stdin="name: 'a|b *c*'\nskills: [Python]\n")
    assert "a\\|b \\*c\\*" in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "colored"),
    [
        ([], {}, False),  # not a terminal
        (["--color", "always"], {}, True),
        ([], {"FORCE_COLOR": "1"}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_conventions(cli: RunCli, args: list[str], env: dict[str, str], colored: bool) -> None:
    result = cli(["assess", str(EXAMPLES[0]), *args], env=env)
    assert ("\x1b[" in result.stdout) is colored


@pytest.mark.parametrize("args", [[], ["--details", "--steps", "0"]])
def test_table_fits_80_columns(cli: RunCli, args: list[str]) -> None:
    for example in EXAMPLES:
        result = cli(["assess", str(example), *args], env={"COLUMNS": "80"})
        assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("width", [44, 80, 120])
def test_plan_items_wrap_under_their_own_text(cli: RunCli, width: int) -> None:
    """Each learning item's continuation lines start under its first word, and
    every line fits the terminal with nothing trailing."""
    args = ["assess", str(EXAMPLES[0]), "--details", "--steps", "0"]
    lines = cli(args, env={"COLUMNS": str(width)}).stdout.splitlines()
    plan = lines[next(i for i, line in enumerate(lines) if line.startswith("Learning plan")) + 1 :]
    bullets = [i for i, line in enumerate(plan) if line.startswith("   • ")]
    assert bullets
    for i in bullets[:-1]:
        after = plan[i + 1]
        assert after.startswith(("     ", "   • ")) or after[:4].strip().rstrip(".").isdigit()
    assert all(len(line) <= width and line == line.rstrip() for line in plan)


def test_steps_option(cli: RunCli) -> None:
    three = json.loads(cli(["assess", str(EXAMPLES[0]), "-f", "json", "--steps", "3"]).stdout)["plan"]
    every = json.loads(cli(["assess", str(EXAMPLES[0]), "-f", "json", "--steps", "0"]).stdout)["plan"]
    assert len(three["steps"]) == 3
    assert len(every["steps"]) == every["total_gaps"] == three["total_gaps"]
    assert [s["skill"] for s in every["steps"][:3]] == [s["skill"] for s in three["steps"]]


def test_plan_never_asks_for_what_the_person_has(cli: RunCli) -> None:
    document = json.loads(
        cli(["assess", "-", "-f", "json", "--steps", "0"], stdin="skills: {python3: expert, 'pytorch': 5}\n").stdout
    )
    planned = {s["skill"] for s in document["plan"]["steps"]}
    assert "Python" not in planned and "PyTorch" not in planned


def test_the_shipped_prepared_state_gives_the_same_report(tmp_path: Path) -> None:
    """The wheel ships the matcher and role indexes pickled; loaded, they must
    assess exactly as freshly built ones do."""
    from rolefit.formats.profiles import load_profile
    from rolefit.formats.roles import load_catalogue
    from rolefit.render.json import report_data
    from rolefit.scoring.assess import assess, compile_prepared, index_roles, load_prepared

    roles = load_catalogue()
    shipped = tmp_path / "prepared.pickle"
    shipped.write_bytes(compile_prepared(roles))
    loaded = load_prepared(shipped.read_bytes(), roles)
    assert loaded is not None
    built = index_roles(roles)
    for example in EXAMPLES:
        profile = load_profile(example)
        fresh = report_data(assess(profile, built[1], built[0]))
        assert report_data(assess(profile, loaded[1], loaded[0])) == fresh


def test_the_shipped_prepared_state_carries_each_role_digest(tmp_path: Path) -> None:
    """Every json report shows each role's digest: the shipped indexes carry it
    worked out (a run of the built-in roles hashes nothing), equal to the role's own."""
    import pickle

    from rolefit.formats.digest import role_digest
    from rolefit.formats.roles import load_catalogue
    from rolefit.scoring.assess import compile_prepared, load_prepared

    roles = load_catalogue()
    loaded = load_prepared(compile_prepared(roles), roles)
    assert loaded is not None
    assert [vars(index).get("digest") for index in loaded[1]] == [role_digest(role) for role in roles]
    # the roles are not shipped twice: the indexes hold the run's own role objects
    assert all(index.role is role for index, role in zip(loaded[1], roles, strict=True))
    assert all(
        a is b
        for index, role in zip(loaded[1], roles, strict=True)
        for a, b in zip(index.requirements, role.requirements, strict=True)
    )
    fresh = pickle.loads(pickle.dumps(loaded[1][0]))
    assert fresh.digest == role_digest(roles[0])


def test_a_stale_or_broken_prepared_state_is_ignored(tmp_path: Path) -> None:
    import pickle

    from rolefit import packaged
    from rolefit.formats.roles import builtin_roles
    from rolefit.scoring.assess import compile_prepared, load_prepared

    stale = tmp_path / "stale.pickle"
    stale.write_bytes(pickle.dumps((("0.0.1", 1), None, None)))
    broken = tmp_path / "broken.pickle"
    broken.write_bytes(b"not a pickle")
    roles = builtin_roles()
    assert load_prepared(stale.read_bytes(), roles) is None
    assert load_prepared(broken.read_bytes(), roles) is None
    assert load_prepared(packaged.read("missing.pickle"), roles) is None
    # compiled with other roles than the run has: a part it names is missing
    assert load_prepared(compile_prepared(roles), roles[:1]) is None


def test_the_default_table_answers_on_one_screen(cli: RunCli) -> None:
    """At 80 columns: ranking, coverage, gaps and next steps in about 40 lines,
    and a closing line that says how to see the rest."""
    for example in EXAMPLES:
        lines = cli(["assess", str(example)], env={"COLUMNS": "80"}).stdout.splitlines()
        assert len(lines) <= 46  # 40 or so, and the readiness line
        assert lines[-1].startswith("More: --details")
        assert any(line.startswith("Next steps for") for line in lines)


def test_details_reach_every_learning_item_and_every_gap(cli: RunCli) -> None:
    document = json.loads(cli(["assess", str(EXAMPLES[1]), "-f", "json", "--steps", "0"]).stdout)
    table = cli(["assess", str(EXAMPLES[1]), "--details", "--steps", "0"], env={"COLUMNS": "400"}).stdout
    for step in document["plan"]["steps"]:
        assert f" {step['skill']}  " in table
        for item in step["learn"]:
            assert f"• {item}\n" in table
    assert "more step" not in table and "--format markdown" not in table


def test_plan_length_defaults_to_the_view(cli: RunCli) -> None:
    """4 steps in the one-screen table, 10 with --details and in json; --steps wins."""

    def steps(*args: str) -> int:
        out = cli(["assess", str(EXAMPLES[0]), *args], env={"COLUMNS": "120"}).stdout
        return sum(1 for line in out.splitlines() if re.match(r" *\d+\. .*\+[\d.]+ fit$", line))

    assert steps() == 4
    assert steps("--details") == 10
    assert steps("--steps", "6") == 6
    assert len(json.loads(cli(["assess", str(EXAMPLES[0]), "-f", "json"]).stdout)["plan"]["steps"]) == 10


def test_a_person_with_no_gaps_is_told_so_once(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "tiny.yaml"
    role.write_text(
        "id: tiny\ntitle: Tiny\ncategories:\n  - name: Core\n    weight: 1\n    skills:\n"
        "      - {name: Python, importance: required, level: 3}\n"
    )
    out = cli(["assess", "-", "--role", str(role)], stdin="skills: {Python: 4}\n").stdout
    assert out.count("Nothing to learn for this role") == 1
    assert "Gaps" not in out and "0 of 0" not in out


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_skills_that_count_for_nothing_are_named(cli: RunCli, fmt: str) -> None:
    details = ["--details"] if fmt == "table" else []
    result = cli(
        ["assess", "-", "--role", "ml-engineer", "-f", fmt, *details],
        stdin="skills: [Cobol, python3, Basket weaving]\n",
    )
    heading = "Not counted for this role (2 of 3 entries)" if fmt == "table" else "What became of each entry (1 of 3"
    assert heading in result.stdout
    lines = result.stdout.splitlines()
    assert any("Cobol" in line and "recognised" in line for line in lines)
    assert any("Basket weaving" in line and "not recognised" in line for line in lines)


def test_warnings_go_to_stderr_and_the_report_to_stdout(cli: RunCli) -> None:
    result = cli(["assess", "-", "-f", "json"], stdin="name: Kim\nlinks: [x]\nskills:\n  - Python: expert\n")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: <stdin>:2:1: field 'links' is not used (rolefit reads name, target, seniority and skills)\n"
    )
    document = json.loads(result.stdout)
    assert document["person"]["ignored_fields"] == ["links"]
    assert document["entries"][0]["level"] == 5


def test_a_long_role_title_never_hides_the_fit(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "long.yaml"
    title = "Senior Machine Learning Engineer, Recommendations and Search Ranking Platform"
    role.write_text(
        f"id: long\ntitle: {title}\ncategories:\n  - name: Core\n    weight: 1\n    skills:\n"
        "      - {name: Python, importance: required, level: 4}\n"
    )
    out = cli(["assess", "-", "--role", str(role)], stdin="skills: {Python: 2}\n", env={"COLUMNS": "80"}).stdout
    row = next(line for line in out.splitlines() if "required 0/1" in line)
    # Python 2 of 4: (1.5**2 - 1) / (1.5**4 - 1) = 1.25 / 4.0625 = 0.308, shown cut to 30%
    assert " 30%  required 0/1" in row and "…" in row and len(row) <= 80
