"""The teaching view, `batch --compare` and `--format matrix`, checked against
answers computed apart from the code under test: a synthetic cohort whose gaps
are known by construction, and a brute force that adds each gap to each learner,
assesses them again and sums the fit they gain."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rolefit.formats.profiles import load_profile
from rolefit.formats.roles import parse_role
from rolefit.formats.schemas import batch_schema
from rolefit.model import Skill
from rolefit.scoring.assess import assess, index_roles

from .conftest import RunCli

# Made-up skills: nothing in the vocabulary knows them, so each one is met by its own name only.
FORGE = """\
id: forge
title: Forge
levels: [entry, mid, senior]
categories:
  - name: Metal
    weight: 3
    skills:
      - {name: Anvilwork, importance: required, level: {entry: 2, mid: 3, senior: 4}, learn: [Strike the anvil]}
      - {name: Quenchcraft, importance: required, level: 3, learn: [Cool it down]}
      - {name: Bellowsry, importance: {entry: preferred, mid: required, senior: required}, level: 3}
      - {name: Tongsmanship, importance: preferred, level: {entry: 2, mid: 3, senior: 4}}
  - name: Trade
    weight: 1
    skills:
      - {name: Haggleology, importance: required, level: 2}
      - {name: Ledgerism, importance: preferred, level: 3}
      - {name: Runecarving, importance: bonus, level: 4}
      - {name: Emberlore, importance: preferred, level: 2}
"""
LOOM = """\
id: loom
title: Loom
categories:
  - name: Weaving
    weight: 2
    skills:
      - {name: Warpcount, importance: required, level: 3}
      - {name: Shuttlecraft, importance: required, level: 4}
      - {name: Dyevat, importance: preferred, level: 2}
      - {name: Haggleology, importance: preferred, level: 3}
