"""Building text.pickle for the wheel (see rolefit.textprep): run by hatch_build.py.

Apart from rolefit.textprep, so that what a run imports stays free of what only the
build needs (and of import cycles: this module imports the text readers).
"""

from __future__ import annotations

import pickle
import re
from typing import Any

from rolefit import draft, posting, textprep  # noqa: F401  (their patterns are made on import, so recorded)
from rolefit.assess import _PREPARED_STAMP, load_prepared
from rolefit.extract import PhraseIndex
from rolefit.textprep import TEXT_STAMP


def compile_text(prepared: bytes) -> bytes:
    """text.pickle for the wheel: the phrase index built for the matcher in
    `prepared` (what assess.compile_prepared made), and the programs of every
    pattern the text readers make."""
    loaded = load_prepared(prepared)
    if loaded is None:
        raise ValueError("the prepared matcher does not load")
    index = PhraseIndex(loaded[0])
    for _ in index.patterns():  # made with `regex`, so recorded
        pass
    tables = (_PREPARED_STAMP, index.tables())

    programs: dict[tuple[str, int], tuple[Any, ...]] = {}
    for pattern, flags in textprep.recorded():
        try:
            program = textprep.program_of(pattern, flags)
            if textprep.from_program(pattern, program) == re.compile(pattern, flags):
                programs[pattern, flags] = program
        except Exception:  # another Python's internals: ship no program, compile at run time
            continue
    return pickle.dumps((TEXT_STAMP, textprep.ENGINE, programs, tables), protocol=4)
