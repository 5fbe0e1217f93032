"""What the wheel ships for reading texts (rolefit.texts.prepared): the phrase index must
read exactly as a freshly built index does, and anything stale or broken must be
ignored."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from rolefit import packaged
from rolefit.formats.roles import builtin_roles
from rolefit.scoring.assess import _PREPARED_STAMP, compile_prepared, load_prepared
from rolefit.texts import prepared as textprep
from rolefit.texts.build import compile_text
from rolefit.texts.documents import read_document
from rolefit.texts.draft import draft, to_json_data
from rolefit.texts.extract import Categories, PhraseIndex, find_mentions
from rolefit.texts.posting import read_posting, role_data

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
    return prepared, compile_text(prepared, builtin_roles())


def test_the_shipped_index_reads_as_a_built_one(shipped: tuple[bytes, bytes]) -> None:
    prepared, text = shipped
    stamp, (matcher_stamp, tables) = pickle.loads(text)
    assert stamp == textprep.TEXT_STAMP and matcher_stamp == _PREPARED_STAMP
    loaded = load_prepared(prepared, builtin_roles())
    assert loaded is not None
    matcher = loaded[0]
    built = PhraseIndex(matcher)
    from_tables = PhraseIndex.from_tables(matcher, tables)
    assert from_tables.tables().keys() == built.tables().keys()
    categories = Categories(builtin_roles(), matcher)
    for path in TEXTS:
        document = read_document(str(path))
        assert find_mentions(document.text, from_tables) == find_mentions(document.text, built)
        assert to_json_data(draft(document, from_tables, categories)) == to_json_data(
            draft(document, built, categories)
        )
        assert role_data(read_posting(document, from_tables, categories), {}) == role_data(
            read_posting(document, built, categories), {}
        )


def test_a_stale_or_broken_text_pickle_is_ignored(
    shipped: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, text = shipped
    _, tables = pickle.loads(text)

    def load(data: bytes | None) -> object:
        monkeypatch.setattr(textprep, "_shipped", [])
        monkeypatch.setattr(packaged, "read", lambda name: data)
        return textprep.shipped_tables()

    assert load(text) == tables
    assert load(pickle.dumps((("0.0.1", 1), tables))) is None  # another version
    assert load(b"not a pickle") is None
    assert load(None) is None


def test_an_index_built_for_another_matcher_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """text_tools takes the shipped tables only when they were built for the prepared
    matcher this version loads."""
    from rolefit.texts import extract

    sentinel: dict[str, object] = {"phrases": {}}
    monkeypatch.setattr(extract, "shipped_tables", lambda: (("0.0.1", 1), sentinel))
    assert extract.text_tools().index.phrases  # built, not the sentinel
