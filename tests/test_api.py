"""The public Python API: the same answers as the commands, as plain data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rolefit import api
from rolefit.errors import RolefitError

from .conftest import EXAMPLES, RunCli
from .test_roles import MINIMAL

TEXT = "name: Ada\ntarget: ml-engineer\nskills:\n  Python: 4\n  PyTorch: advanced\n  Docker:\n"


def test_a_profile_from_a_path_text_or_dict_is_the_same(tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    path.write_text(TEXT)
    data = {"name": "Ada", "target": "ml-engineer", "skills": {"Python": 4, "PyTorch": "advanced", "Docker": None}}
    profiles = [
        api.load_profile(path),
        api.load_profile(str(path)),
        api.profile_from_text(TEXT),
        api.profile_from_dict(data),
    ]
    assert len({(p.name, p.target, p.skills) for p in profiles}) == 1


def test_bad_input_raises_the_one_error_type() -> None:
    with pytest.raises(RolefitError) as caught:
        api.profile_from_dict({"skills": {"Python": "guru"}}, "mine")
    assert caught.value.problems[0].path == "mine"
    with pytest.raises(RolefitError):
        api.assess(api.profile_from_text("target: MLE\nskills: [Python]\n"))


def test_assess_gives_what_the_json_report_says(cli: RunCli) -> None:
    result = api.assess(api.load_profile(EXAMPLES[0]))
    report = json.loads(cli(["assess", str(EXAMPLES[0]), "--format", "json"]).stdout)
    assert result.detailed.role.id == report["detailed_role"]
    assert [r.role.id for r in result.ranking] == [r["id"] for r in report["roles"]]
    assert [e.number for e in result.not_counted] == [e["entry"] for e in report["not_counted"]]


def test_roles_are_the_builtin_ones_plus_a_folder(tmp_path: Path) -> None:
    builtin = api.load_roles()
    assert len(builtin) == 4
    (tmp_path / "mine.yaml").write_text(MINIMAL)
    mine = api.load_roles(tmp_path)
    assert [r.id for r in mine[:4]] == [r.id for r in builtin] and len(mine) == 5
    only = api.load_roles(tmp_path, names=[mine[4].id])
    profile = api.profile_from_text(f"target: {mine[4].id}\nskills: [Python]\n")
    assert api.assess(profile, only).detailed.role.id == mine[4].id


def test_score_cohort_gives_one_flat_record_per_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(TEXT)
    (tmp_path / "b.yaml").write_text("skills: {Python: guru}\n")
    records = api.score_cohort([tmp_path])
    assert [Path(str(r["file"])).name for r in records] == ["a.yaml", "b.yaml"]
    assert len({tuple(r) for r in records}) == 1  # the same columns in every record
    assert all(v is None or isinstance(v, (str, int, float, bool)) for r in records for v in r.values())
    good, bad = records
    assert (good["role"], good["error"], bad["fit"]) == ("ml-engineer", None, None)
    assert isinstance(good["fit"], float) and good["fit:ml-engineer"] == good["fit"]
    assert "unknown level 'guru'" in str(bad["error"])


def test_records_make_a_data_frame(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")

    (tmp_path / "a.yaml").write_text(TEXT)
    frame = pandas.DataFrame(api.score_cohort([tmp_path]))
    assert list(frame["role"]) == ["ml-engineer"]
