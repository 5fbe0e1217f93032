"""`rolefit batch`: every good learner scored, every bad file named, same output
whatever --jobs is, and a cohort summary that can be checked by hand."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rolefit.cohort.batch import CHUNK, discover
from rolefit.formats.schemas import batch_schema
from rolefit.options import BatchFormat
from rolefit.render import BATCH_MODULES

from .conftest import DATA, EXAMPLES, RunCli
from .test_roles import MINIMAL

BROKEN = ["invalid-yaml.yaml", "top-level-list.yaml", "alias-bomb.yaml", "deep-flow.yaml", "not-utf8.yaml"]


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """The examples, a nested folder of variations, and five broken files."""
    folder = tmp_path / "cohort"
    (folder / "week-1").mkdir(parents=True)
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    for number in range(12):
        (folder / "week-1" / f"learner-{number:02d}.yaml").write_text(
            f"name: Learner {number}\nskills:\n  Python: {number % 6}\n  torch: 3\n  SQL:\n"
        )
    for name in BROKEN:
        shutil.copy(DATA / "bad" / name, folder / name)
    return folder


def test_every_format_has_a_writer() -> None:
    assert set(BATCH_MODULES) == set(BatchFormat)


def test_good_learners_scored_and_bad_files_named(cli: RunCli, cohort: Path) -> None:
    result = cli(["batch", str(cohort), "--format", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    jsonschema.validate(document, batch_schema())
    assert len(document["learners"]) == len(EXAMPLES) + 12
    assert sorted(Path(e["file"]).name for e in document["errors"]) == sorted(BROKEN)
    for name in BROKEN:
        assert f"error: {cohort / name}:" in result.stderr
    assert document["cohort"]["learners"] == len(EXAMPLES) + 12
    assert document["cohort"]["failed"] == len(BROKEN)


@pytest.mark.parametrize("fmt", list(BatchFormat))
def test_same_output_whatever_the_jobs(cli: RunCli, tmp_path: Path, fmt: BatchFormat) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(2 * CHUNK + 7):  # enough for the worker pool to be used
        example = EXAMPLES[number % len(EXAMPLES)].read_text()
        (folder / f"l{number:03d}.yaml").write_text(example.replace("name: ", f"name: L{number} ", 1))
    (folder / "broken.yaml").write_text("skills: [")
    outputs = {jobs: cli(["batch", str(folder), "-f", fmt.value, "--jobs", str(jobs)]) for jobs in (1, 2)}
    assert outputs[1].exit_code == outputs[2].exit_code == 2
    assert outputs[1].stdout == outputs[2].stdout
    assert outputs[1].stdout.strip()


def test_a_learner_score_has_its_fields_by_name_and_survives_the_pipe() -> None:
    """Scorer.score fills LearnerScore by position; a worker pickles it for the run's process."""
    import pickle

    from rolefit.cohort.batch import LearnerScore, Scorer, Wants
    from rolefit.formats.roles import select_roles
    from rolefit.scoring.assess import index_roles

    catalogue, roles = select_roles([], None)
    prepared = index_roles(roles)
    example = str(EXAMPLES[0])
    score = Scorer(prepared, [r.id for r in catalogue], wants=Wants(coverages=True)).score(example)
    assert isinstance(score, LearnerScore)
    assert (score.source, score.path, score.change, score.level) == (example, "", None, "mid")
    assert len(score.fits) == len(score.required_met) == len(score.coverages) == len(score.met_required) == len(roles)
    assert score.fit_by_level and score.detail_reason in ("target", "best fit")
    copy = pickle.loads(pickle.dumps(score))
    assert type(copy) is LearnerScore and copy == score and copy._asdict() == score._asdict()
    # placed sets the run's fields (the last two) and leaves every other as it was
    change = object()
    placed = score.placed("a/b.yaml", change)  # type: ignore[arg-type]
    assert type(placed) is LearnerScore
    assert placed._asdict() == {**score._asdict(), "path": "a/b.yaml", "change": change}


def test_csv_has_a_row_per_file(cli: RunCli, cohort: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(cli(["batch", str(cohort), "-f", "csv"]).stdout)))
    assert len(rows) == len(EXAMPLES) + 12 + len(BROKEN)
    assert list(rows[0])[:9] == [
        "file",
        "name",
        "target",
        "role",
        "level",
        "fit",
        "ready_for",
        "required_met",
        "required_total",
    ]
    assert "fit_ml-engineer" in rows[0]
    broken = [r for r in rows if r["error"]]
    assert sorted(Path(r["file"]).name for r in broken) == sorted(BROKEN)
    assert all(r["fit"] == "" for r in broken)
    for row in rows:
        if not row["error"]:
            assert 0 <= float(row["fit"]) <= 100
            assert row["fit"] == row[f"fit_{row['role']}"]
            assert row["level"] == "mid" and row["ready_for"] in ("", "any", "entry", "mid", "senior")


