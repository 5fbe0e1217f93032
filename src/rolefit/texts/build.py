"""Building text.pickle for the wheel (see rolefit.texts.prepared): run by hatch_build.py.

Apart from rolefit.texts.prepared, so that what a run imports stays free of what only the
build needs (and of import cycles: this module imports the text readers).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rolefit.scoring.assess import _PREPARED_STAMP, load_prepared
from rolefit.texts.extract import PhraseIndex
from rolefit.texts.prepared import TEXT_STAMP

if TYPE_CHECKING:
    from rolefit.model import Role


def compile_text(prepared: bytes, roles: Sequence[Role]) -> bytes:
    """text.pickle for the wheel: the phrase index built for the matcher in
    `prepared` (what assess.compile_prepared made of `roles`)."""
    loaded = load_prepared(prepared, roles)
    if loaded is None:
        raise ValueError("the prepared matcher does not load")
    tables = (_PREPARED_STAMP, PhraseIndex(loaded[0]).tables())
    return pickle.dumps((TEXT_STAMP, tables), protocol=4)
