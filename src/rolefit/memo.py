"""Bounded memos: what a run remembers to go faster, and how much.

A cohort repeats the same few hundred skill strings thousands of times, so the
objects a run owns (the Matcher, the RoleSet) remember what they worked out.
Each memo stops growing at its size: past it, new keys are worked out afresh
(correct, only slower), so a run over millions of distinct strings keeps a flat
memory. `benchmarks/batch.py` prints the peak memory; `benchmarks/tricks.py`
what the memos buy.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

RESOLVED_SIZE = 100_000  # distinct skill strings a matcher remembers
CREDITS_SIZE = 100_000  # distinct (skill string, level) pairs a role set remembers


class Memo(dict[K, V]):
    """A dict that remembers at most `size` entries, then stops adding."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def remember(self, key: K, value: V) -> V:
        if len(self) < self.size:
            self[key] = value
        return value
