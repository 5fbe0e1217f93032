"""User text made safe for Markdown: the one place that does it.

A name, a skill or a file name goes into table cells, list items and headings.
Every ASCII punctuation character Markdown gives a meaning to is
backslash-escaped, so user text never opens a code span, emphasis, a link, an
autolink, raw HTML or an entity, and never ends a table cell; a line break
would end the table row and is shown as `\\n` like every other control code
(by the terminal helper, whose escapes are then escaped in turn).
"""

from __future__ import annotations

import re

from rolefit.render.safe_terminal import visible

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start or end something: code, emphasis, links and images, HTML and
# entities, headings, lists, tables, strikethrough, and (: . @) GFM's autolinks.
_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~&:@]")


def escape(text: str) -> str:
    """User text for a Markdown table cell, list item or heading: shown exactly as written."""
    return _SPECIAL.sub(r"\\\g<0>", visible(text))