"""
SKILLS = [
    "Anvilwork", "Quenchcraft", "Bellowsry", "Tongsmanship", "Haggleology", "Ledgerism", "Runecarving",
    "Emberlore", "Warpcount", "Shuttlecraft", "Dyevat",
]  # fmt: skip
NOBODY_HAS = "Quenchcraft"  # by construction: every Forge learner lacks it, so each gains its full share


def _learner(rng: random.Random, number: int) -> str:
    lines = [f"name: Learner {number:02d}"]
    target = rng.choice([None, "forge", "forge", "loom"])
    if target:
        lines.append(f"target: {target}")
    if rng.random() < 0.4:
        lines.append(f"seniority: {rng.choice(['entry', 'mid', 'senior'])}")
    lines.append("skills:")
    for skill in rng.sample([s for s in SKILLS if s != NOBODY_HAS], rng.randint(1, 7)):
        lines.append(f"  {skill}: {rng.randint(1, 5)}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def synthetic(tmp_path: Path) -> tuple[Path, list[Path]]:
    roles = []
    (tmp_path / "roles").mkdir()
    for name, text in (("forge", FORGE), ("loom", LOOM)):
        path = tmp_path / "roles" / f"{name}.yaml"
        path.write_text(text)
        roles.append(path)
    folder = tmp_path / "cohort"
    folder.mkdir()
    rng = random.Random(13)
    for number in range(24):
        (folder / f"l{number:02d}.yaml").write_text(_learner(rng, number))
    return folder, roles


def _role_args(roles: list[Path]) -> list[str]:
    """Roles by path; or, when they sit in a `roles` folder, by id (a learner's `target` names a role by id)."""
    if all(path.parent.name == "roles" for path in roles):
        return ["--roles-dir", str(roles[0].parent), *(a for path in roles for a in ("--role", path.stem))]
    return [arg for path in roles for arg in ("--role", str(path))]


def _brute_force(folder: Path, roles: list[Path]) -> dict[str, dict[str, tuple[float, int]]]:
    """Per role id, per requirement: (fit the cohort gains, learners who gain),
    by adding each requirement at its target to each learner, one at a time,
    and assessing them again on the role they aim at (their target, else best fit)."""
    parsed = [parse_role(path.read_text(), str(path)) for path in roles]
    matcher, indexes = index_roles(parsed)
    totals: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for path in sorted(folder.glob("*.yaml")):
        profile = load_profile(path)
        now = assess(profile, indexes, matcher)
        role = now.detailed.role
        slot = role.slot(now.level)
        for requirement in role.requirements:
            others = tuple(s for s in profile.skills if s.name.casefold() != requirement.name.casefold())
            added = Skill(requirement.name, requirement.target_at(slot))
            after = assess(replace(profile, skills=(*others, added)), indexes, matcher)
            fit = next(r.fit for r in after.ranking if r.role.id == role.id)
            gain = fit - now.detailed.fit
            if gain > 1e-9:
                totals[role.id][requirement.name][0] += gain
                totals[role.id][requirement.name][1] += 1
    return {r: {name: (v[0], int(v[1])) for name, v in gains.items()} for r, gains in totals.items()}


def _batch_json(cli: RunCli, folder: Path, roles: list[Path], *extra: str) -> dict[str, Any]:
    result = cli(["batch", str(folder), *_role_args(roles), "-f", "json", *extra])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(document, batch_schema())
    return document


def test_teaching_view_ranks_gaps_by_the_fit_the_cohort_gains(cli: RunCli, synthetic: tuple[Path, list[Path]]) -> None:
    folder, roles = synthetic
    expected = _brute_force(folder, roles)
    teaching = {t["id"]: t for t in _batch_json(cli, folder, roles)["cohort"]["teaching"]}
    assert set(teaching) == set(expected)  # only the roles learners aim at
    for role_id, gains in expected.items():
        shown = teaching[role_id]["gaps"]
        assert {g["skill"]: (pytest.approx(g["fit_gain"], abs=0.01), g["learners"]) for g in shown} == {
            name: (pytest.approx(round(total, 2), abs=0.01), n) for name, (total, n) in gains.items()
        }
        # no prerequisites in these roles: the order is the ranking itself
        ranked = sorted(gains, key=lambda name: (-round(gains[name][0], 6), -gains[name][1], name.casefold()))
        assert [g["skill"] for g in shown] == ranked
        assert all(len(g["who"]) == g["learners"] for g in shown)
    # by construction: no Forge learner has Quenchcraft, so every one of them needs it
    forge = teaching["forge"]
    quench = next(g for g in forge["gaps"] if g["skill"] == NOBODY_HAS)
    assert quench["learners"] == forge["learners"] == sum(forge["levels"].values())
    assert quench["learn"] == ["Cool it down"]


PLAN_ROLE = """\
id: plan
title: Plan
categories:
  - name: Core
    weight: 1
    skills:
      - {name: Groundwork, importance: required, level: 3}
      - {name: Keystone, importance: required, level: 3, prerequisites: [Groundwork]}
      - {name: Spire, importance: required, level: 3, prerequisites: [Keystone]}
      - {name: Sidequest, importance: preferred, level: 3}
"""


def test_teaching_view_puts_prerequisites_before_what_needs_them(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    # Three required skills of weight 1 beside one preferred, whose pool is full at half its
    # weight (1/2): the preferred pool holds 1/2 / (3 + 1/2) = 1/7 of the fit, the required
    # 6/7, so a required skill reached adds 100 x 6/7 / 3 = 28.57 and Sidequest 100/7 = 14.29.
    # Gains (fit points): Spire 28.57 x 3 learners, Sidequest 14.29 + 14.29 + 8.27 (C's 1 of
    # 3 earns 0.5 / 2.375 = 0.21, filling 0.42 of the pool), Keystone 28.57 (B only),
    # Groundwork 13.53 (A, at 2 of 3: 28.57 x (1 - 1.25 / 2.375)). Spire needs Keystone, which B lacks; Keystone needs
    # Groundwork, below the basics for A: both move ahead of Spire, Groundwork first.
    (folder / "a.yaml").write_text("name: A\nskills: {Groundwork: 2, Keystone: 3}\n")
    (folder / "b.yaml").write_text("name: B\nskills: {Groundwork: 3}\n")
    (folder / "c.yaml").write_text("name: C\nskills: {Groundwork: 3, Keystone: 3, Sidequest: 1}\n")
    gaps = _batch_json(cli, folder, [role])["cohort"]["teaching"][0]["gaps"]
    assert [g["skill"] for g in gaps] == ["Groundwork", "Keystone", "Spire", "Sidequest"]
    assert [g["learners"] for g in gaps] == [1, 1, 3, 3]
    assert [g["fit_gain"] for g in gaps] == pytest.approx([13.53, 28.57, 85.71, 36.84], abs=0.01)
    assert gaps[2]["who"] == ["A", "B", "C"]
    assert [g["needed_for"] for g in gaps] == [["Keystone"], ["Spire"], [], []]


def test_teaching_view_in_the_table(cli: RunCli, synthetic: tuple[Path, list[Path]]) -> None:
    folder, roles = synthetic
    result = cli(["batch", str(folder), *_role_args(roles)], env={"COLUMNS": "80"})
    text = result.stdout
    assert "What to teach next" in text and "Most common gaps" not in text
    assert "l00.yaml" in text  # the learner table shows each file, relative to the folder given
    assert str(folder) not in text.split("Learners", 1)[1]
    assert max(len(line) for line in text.splitlines()) <= 80


# --compare ------------------------------------------------------------------


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text)


def _ada_and_her_report(cli: RunCli, tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    """The plan role, a cohort of one learner (Ada, Groundwork at 3) and its batch
    JSON report, to edit before comparing with it."""
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(folder, {"a.yaml": "name: Ada\nskills: {Groundwork: 3}\n"})
    report: dict[str, Any] = json.loads(cli(["batch", str(folder), "--role", str(role), "-f", "json"]).stdout)
    return role, folder, report


def test_compare_matches_learners_and_measures_progress(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    week1, week2 = tmp_path / "week1", tmp_path / "week2"
    week1.mkdir()
    week2.mkdir()
    _write(
        week1,
        {
            "a.yaml": "name: Ada\nskills: {Groundwork: 3}\n",
            "b.yaml": "name: Bo\nskills: {Groundwork: 3, Keystone: 3}\n",
            "old-name.yaml": "name: Cy\nskills: {Groundwork: 1}\n",
            "gone.yaml": "name: Di\nskills: {Groundwork: 1}\n",
        },
    )
    earlier = tmp_path / "week1.json"
    earlier.write_text(cli(["batch", str(week1), "--role", str(role), "-f", "json"]).stdout)
    _write(
        week2,
        {
            "a.yaml": "name: Ada\nskills: {Groundwork: 3, Keystone: 3, Spire: 3}\n",  # closed two gaps
            "b.yaml": "name: Bo\nskills: {Groundwork: 3, Keystone: 1}\n",  # went backwards
            "new-name.yaml": "name: Cy\nskills: {Groundwork: 3}\n",  # renamed: matched by name
            "new.yaml": "name: Ed\nskills: {Groundwork: 3}\n",
        },
    )
    document = _batch_json(cli, week2, [role], "--compare", str(earlier))
    learners = {learner["path"]: learner["change"] for learner in document["learners"]}
    assert learners["a.yaml"]["matched_by"] == "path"
    assert learners["a.yaml"]["gaps_closed"] == ["Keystone", "Spire"]
    # two more of three required: 2 x 28.57 (see the teaching view's test), from 28.57 cut to
    # 28.5 to 85.71 cut to 85.7
    assert learners["a.yaml"]["fit_change"] == pytest.approx(57.2)
    assert learners["b.yaml"]["fit_change"] < 0 and learners["b.yaml"]["gaps_reopened"] == ["Keystone"]
    assert learners["new-name.yaml"]["matched_by"] == "name"
    assert learners["new-name.yaml"]["earlier_file"] == "old-name.yaml"
    assert learners["new.yaml"]["matched_by"] is None
    progress = document["cohort"]["progress"]
    assert progress["new"] == ["new.yaml"] and progress["gone"] == ["gone.yaml"]
    assert progress["matched"] == 3 and progress["roles_changed"] == []
    assert progress["gaps_closed"] == [
        {"skill": "Groundwork", "learners": 1},  # Cy, now at 3
        {"skill": "Keystone", "learners": 1},
        {"skill": "Spire", "learners": 1},
    ]
    assert [b["learner"] for b in progress["backwards"]] == ["Bo (b.yaml)"]
    changes = [learners[p]["fit_change"] for p in ("a.yaml", "b.yaml", "new-name.yaml")]
    assert progress["mean_fit_change"] == pytest.approx(round(sum(changes) / 3, 1), abs=0.05)


def test_compare_csv_columns_and_fail_under(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(folder, {"a.yaml": "name: Ada\nskills: {Groundwork: 3}\n"})
    earlier = tmp_path / "before.json"
    earlier.write_text(cli(["batch", str(folder), "--role", str(role), "-f", "json"]).stdout)
    _write(folder, {"a.yaml": "name: Ada\nskills: {Groundwork: 3, Keystone: 3}\n"})
    result = cli(["batch", str(folder), "--role", str(role), "-f", "csv", "--compare", str(earlier)])
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["matched_by"], row["gaps_closed"]) == ("path", "Keystone")
    assert float(row["fit"]) == pytest.approx(float(row["fit_before"]) + float(row["fit_change"]))
    failing = cli(["batch", str(folder), "--role", str(role), "--compare", str(earlier), "--fail-under", "90", "-q"])
    assert failing.exit_code == 1  # --fail-under keeps its meaning
    plain = cli(["batch", str(folder), "--role", str(role), "-f", "csv"]).stdout
    assert "fit_change" not in plain.splitlines()[0]  # without --compare, the columns are as before


def test_compare_keeps_an_earlier_learner_for_the_file_at_its_path(cli: RunCli, tmp_path: Path) -> None:
    """By name only what no file of this run holds by path: Ada's earlier entry stays
    hers though a new file of another learner named Ada comes first; a report whose
    paths no longer fit (the run given the folder above) still matches by file."""
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "top" / "cohort"
    folder.mkdir(parents=True)
    _write(folder, {"b-ada.yaml": "name: Ada\nskills: {Groundwork: 3}\n"})
    earlier = tmp_path / "before.json"
    earlier.write_text(cli(["batch", str(folder), "--role", str(role), "-f", "json"]).stdout)
    _write(folder, {"a-ada.yaml": "name: Ada\nskills: {Keystone: 3}\n"})  # listed first, same name
    changes = {
        learner["path"]: learner["change"]
        for learner in _batch_json(cli, folder, [role], "--compare", str(earlier))["learners"]
    }
    assert changes["a-ada.yaml"]["matched_by"] is None
    assert (changes["b-ada.yaml"]["matched_by"], changes["b-ada.yaml"]["earlier_file"]) == ("path", "b-ada.yaml")
    above = _batch_json(cli, folder.parent, [role], "--compare", str(earlier))  # paths now cohort/...: by file
    by_path = {learner["path"]: learner["change"] for learner in above["learners"]}
    assert by_path["cohort/b-ada.yaml"]["matched_by"] == "path"
    assert by_path["cohort/a-ada.yaml"]["matched_by"] is None


@pytest.mark.parametrize(
    ("fit", "expected"),
    [(40, 40.0), (40.25, 40.2), (True, None), ("40", None), (150, None), (-1, None), (float("nan"), None)],
)
def test_compare_reads_an_earlier_fit_only_when_it_is_a_figure(
    cli: RunCli, tmp_path: Path, fit: object, expected: float | None
) -> None:
    role, folder, report = _ada_and_her_report(cli, tmp_path)
    report["learners"][0]["fits"]["plan"] = fit
    earlier = tmp_path / "before.json"
    earlier.write_text(json.dumps(report))  # NaN as Python's json writes it
    (learner,) = _batch_json(cli, folder, [role], "--compare", str(earlier))["learners"]
    change = learner["change"]
    assert change["matched_by"] == "path" and change["fit_before"] == expected
    if expected is None:
        assert change["fit_change"] is None
    else:
        assert change["fit_change"] == pytest.approx(learner["fit"] - expected)


def test_compare_finds_gaps_reopened_when_as_many_are_met_now_as_then(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(
        folder,
        {
            "swap.yaml": "name: Ada\nskills: {Groundwork: 3, Keystone: 3}\n",
            "more.yaml": "name: Bo\nskills: {Groundwork: 3}\n",
        },
    )
    earlier = json.loads(cli(["batch", str(folder), "--role", str(role), "-f", "json"]).stdout)
    for learner in earlier["learners"]:  # a requirement the role has since lost is never reported reopened
        if learner["name"] == "Bo":
            learner["met"].append("Retired skill")
    (tmp_path / "before.json").write_text(json.dumps(earlier))
    _write(
        folder,
        {
            "swap.yaml": "name: Ada\nskills: {Groundwork: 3, Sidequest: 3}\n",  # one met for another
            "more.yaml": "name: Bo\nskills: {Groundwork: 3, Keystone: 3}\n",
        },
    )
    document = _batch_json(cli, folder, [role], "--compare", str(tmp_path / "before.json"))
    changes = {learner["path"]: learner["change"] for learner in document["learners"]}
    assert (changes["swap.yaml"]["gaps_closed"], changes["swap.yaml"]["gaps_reopened"]) == (["Sidequest"], ["Keystone"])
    assert (changes["more.yaml"]["gaps_closed"], changes["more.yaml"]["gaps_reopened"]) == (["Keystone"], [])


def test_compare_says_when_a_role_changed(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(folder, {"a.yaml": "name: Ada\nskills: {Groundwork: 3}\n"})
    earlier = tmp_path / "before.json"
    earlier.write_text(cli(["batch", str(folder), "--role", str(role), "-f", "json"]).stdout)
    same = _batch_json(cli, folder, [role], "--compare", str(earlier))
    assert same["cohort"]["progress"]["roles_changed"] == []
    role.write_text(
        PLAN_ROLE.replace(
            "{name: Spire, importance: required, level: 3", "{name: Spire, importance: required, level: 4"
        )
    )
    edited = _batch_json(cli, folder, [role], "--compare", str(earlier))
    assert edited["cohort"]["progress"]["roles_changed"] == ["plan"]
    table = cli(["batch", str(folder), "--role", str(role), "--compare", str(earlier)]).stdout
    assert "roles changed since then: plan" in table


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"learners": 3}', "is not a batch report"),
        ('{"cohort": {}, "learners": [{}]}', "unexpected shape"),
        ('{"cohort": {}, "learners": [3]}', "unexpected shape"),
        # a learner's entry read as one, whatever holds it, then refused where it is no learner
        ('{"cohort": {}, "learners": [{"detailed_role": "x", "file": "a.yaml"}]}', "unexpected shape"),
        ('{"cohort": {}, "learners": [{"detailed_role": "x", "fits": [], "file": "a.yaml"}]}', "unexpected shape"),
        ('{"cohort": {}, "learners": [{"detailed_role": "x", "fits": {}}]}', "unexpected shape"),
        (
            '{"cohort": {}, "learners": [], "roles": [{"detailed_role": "x", "fits": {}, "file": "a"}]}',
            "unexpected shape",
        ),
        ('{"detailed_role": "x", "fits": {}, "file": "a.yaml", "cohort": {}, "learners": []}', "not a batch report"),
    ],
)
def test_compare_with_a_bad_file(cli: RunCli, tmp_path: Path, content: str, message: str) -> None:
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(folder, {"a.yaml": "skills: {Python: 3}\n"})
    earlier = tmp_path / "earlier.json"
    earlier.write_text(content)
    result = cli(["batch", str(folder), "--compare", str(earlier)])
    assert result.exit_code == 2
    assert f"error: {earlier}: " in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


# --format matrix ------------------------------------------------------------


def test_matrix_has_a_column_per_requirement(cli: RunCli, tmp_path: Path) -> None:
    role = tmp_path / "plan.yaml"
    role.write_text(PLAN_ROLE)
    folder = tmp_path / "cohort"
    folder.mkdir()
    _write(folder, {"a.yaml": "name: '=HYPERLINK(1)'\nskills: {Groundwork: 2, Spire: 5}\n", "b.yaml": "skills: ["})
    result = cli(["batch", str(folder), "--role", str(role), "-f", "matrix"])
    assert result.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "file",
        "name",
        "role",
        "level",
        *(f"plan: {n}" for n in ("Groundwork", "Keystone", "Spire", "Sidequest")),
        "error",
    ]
    good = next(r for r in rows if r["file"].endswith("a.yaml"))
    assert good["name"] == "'=HYPERLINK(1)"  # never a formula
    assert (good["plan: Groundwork"], good["plan: Keystone"], good["plan: Spire"]) == ("2", "", "5")
    bad = next(r for r in rows if r["file"].endswith("b.yaml"))
    assert bad["error"] and not bad["plan: Groundwork"]


@pytest.mark.parametrize("level", ["entry", "mid", "senior"])
def test_gap_gains_agree_with_fit_gain(level: str) -> None:
    """The teaching view's one-pass gains are RoleResult.fit_gain for every requirement."""
    from rolefit.formats.roles import builtin_roles
    from rolefit.scoring.plan import gap_gains

    from .conftest import EXAMPLES

    matcher, indexes = index_roles(builtin_roles())
    for example in EXAMPLES:
        for result in assess(load_profile(example), indexes, matcher, level=level).ranking:  # type: ignore[arg-type]
            gains = {p: g for p, g, _ in gap_gains(result)}
            for position in range(len(result.index.requirements)):
                assert gains.get(position, 0.0) == pytest.approx(result.fit_gain(position), abs=1e-6)


@pytest.mark.parametrize(
    ("source", "roots", "label"),
    [
        ("cohort/a.yaml", ["cohort"], "a.yaml"),
        ("cohort/week-1/a.yaml", ["cohort/", "cohort/week-1"], "a.yaml"),
        ("elsewhere/a.yaml", ["cohort"], "elsewhere/a.yaml"),
        ("cohortx/a.yaml", ["cohort"], "cohortx/a.yaml"),
    ],
)
def test_files_are_labelled_relative_to_the_folder_given(source: str, roots: list[str], label: str) -> None:
    from rolefit.cohort.run import relative_label

    assert relative_label(source, roots) == label


def test_a_gap_names_at_most_a_hundred_learners_and_counts_them_all() -> None:
    from rolefit.cohort.batch import LearnerScore
    from rolefit.cohort.teaching import WHO_LISTED, TeachingBuilder

    parsed = parse_role(PLAN_ROLE, "plan.yaml")
    _, indexes = index_roles([parsed])
    builder = TeachingBuilder(indexes)
    many = WHO_LISTED + 7
    for number in range(many):
        builder.add(
            LearnerScore(
                *(f"l{number}.yaml", f"L{number}", None, 1, 0, "mid", (0.0,), 0, "best fit", (0.0,), None, (), (), ()),
                gains=((0, 25.0, True),),
            )
        )
    (lessons,) = builder.build()
    (lesson,) = lessons.lessons
    assert lesson.learners == many and lesson.gain == pytest.approx(25.0 * many)
    assert lesson.who == tuple(f"L{n}" for n in range(WHO_LISTED))


def test_compare_with_a_report_from_before_digests(cli: RunCli, tmp_path: Path) -> None:
    """An earlier batch JSON without `path`, `met` or role digests still compares:
    by file, with the roles' changes unknown and no gaps closed claimed."""
    role, folder, document = _ada_and_her_report(cli, tmp_path)
    for learner in document["learners"]:
        del learner["path"], learner["met"]
    for entry in document["roles"]:
        del entry["digest"]
    earlier = tmp_path / "old.json"
    earlier.write_text(json.dumps(document))
    _write(folder, {"a.yaml": "name: Ada\nskills: {Groundwork: 3, Keystone: 3}\n"})
    now = _batch_json(cli, folder, [role], "--compare", str(earlier))
    (learner,) = now["learners"]
    assert learner["change"]["matched_by"] == "path" and learner["change"]["gaps_closed"] == []
    assert learner["change"]["fit_change"] > 0
    assert now["cohort"]["progress"]["roles_unknown"] == ["plan"]
