"""Guarded YAML reading: every bad file becomes a located RolefitError, with
the C loader and the pure-Python one alike."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rolefit.errors import RolefitError
from rolefit.yaml import full as yamlfull
from rolefit.yaml import safe as yamlsafe

from .conftest import DATA, EXAMPLES

LOADERS = pytest.mark.parametrize("loader", yamlfull.LOADERS, ids=lambda c: c.__name__)


@LOADERS
def test_yaml_12_scalars_stay_as_written(loader: type[Any]) -> None:
    data = yamlsafe.parse("skills: [NO, yes, on, Off]\nwhen: 2024-05-01\nt: 1:30\nok: true\n", "f", loader)
    assert data == {"skills": ["NO", "yes", "on", "Off"], "when": "2024-05-01", "t": "1:30", "ok": True}


@LOADERS
def test_marks_are_one_based(loader: type[Any]) -> None:
    data = yamlsafe.parse("a: 1\nb:\n  - x\n  - y\n", "f", loader)
    assert data.key_marks == {"a": (1, 1), "b": (2, 1)}
    assert data["b"].item_marks == [(3, 5), (4, 5)]


@LOADERS
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "f:2:1: duplicate key 'a' (first at line 1)"),
        ("a: &x 1\nb: *x\n", "f:2:4: YAML aliases (*x) are not supported; write the value out"),
        ("a: 1\n---\nb: 2\n", "f:2:1: expected one YAML document, found a second one ('---')"),
        ("   \n", "f: file is empty"),
        ("[" * 50_000, "f:1:101: nesting is deeper than 100 levels"),
        ("a:\n" + "  " * 60 + "- x\n", None),
    ],
)
def test_parse_problems(loader: type[Any], text: str, expected: str | None) -> None:
    if expected is None:
        yamlsafe.parse(text, "f", loader)
        return
    with pytest.raises(RolefitError) as info:
        yamlsafe.parse(text, "f", loader)
    assert str(info.value) == expected


@LOADERS
def test_deep_indentation_is_checked_precisely(loader: type[Any]) -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(150)) + "  " * 150 + "v\n"
    with pytest.raises(RolefitError, match="nesting is deeper than 100 levels"):
        yamlsafe.parse(deep, "f", loader)


def test_large_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("skills:\n" + "  - Python\n" * 200_000)
    with pytest.raises(RolefitError, match="larger than 1024 KiB"):
        yamlsafe.load_file(big)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(("size", "readable"), [(70_000, True), (yamlsafe.MAX_BYTES + 10, False)])
def test_a_pipe_is_read_in_pieces_up_to_the_limit(tmp_path: Path, size: int, readable: bool) -> None:
    """A pipe reports no size, so it is read until it ends or passes the limit."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    text = ("skills:\n" + "  - Python\n" * size)[:size]
    writer = threading.Thread(target=lambda: _write_ignoring_a_closed_reader(pipe, text))
    writer.start()
    try:
        if readable:
            assert yamlsafe.read_text(pipe) == text
        else:
            with pytest.raises(RolefitError, match="larger than 1024 KiB"):
                yamlsafe.read_text(pipe)
    finally:
        writer.join()


def _write_ignoring_a_closed_reader(pipe: Path, text: str) -> None:
    with contextlib.suppress(BrokenPipeError), pipe.open("w") as handle:
        handle.write(text)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(RolefitError, match="no such file"):
        yamlsafe.load_file(tmp_path / "nope.yaml")
    with pytest.raises(RolefitError, match="is a folder, not a file"):
        yamlsafe.load_file(tmp_path)


def test_not_utf8_is_located() -> None:
    with pytest.raises(RolefitError) as info:
        yamlsafe.load_file(DATA / "bad" / "not-utf8.yaml", "x")
    assert str(info.value) == "x:1:10: is not UTF-8 text (byte 0xe9); save it as UTF-8"


def test_bom_is_accepted() -> None:
    assert yamlsafe.parse(yamlsafe.decode(b"\xef\xbb\xbfa: 1\n", "f"), "f") == {"a": 1}
    assert yamlsafe.decode(b"\xef\xbb\xbf", "f") == ""
    # Only the first BOM is a BOM: a second one is text (U+FEFF), as for utf-8-sig.
    assert yamlsafe.decode(b"\xef\xbb\xbf\xef\xbb\xbfa", "f") == "\ufeffa"