def test_csv_neutralises_spreadsheet_formulas(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "evil.yaml").write_text("name: '=HYPERLINK(\"http://x\")'\nskills: [Python]\n")
    rows = list(csv.DictReader(io.StringIO(cli(["batch", str(tmp_path), "-f", "csv"]).stdout)))
    assert rows[0]["name"] == '\'=HYPERLINK("http://x")'


def test_jsonl_streams_learners_and_errors(cli: RunCli, cohort: Path) -> None:
    lines = [json.loads(line) for line in cli(["batch", str(cohort), "-f", "jsonl"]).stdout.splitlines()]
    schema = batch_schema()
    for line in lines:
        definition = schema["$defs"][line["type"]]
        jsonschema.validate(line, {**definition, "$defs": schema["$defs"]})
    assert sum(line["type"] == "learner" for line in lines) == len(EXAMPLES) + 12
    assert sum(line["type"] == "error" for line in lines) == len(BROKEN)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_cohort_view_comes_first(cli: RunCli, cohort: Path, fmt: str) -> None:
    result = cli(["batch", str(cohort), "-f", fmt], env={"COLUMNS": "80"})
    text = result.stdout
    assert text.index("Fit by role") < text.index("What to teach next") < text.index("Learners")
    if fmt == "table":
        assert max(len(line) for line in text.splitlines()) <= 80


def test_cohort_summary_by_hand(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "role.yaml"
    role.write_text(MINIMAL)
    people = tmp_path / "people"
    people.mkdir()
    (people / "a.yaml").write_text("skills: {Python: 3}\n")  # fit 100
    (people / "b.yaml").write_text("skills: {Python: 0}\n")  # fit 0
    (people / "c.yaml").write_text("skills: {python3: 2}\n")  # fit 52.6: (1.5**2 - 1) / (1.5**3 - 1)
    document = json.loads(cli(["batch", str(people), "--role", str(role), "-f", "json"]).stdout)
    summary = document["cohort"]["roles"][0]
    assert summary["fit"]["median"] == 52.6  # cut, never rounded up (rolefit.scoring.figures)
    assert summary["fit"]["min"] == 0 and summary["fit"]["max"] == 100
    assert summary["fit"]["histogram"] == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1]
    assert summary["common_gaps"] == [{"skill": "Python", "category": "Programming", "learners": 2, "share": 0.6667}]
    assert summary["categories"] == [{"name": "Programming", "mean_coverage": 50.8}]  # (100 + 0 + 52.6) / 3
    assert (summary["ready_for"], summary["not_ready"]) == ({"any": 1}, 2)  # a one-level role: a is ready
    assert [learner["ready_for"] for learner in document["learners"]] == ["any", None, None]


LEVELLED = DATA / "roles" / "levelled.yaml"


