"""What the wheel ships for reading texts (rolefit.textprep): the phrase index and the
patterns' compiled programs must read exactly as a freshly built index and freshly
compiled patterns do, and anything stale, foreign or broken must be ignored."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from rolefit import packaged, textprep
from rolefit.assess import _PREPARED_STAMP, compile_prepared, load_prepared
from rolefit.documents import read_document
from rolefit.draft import draft, to_json_data
from rolefit.extract import Categories, PhraseIndex, find_mentions
from rolefit.posting import read_posting, role_data
from rolefit.roles import builtin_roles
from rolefit.textbuild import compile_text

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    ROOT / "benchmarks" / "data" / "resume.md",
    *sorted((ROOT / "tests" / "data" / "postings").glob("*.md"))[:3],
    *sorted((ROOT / "tests" / "data" / "resumes").glob("*.md"))[:3],
]


@pytest.fixture(scope="module")
def shipped() -> tuple[bytes, bytes]:
    """(prepared.pickle, text.pickle) as the wheel build makes them."""
    prepared = compile_prepared(builtin_roles())
    return prepared, compile_text(prepared)


def test_every_pattern_compiles_to_the_same_program_either_way() -> None:
    index = PhraseIndex(load_prepared(compile_prepared(builtin_roles()))[0])  # type: ignore[index]
    list(index.patterns())
    recorded = textprep.recorded()
    assert len(recorded) > 100  # the phrasings, and the readers' own patterns
    for pattern, flags in recorded:
        # Pattern equality compares the flags, the source and the compiled code.
        assert textprep.from_program(pattern, textprep.program_of(pattern, flags)) == re.compile(pattern, flags)


def test_the_shipped_index_and_programs_read_as_built_ones(
    shipped: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared, text = shipped
    stamp, engine, programs, (matcher_stamp, tables) = pickle.loads(text)
    assert stamp == textprep.TEXT_STAMP and engine == textprep.ENGINE and matcher_stamp == _PREPARED_STAMP
    assert programs and all(isinstance(key, tuple) for key in programs)
    loaded = load_prepared(prepared)
    assert loaded is not None
    matcher = loaded[0]
    built = PhraseIndex(matcher)
    from_tables = PhraseIndex.from_tables(matcher, tables)
    assert from_tables.tables().keys() == built.tables().keys()
    categories = Categories(builtin_roles(), matcher)
    # With the shipped programs in use, a row's pattern comes from its program.
    monkeypatch.setattr(textprep, "_shipped", (None, programs))
    for row in from_tables.everyday:
        assert row.compiled() == re.compile(row.pattern, re.IGNORECASE)
    for path in TEXTS:
        document = read_document(str(path))
        assert find_mentions(document.text, from_tables) == find_mentions(document.text, built)
        assert to_json_data(draft(document, from_tables, categories)) == to_json_data(
            draft(document, built, categories)
        )
        assert role_data(read_posting(document, from_tables, categories), {}) == role_data(
            read_posting(document, built, categories), {}
        )


def test_a_stale_foreign_or_broken_text_pickle_is_ignored(
    shipped: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, text = shipped
    stamp, engine, programs, tables = pickle.loads(text)
    pattern, flags = next(iter(programs))

    def load(data: bytes | None) -> tuple[object, dict[tuple[str, int], tuple[object, ...]]]:
        monkeypatch.setattr(textprep, "_shipped", None)
        monkeypatch.setattr(packaged, "read", lambda name: data)
        return textprep._load()

    assert load(text)[0] is not None and load(text)[1]
    assert load(pickle.dumps((("0.0.1", 1), engine, programs, tables))) == (None, {})  # another version
    other_engine = load(pickle.dumps((stamp, ("other-python", 0, 0), programs, tables)))
    assert other_engine[0] is not None and other_engine[1] == {}  # the index still serves; the patterns compile
    assert load(b"not a pickle") == (None, {})
    assert load(None) == (None, {})
    # A program the engine rejects: the pattern is compiled instead.
    load(pickle.dumps((stamp, engine, {(pattern, flags): (flags, [999, 1, 2], 0, {}, (None,))}, tables)))
    assert textprep.regex(pattern, flags) == re.compile(pattern, flags)


def test_an_index_built_for_another_matcher_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """text_tools takes the shipped tables only when they were built for the prepared
    matcher this version loads."""
    from rolefit import extract

    sentinel: dict[str, object] = {"phrases": {}}
    monkeypatch.setattr(extract, "shipped_tables", lambda: (("0.0.1", 1), sentinel))
    assert extract.text_tools().index.phrases  # built, not the sentinel