@pytest.mark.parametrize(
    ("data", "place", "byte"),
    [
        # The bad byte itself, placed in the text after the BOM (as an editor shows
        # it, and as every other place in a file is counted), not 3 bytes off.
        (b"\xef\xbb\xbfa: 1\nb: \xff\n", "2:4", "0xff"),
        (b"\xef\xbb\xbf\xffa: 1\n", "1:1", "0xff"),
        (b"\xef\xbb\xbfname: Ren\xe9\n", "1:10", "0xe9"),
        (b"\xef\xbb\xbfa: \xc3\n", "1:4", "0xc3"),  # a sequence cut short
        (b"\xef\xbb", "1:1", "0xef"),  # half a BOM is not one
        (b"a: 1\nb: \xff\n", "2:4", "0xff"),
    ],
)
def test_not_utf8_after_a_bom_is_located(data: bytes, place: str, byte: str) -> None:
    with pytest.raises(RolefitError) as info:
        yamlsafe.decode(data, "f")
    assert str(info.value) == f"f:{place}: is not UTF-8 text (byte {byte}); save it as UTF-8"


@given(st.text(max_size=200))
def test_parse_raises_nothing_but_rolefit_error(text: str) -> None:
    for loader in yamlfull.LOADERS:
        with contextlib.suppress(RolefitError):
            yamlsafe.parse(text, "f", loader)


@given(st.binary(max_size=200))
def test_decode_raises_nothing_but_rolefit_error(data: bytes) -> None:
    with contextlib.suppress(RolefitError):
        yamlsafe.decode(data, "f")


def test_the_c_loader_is_used_where_pyyaml_has_libyaml() -> None:
    import yaml

    names = [loader.__name__ for loader in yamlfull.LOADERS]
    assert names == (["CLoader", "PyLoader"] if yaml.__with_libyaml__ else ["PyLoader"])


@LOADERS
def test_small_deep_text_is_refused_while_walking(loader: type[Any]) -> None:
    """Short texts skip the event scan (they cannot crash the composer) and are
    held to the same depth limit by the walk that builds the data."""
    text = "a: " + "[" * 150 + "]" * 150
    assert len(text) < yamlfull.SMALL_TEXT
    with pytest.raises(RolefitError) as info:
        yamlsafe.parse(text, "f", loader)
    assert str(info.value) == "f:1:103: nesting is deeper than 100 levels"


@LOADERS
def test_plain_and_marked_data_are_equal(loader: type[Any]) -> None:
    text = "name: Ada\nskills:\n  - {name: C++, level: 4}\n  - [R, 2]\nn: ~\nf: 1.5e3\nx: 0x1F\n"
    assert yamlsafe.parse(text, "f", loader, marks=False) == yamlsafe.parse(text, "f", loader)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!set {x}\n", "f:1:4: unsupported YAML tag !!set"),
        ("a: !!float x\n", "f:1:4: 'x' is not a valid float"),
        ("? [a]\n: 1\n", "f:1:3: a mapping key must be a plain value"),
    ],
)
def test_unsupported_yaml(text: str, expected: str) -> None:
    with pytest.raises(RolefitError) as info:
        yamlsafe.parse(text, "f")
    assert str(info.value) == expected


def test_usual_files_are_read_without_importing_pyyaml() -> None:
    """PyYAML's import costs more than reading a usual skills file: `assess` and
    `batch` on such files must not pay it."""
    code = (
        "import sys; from rolefit.formats.profiles import load_profile; "
        f"load_profile({str(EXAMPLES[0])!r}); print('yaml' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_regular_file_is_read_to_its_end_in_one_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    real_read, asked = os.read, []

    def read(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(os, "read", read)
    assert yamlsafe._read_bytes(path) == b"a: 1\n"
    assert asked == [6]  # its size and one more byte: the end is found in the same read


def test_a_file_that_gives_less_than_its_size_is_read_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some file systems (FUSE) may answer a read with fewer bytes than asked: what
    is missing is read on until the end, never cut off."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"name: Ada\nskills: [Python]\n")
    real_read, asked = os.read, []

    def short_read(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, min(size, 4))

    monkeypatch.setattr(os, "read", short_read)
    assert yamlsafe._read_bytes(path) == b"name: Ada\nskills: [Python]\n"
    assert len(asked) == 8  # 27 bytes in reads of at most 4 (seven), and one that finds the end
