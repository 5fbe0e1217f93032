"""User text made safe for a terminal: the one place that does it.

Names, skills, titles, file names and echoed values come from files anyone can
write. Sent raw, an escape sequence can recolour or clear the screen, set the
window title or plant a hidden link (OSC 8); a carriage return overwrites what
came before on the line; a bidi override reverses what follows. Each such
character is shown as an escape a person can read instead: `\\x1b`, `\\r`,
`\\u202e`; a byte of a file name that is not UTF-8 as `\\xNN`.

Imports nothing heavy: the CLI escapes its error messages with it too.
"""

from __future__ import annotations

import re

# C0 and C1 controls and DEL; the bidi controls (embeddings, overrides,
# isolates, marks); line and paragraph separators; lone surrogates (what a
# file name that is not UTF-8 holds, and nothing a terminal can print).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for a byte that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character that could act on a terminal shown as an escape."""
    return _UNSAFE.sub(_escape, text)