def test_level_option_and_seniority_in_batch(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: {Python: 4, PyTorch: 3, Docker: 1}\n")  # ready for mid
    (tmp_path / "b.yaml").write_text("seniority: senior\nskills: {Python: 3, JAX: 2}\n")  # ready for entry
    (tmp_path / "c.yaml").write_text("skills: {SQL: 3}\n")  # ready for none
    args = ["batch", str(tmp_path), "--role", str(LEVELLED), "-f", "json"]
    document = json.loads(cli(args).stdout)
    jsonschema.validate(document, batch_schema())
    learners = document["learners"]
    assert [(x["level"], x["ready_for"]) for x in learners] == [("mid", "mid"), ("senior", "entry"), ("mid", None)]
    assert learners[0]["fit_by_level"] == {"entry": 100.0, "mid": 82.0, "senior": 40.3}  # docs/fit.md
    assert learners[0]["fit"] == 82.0 and learners[1]["fit"] == learners[1]["fit_by_level"]["senior"]
    cohort = document["cohort"]["roles"][0]
    assert (cohort["ready_for"], cohort["not_ready"]) == ({"entry": 1, "mid": 1, "senior": 0}, 1)
    fixed = json.loads(cli([*args, "--level", "entry"]).stdout)["learners"]
    assert [x["level"] for x in fixed] == ["entry"] * 3
    assert fixed[0]["fit"] == 100.0


def test_fail_under(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: [Python]\n")
    assert cli(["batch", str(tmp_path), "-f", "csv", "--fail-under", "0"]).exit_code == 0
    failing = cli(["batch", str(tmp_path), "-f", "csv", "--fail-under", "99"])
    assert failing.exit_code == 1
    assert "1 learner has a fit below --fail-under 99" in failing.stderr


@pytest.mark.parametrize(
    ("files", "summary"),
    [
        (["a"], "rolefit: 1 learner scored\n"),
        (["a", "b"], "rolefit: 2 learners scored\n"),
        (["a", "b", "bad"], "rolefit: 2 learners scored, 1 file could not be read\n"),
    ],
)
def test_summary_counts_read_right(cli: RunCli, tmp_path: Path, files: list[str], summary: str) -> None:
    for name in files:
        (tmp_path / f"{name}.yaml").write_text("skills: [Python]\n" if name != "bad" else "skills: 3\n")
    result = cli(["batch", str(tmp_path), "-f", "csv"])
    assert result.stderr.endswith(summary)


def test_an_empty_folder_is_one_clear_error(cli: RunCli, tmp_path: Path) -> None:
    result = cli(["batch", str(tmp_path), "-f", "csv", "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}: no skills files (*.yaml, *.yml) found\n"
    assert not (tmp_path / "out.csv").exists()


def test_quiet_keeps_stderr_for_errors_only(cli: RunCli, cohort: Path) -> None:
    result = cli(["batch", str(cohort), "-f", "csv", "--quiet"])
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())


def test_files_listed_twice_are_scored_once(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: [Python]\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text("skills: [SQL]\n")
    (tmp_path / "sub" / "notes.txt").write_text("not a skills file")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("skills: [R]\n")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a symlink loop
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    os.link(tmp_path / "a.yaml", tmp_path / "sub" / "same.yaml")  # one file under two names
    found, errors, identities = discover([tmp_path, tmp_path / "a.yaml", tmp_path / "sub"])
    assert errors == []
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == ["a.yaml", "sub/b.yml"]
    a, b = (tmp_path / "a.yaml").stat(), (tmp_path / "sub" / "b.yml").stat()
    assert identities == {(a.st_dev, a.st_ino): found[0], (b.st_dev, b.st_ino): found[1]}


def test_missing_path_is_reported_and_the_rest_scored(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: [Python]\n")
    result = cli(["batch", str(tmp_path), str(tmp_path / "nope"), "-f", "json"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert len(document["learners"]) == 1
    assert f"error: {tmp_path / 'nope'}: no such file or folder" in result.stderr


def test_unknown_target_is_a_bad_file(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("target: ml-enginer\nskills: [Python]\n")
    result = cli(["batch", str(tmp_path), "-f", "csv"])
    assert result.exit_code == 2
    assert "target 'ml-enginer' is not a known role; did you mean 'ml-engineer'?" in result.stderr


def test_interrupted_run_leaves_no_output(
    cli: RunCli, cohort: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rolefit.cohort.batch

    real = rolefit.cohort.batch.score_files

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for number, outcome in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if number == 3:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(rolefit.cohort.batch, "score_files", interrupted)
    target = tmp_path / "out.csv"
    result = cli(["batch", str(cohort), "-f", "csv", "-o", str(target)])
    assert result.exit_code != 0
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.csv")]


def test_batch_and_assess_agree(cli: RunCli, tmp_path: Path) -> None:
    """One code path: a learner's fit and top gaps in batch are those assess reports."""
    for example in EXAMPLES:
        shutil.copy(example, tmp_path / example.name)
    learners = {
        Path(line["file"]).name: line
        for line in map(json.loads, cli(["batch", str(tmp_path), "-f", "jsonl"]).stdout.splitlines())
    }
    for example in EXAMPLES:
        report = json.loads(cli(["assess", str(example), "-f", "json"]).stdout)
        learner = learners[example.name]
        assert learner["detailed_role"] == report["detailed_role"]
        assert learner["fits"] == {r["id"]: r["fit"] for r in report["roles"]}
        assert learner["top_gaps"] == [s["skill"] for s in report["plan"]["steps"][:3]]


def test_progress_bar_on_a_terminal_leaves_stdout_alone(tmp_path: Path) -> None:
    """With stderr on a terminal the progress bar shows; stdout (piped) must still
    get the whole report: Rich's Progress redirects stdout into its own console
    unless told not to."""
    import os
    import subprocess
    import sys

    pty = pytest.importorskip("pty")
    for number in range(220):  # above the size at which the bar is shown
        (tmp_path / f"l{number:03d}.yaml").write_text("skills: [Python, SQL]\n")
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "rolefit", "batch", str(tmp_path), "-f", "csv", "--jobs", "1"],
            stdout=subprocess.PIPE,
            stderr=secondary,
            timeout=120,
            check=False,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert proc.returncode == 0
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert len(rows) == 220


def test_a_file_that_kills_its_worker_loses_no_other_learner(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate a file that crashes the parser inside a worker (the process dies,
    no exception): the rest are scored one per process and that file is named."""
    import multiprocessing
    import os

    import rolefit.cohort.batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the simulated crash is planted in the parent and needs forked workers")
    for number in range(2 * CHUNK + 5):
        (tmp_path / f"l{number:03d}.yaml").write_text("skills: [Python]\n")
    (tmp_path / "l070-crash.yaml").write_text("skills: [Python]\n")
    real = rolefit.cohort.batch.Scorer.score

    def score(self: rolefit.cohort.batch.Scorer, path: str) -> rolefit.cohort.batch.Outcome:
        if "crash" in path:
            os._exit(1)
        return real(self, path)

    monkeypatch.setattr(rolefit.cohort.batch.Scorer, "score", score)
    result = cli(["batch", str(tmp_path), "-f", "jsonl", "--jobs", "2"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 2
    assert sum(line["type"] == "learner" for line in lines) == 2 * CHUNK + 5
    assert [line["file"] for line in lines if line["type"] == "error"] == [str(tmp_path / "l070-crash.yaml")]
    assert "the process reading this file died" in result.stderr
    assert [Path(line["file"]).name for line in lines] == sorted(p.name for p in tmp_path.iterdir())


def test_scoring_a_learner_leaves_no_reference_cycles(cohort: Path) -> None:
    """A cohort makes thousands of results: each must be freed as soon as it is
    done with, not left for the cyclic garbage collector to find."""
    import gc

    from rolefit.cohort.batch import Scorer
    from rolefit.formats.roles import load_catalogue
    from rolefit.scoring.assess import index_roles

    catalogue = load_catalogue()
    scorer = Scorer(index_roles(catalogue), [r.id for r in catalogue])
    files, _, _ = discover([cohort])
    for path in files:  # the first time, the memos fill
        scorer.score(path)
    gc.collect()
    gc.disable()
    try:
        outcomes = [scorer.score(path) for path in files]
        del outcomes
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_in_a_folder_is_named_not_waited_on(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("skills: [Python]\n")
    os.mkfifo(tmp_path / "pipe.yaml")  # reading it would wait for a writer forever
    result = cli(["batch", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["type"], Path(line["file"]).name) for line in lines] == [
        ("error", "pipe.yaml"),
        ("learner", "a.yaml"),
    ]
    assert "is not a regular file" in lines[0]["problems"][0]["message"]


def test_an_unreadable_folder_is_named(cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_text("skills: [Python]\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text("skills: [SQL]\n")
    real_scandir = os.scandir

    def scandir(folder: str) -> Any:  # as if locked had mode 000 (root would read it anyway)
        if Path(folder) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(folder)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli(["batch", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 2
    assert f"{locked}: cannot read this folder: Permission denied" in result.stderr
    assert [json.loads(line)["type"] for line in result.stdout.splitlines()] == ["error", "learner"]


def test_warnings_of_each_file_go_to_stderr_unless_quiet(cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("name: A\nemail: a@example.org\nskills: [Python]\n")
    (tmp_path / "b.yaml").write_text("skills: [SQL]\n")
    result = cli(["batch", str(tmp_path), "-f", "csv", "--jobs", "1"])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("warning:")] == [
        f"warning: {tmp_path / 'a.yaml'}:2:1: field 'email' is not used (rolefit reads name, target, seniority and skills)"
    ]
    assert "warning" not in cli(["batch", str(tmp_path), "-f", "csv", "--quiet"]).stderr


def test_a_short_form_read_in_its_file_scores_each_learner_as_alone(cli: RunCli, tmp_path: Path) -> None:
    """ "CV: 4" beside NLP and deep learning is computer vision; beside Python alone
    it is too ambiguous to credit. A batch remembers what each string at a level
    earns; it must not hand one file's reading to the next: each learner scores as
    `assess` scores them alone, whichever file comes first."""
    reads = tmp_path / "a-reads.yaml"
    reads.write_text("name: A\nskills:\n  CV: 4\n  NLP: 3\n  Deep learning: 3\n  PyTorch: 3\n")
    alone = tmp_path / "b-alone.yaml"
    alone.write_text("name: B\nskills:\n  CV: 4\n  Python: 3\n")
    own = {}
    for path in (reads, alone):
        report = json.loads(cli(["assess", str(path), "-f", "json"]).stdout)
        own[str(path)] = {role["id"]: role["fit"] for role in report["roles"]}
    assert own[str(reads)] != own[str(alone)]
    for order in ([reads, alone], [alone, reads]):
        rows = list(csv.DictReader(io.StringIO(cli(["batch", *map(str, order), "-f", "csv"]).stdout)))
        for row in rows:
            fits = {key[len("fit_") :]: float(value) for key, value in row.items() if key.startswith("fit_")}
            assert fits == pytest.approx({k: round(v, 1) for k, v in own[row["file"]].items()}, abs=0.05)
